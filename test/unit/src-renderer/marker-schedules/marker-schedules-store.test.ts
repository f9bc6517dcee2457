import { describe, expect, it } from 'vitest';
import { parseAt, settingsSchema, type Settings } from '../../../../shared/contract';
import type { MarkerSchedule } from '../../../../shared/strategy/marker-schedule';
import { DEFAULT_SETTINGS } from '../../../../src-main/platform/app/default-settings';
import { CallError } from '../../../../src-renderer/api/tapedeck-client';
import { createMarkerSchedulesStore } from '../../../../src-renderer/marker-schedules/marker-schedules-store';
import { createSettingsStore } from '../../../../src-renderer/settings/settings-store';
import { fakeClient, type FakeClient } from '../fakes';

const SETTINGS: Settings = settingsSchema.parse({ ...DEFAULT_SETTINGS, theme: 'dark', defaultFeed: 'sim', defaultInterval: '5m', watchlist: ['SPY'], displayTimeZone: 'exchange', markerSchedules: [] });

/** A core whose settings.set validates the whole settings as the SettingsRepository does, refusing with the path of the bad field. */
function core(client: FakeClient, start: Settings = SETTINGS): { stored: () => Settings; sets: () => number } {
  let stored = start;
  let sets = 0;
  client.answer((method, params) => {
    if (method === 'settings.get') return stored;
    if (method !== 'settings.set') throw new Error(`unexpected ${method}`);
    sets++;
    const next = parseAt(settingsSchema, { ...stored, ...(params as object) }, 'params');
    if (!next.ok) throw new CallError(next.error);
    stored = next.value;
    return stored;
  });
  return { stored: () => stored, sets: () => sets };
}

async function stores(start: Settings = SETTINGS) {
  const client = fakeClient();
  const c = core(client, start);
  const settings = createSettingsStore(client);
  const stop = settings.getState().start();
  await new Promise((resolve) => setImmediate(resolve));
  stop();
  return { client, core: c, settings, markers: createMarkerSchedulesStore(settings) };
}

describe('createMarkerSchedulesStore: the schedule form', () => {
  it('a bad line is shown under the entries with its textarea line, nothing saved; fixed, it saves the whole list', async () => {
    const { core: c, settings, markers } = await stores({ ...SETTINGS, markerSchedules: [{ name: 'first', kind: 'sessions', every: 3, anchor: '2024-01-02' }] });
    markers.getState().startNew();
    markers.getState().editDraft({ name: 'half hours', entries: '09:30\n10:00\n\n10:30\n09:35x\n11:00' });
    expect(await markers.getState().saveDraft()).toBe(false);
    expect(markers.getState().draftErrors).toEqual({ entries: 'line 5: "09:35x" is not a time of day HH:MM' });
    expect(c.stored().markerSchedules.map((s) => s.name)).toEqual(['first']);
    expect(markers.getState().draft).not.toBeNull();
    // Typing clears the error; the fixed list saves.
    markers.getState().editDraft({ entries: '09:30\n10:00\n\n10:30\n11:00' });
    expect(markers.getState().draftErrors).toEqual({});
    expect(await markers.getState().saveDraft()).toBe(true);
    expect(c.stored().markerSchedules).toEqual([
      { name: 'first', kind: 'sessions', every: 3, anchor: '2024-01-02' },
      { name: 'half hours', kind: 'times', times: ['09:30', '10:00', '10:30', '11:00'] },
    ]);
    expect(settings.getState().settings?.markerSchedules).toEqual(c.stored().markerSchedules);
    expect(markers.getState()).toMatchObject({ draft: null, saving: false, notice: 'Saved "half hours"' });
    // The watchlist's error is not the place for these.
    expect(settings.getState().saveError).toBeNull();
  });

  it('a built-in name is refused under the name', async () => {
    const { core: c, markers } = await stores();
    markers.getState().startNew();
    markers.getState().editDraft({ name: 'ny-10m', entries: '09:30' });
    expect(await markers.getState().saveDraft()).toBe(false);
    expect(markers.getState().draftErrors).toEqual({ name: '"ny-10m" is the name of a built-in schedule' });
    expect(c.sets()).toBe(1);
    expect(c.stored().markerSchedules).toEqual([]);
  });

  it('edits a schedule in place (renamed), and a sessions schedule’s every and anchor', async () => {
    const start: MarkerSchedule[] = [
      { name: 'a', kind: 'times', times: ['09:30'] },
      { name: 'b', kind: 'sessions', every: 3, anchor: '2024-01-02' },
    ];
    const { core: c, markers } = await stores({ ...SETTINGS, markerSchedules: start });
    markers.getState().startEdit(start[1]!);
    markers.getState().editDraft({ name: 'b2', every: '0' });
    expect(await markers.getState().saveDraft()).toBe(false);
    expect(markers.getState().draftErrors).toEqual({ every: 'Too small: expected number to be >=1' });
    markers.getState().editDraft({ every: '5', anchor: '2024-02-30' });
    expect(await markers.getState().saveDraft()).toBe(false);
    expect(markers.getState().draftErrors).toEqual({ anchor: '"2024-02-30" is not a date YYYY-MM-DD' });
    markers.getState().editDraft({ anchor: '2024-02-29' });
    expect(await markers.getState().saveDraft()).toBe(true);
    expect(c.stored().markerSchedules).toEqual([start[0], { name: 'b2', kind: 'sessions', every: 5, anchor: '2024-02-29' }]);
  });

  it('deletes by name; the open form of that schedule closes', async () => {
    const a: MarkerSchedule = { name: 'a', kind: 'times', times: ['09:30'] };
    const { core: c, markers } = await stores({ ...SETTINGS, markerSchedules: [a] });
    markers.getState().startEdit(a);
    expect(await markers.getState().remove('a')).toBe(true);
    expect(c.stored().markerSchedules).toEqual([]);
    expect(markers.getState()).toMatchObject({ draft: null, notice: 'Deleted "a"', error: null });
  });
});

describe('createMarkerSchedulesStore: importing a CSV', () => {
  it('a bad line is named under the file and nothing is sent; a good file is saved as a dates schedule', async () => {
    const { core: c, markers } = await stores();
    markers.getState().editCsvName('earnings');
    markers.getState().chooseCsv({ fileName: 'e.csv', text: 'date\n2024-01-02\n2024-01-3\n' });
    expect(await markers.getState().importCsv()).toBe(false);
    expect(markers.getState().csvErrors).toEqual({ file: 'line 3: "2024-01-3" is not a date YYYY-MM-DD or a date-time YYYY-MM-DD HH:MM' });
    expect(c.sets()).toBe(0);
    markers.getState().chooseCsv({ fileName: 'e.csv', text: 'date\n2024-01-02\n2024-01-03 10:30\n' });
    expect(markers.getState().csvErrors).toEqual({});
    expect(await markers.getState().importCsv()).toBe(true);
    expect(c.stored().markerSchedules).toEqual([{ name: 'earnings', kind: 'dates', dates: ['2024-01-02', '2024-01-03T10:30'] }]);
    expect(markers.getState()).toMatchObject({ csvName: '', csvFile: null, notice: 'Imported "earnings" (2 dates)' });
  });

  it('a name already taken is refused under the name', async () => {
    const { core: c, markers } = await stores({ ...SETTINGS, markerSchedules: [{ name: 'earnings', kind: 'dates', dates: ['2024-01-02'] }] });
    markers.getState().editCsvName('earnings');
    markers.getState().chooseCsv({ fileName: 'e.csv', text: '2024-01-05\n' });
    expect(await markers.getState().importCsv()).toBe(false);
    expect(markers.getState().csvErrors).toEqual({ name: '"earnings" is already the name of one of your schedules' });
    expect(c.sets()).toBe(0);
  });
});
