import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Settings } from '../../../../shared/contract';
import { createSettingsSlice, type SettingsSlice } from '../../../../src-renderer/settings/settings-slice';
import { createSettingsStore, type SettingsStore } from '../../../../src-renderer/settings/settings-store';
import { withLayoutKind, withPaneInterval } from '../../../../src-renderer/layout/layout-edit';
import { fakeClient, type FakeClient } from '../fakes';
import { settingsWith } from '../settings-fixture';

describe('createSettingsSlice', () => {
  let client: FakeClient;
  let stored: Settings;
  let settings: SettingsStore;
  let slice: SettingsSlice<'chartLayout'>;
  let stops: (() => void)[];
  const writes = (): unknown[] => client.calls.filter((c) => c.method === 'settings.set').map((c) => c.params);
  const push = (next: Settings): void => {
    for (const s of client.active().filter((x) => x.event === 'settings.changed')) s.deliver(next);
  };

  beforeEach(async () => {
    vi.useFakeTimers();
    client = fakeClient();
    stored = settingsWith({});
    client.answer((method, params) => {
      if (method === 'settings.set') stored = { ...stored, ...(params as Partial<Settings>) };
      return stored;
    });
    settings = createSettingsStore(client);
    slice = createSettingsSlice('chartLayout', settings, { delayMs: 400 });
    stops = [settings.getState().start(), slice.getState().start()];
    await vi.runAllTimersAsync();
  });
  afterEach(() => {
    for (const stop of stops) stop();
    vi.useRealTimers();
  });

  it('starts from the stored value', () => {
    expect(slice.getState().value).toEqual(stored.chartLayout);
  });

  it('shows edits at once and writes them once they pause, in one settings.set', async () => {
    const { update } = slice.getState();
    update((l) => withLayoutKind(l, '4'));
    update((l) => withPaneInterval(l, 1, '1h'));
    update((l) => withPaneInterval(l, 2, '15m'));
    expect(slice.getState().value?.layout).toBe('4');
    expect(writes()).toEqual([]);
    await vi.advanceTimersByTimeAsync(399);
    expect(writes()).toEqual([]);
    await vi.advanceTimersByTimeAsync(1);
    expect(writes()).toEqual([{ chartLayout: slice.getState().value }]);
    expect(stored.chartLayout.panes.map((p) => p.interval)).toEqual(['5m', '1h', '15m', '5m']);
  });

  it('adopts a value pushed by another window, but not while an edit of ours waits', async () => {
    const theirs = { ...stored, chartLayout: withLayoutKind(stored.chartLayout, '2h') };
    push(theirs);
    expect(slice.getState().value?.layout).toBe('2h');
    slice.getState().update((l) => withLayoutKind(l, '2v'));
    push({ ...stored, chartLayout: withLayoutKind(stored.chartLayout, '4') });
    expect(slice.getState().value?.layout).toBe('2v');
    await vi.advanceTimersByTimeAsync(400);
    expect(stored.chartLayout.layout).toBe('2v');
  });

  it('writes a waiting edit at once when flushed (and when stopped)', async () => {
    slice.getState().update((l) => withLayoutKind(l, '2v'));
    slice.getState().flush();
    await vi.advanceTimersByTimeAsync(0);
    expect(writes()).toHaveLength(1);
    slice.getState().update((l) => withLayoutKind(l, '4'));
    for (const stop of stops.splice(0)) stop();
    await vi.advanceTimersByTimeAsync(0);
    expect(writes()).toHaveLength(2);
    expect(stored.chartLayout.layout).toBe('4');
  });

  it('ignores an edit that changes nothing', async () => {
    slice.getState().update((l) => l);
    await vi.advanceTimersByTimeAsync(1_000);
    expect(writes()).toEqual([]);
  });
});
