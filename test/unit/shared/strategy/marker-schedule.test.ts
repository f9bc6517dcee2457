import { describe, expect, it } from 'vitest';
import { parseAt } from '../../../../shared/contract/validation';
import { settingsSchema } from '../../../../shared/contract/settings-contract';
import { DEFAULT_SETTINGS } from '../../../../src-main/platform/app/default-settings';
import { BUILTIN_SCHEDULES, findSchedule, markerScheduleSchema, parseScheduleDate, parseTimeOfDay } from '../../../../shared/strategy/marker-schedule';

/** The first refusal of `input` as a schedule: `path: message`. */
function refusal(input: unknown): string | null {
  const r = parseAt(markerScheduleSchema, input, '');
  return r.ok ? null : r.error.message;
}

describe('marker schedules: what is accepted', () => {
  it('times of day inside the session, sessions with an anchor (default 2015-01-02), dates and date-times', () => {
    expect(markerScheduleSchema.parse({ name: 'a', kind: 'times', times: ['09:30', '09:40', '15:59'] })).toEqual({ name: 'a', kind: 'times', times: ['09:30', '09:40', '15:59'] });
    expect(markerScheduleSchema.parse({ name: 'b', kind: 'sessions', every: 15 })).toEqual({ name: 'b', kind: 'sessions', every: 15, anchor: '2015-01-02' });
    expect(markerScheduleSchema.parse({ name: 'c', kind: 'dates', dates: ['2024-03-08', '2024-03-08T10:00', '2024-03-11'] }).kind).toBe('dates');
  });

  it('the built-ins: every 10 minutes from 09:30 to 15:50, every 2 and every 15 sessions', () => {
    const ny10 = findSchedule('ny-10m');
    expect(ny10?.kind === 'times' ? [ny10.times.length, ny10.times[0], ny10.times[1], ny10.times.at(-1)] : null).toEqual([39, '09:30', '09:40', '15:50']);
    expect(BUILTIN_SCHEDULES.map((s) => s.name)).toEqual(['ny-10m', 'every-2-sessions', 'every-15-sessions']);
    for (const s of BUILTIN_SCHEDULES) expect(markerScheduleSchema.parse(s)).toEqual(s);
    expect(findSchedule('mine', [{ name: 'mine', kind: 'sessions', every: 3, anchor: '2024-01-02' }])?.kind).toBe('sessions');
  });

  it('reads times and dates exactly', () => {
    expect(parseTimeOfDay('09:30')).toBe(570);
    expect(parseTimeOfDay('24:00')).toBeNull();
    expect(parseTimeOfDay('9:30')).toBeNull();
    expect(parseScheduleDate('2024-02-29T15:05')).toEqual({ days: 19782, minute: 905 });
    expect(parseScheduleDate('2023-02-29')).toBeNull();
  });
});

describe('marker schedules: bad input is refused naming the field and the entry', () => {
  it.each([
    [{ name: 'a', kind: 'times', times: ['09:40', '09:30'] }, 'times[1]: "09:30" is not after times[0] "09:40" (the list must be sorted, without duplicates)'],
    [{ name: 'a', kind: 'times', times: ['09:30', '09:40', '09:40'] }, 'times[2]: "09:40" repeats times[1] "09:40" (the list must be sorted, without duplicates)'],
    [{ name: 'a', kind: 'times', times: ['09:30', '16:00'] }, 'times[1]: "16:00" is outside the regular session 09:30–16:00 (New York)'],
    [{ name: 'a', kind: 'times', times: ['09:29'] }, 'times[0]: "09:29" is outside the regular session 09:30–16:00 (New York)'],
    [{ name: 'a', kind: 'times', times: ['9:30'] }, 'times[0]: "9:30" is not a time of day HH:MM'],
    [{ name: 'a', kind: 'times', times: [] }, 'times: give at least one time (HH:MM, New York)'],
    [{ name: 'a', kind: 'dates', dates: [] }, 'dates: give at least one date'],
    [{ name: 'a', kind: 'dates', dates: ['2024-03-11', '2024-03-08'] }, 'dates[1]: "2024-03-08" is not after dates[0] "2024-03-11" (the list must be sorted, without duplicates)'],
    [{ name: 'a', kind: 'dates', dates: ['2024-03-11', '2024-03-11T09:30'] }, 'dates[1]: "2024-03-11T09:30" repeats dates[0] "2024-03-11" (the list must be sorted, without duplicates)'],
    [{ name: 'a', kind: 'dates', dates: ['2024-03-11T17:00'] }, 'dates[0]: "2024-03-11T17:00" is outside the regular session 09:30–16:00 (New York)'],
    [{ name: 'a', kind: 'dates', dates: ['2024-02-30'] }, 'dates[0]: "2024-02-30" is not a date YYYY-MM-DD or a date-time YYYY-MM-DDTHH:MM (New York)'],
    [{ name: 'a', kind: 'sessions', every: 0 }, 'every: Too small: expected number to be >=1'],
    [{ name: 'a', kind: 'sessions', every: 2, anchor: '2024-13-01' }, 'anchor: "2024-13-01" is not a date YYYY-MM-DD'],
    [{ name: '', kind: 'sessions', every: 2 }, 'name: give the schedule a name'],
    [{ name: 'auto', kind: 'sessions', every: 2 }, 'name: "auto" is reserved (it picks a built-in schedule from the bar interval)'],
  ])('%o', (input, message) => {
    expect(refusal(input)).toBe(message);
  });

  it('in the settings: at most 50, names unique and not a built-in\u2019s, each entry named with its schedule', () => {
    const base = { ...DEFAULT_SETTINGS, theme: 'dark', defaultFeed: 'sim', defaultInterval: '5m', watchlist: [], displayTimeZone: 'UTC' };
    const at = (markerSchedules: unknown): string | null => {
      const r = parseAt(settingsSchema, { ...base, markerSchedules }, 'params');
      return r.ok ? null : r.error.message;
    };
    expect(at([])).toBeNull();
    expect(at([{ name: 'x', kind: 'times', times: ['10:00', '09:30'] }])).toBe('params.markerSchedules[0].times[1]: "09:30" is not after times[0] "10:00" (the list must be sorted, without duplicates)');
    expect(at([{ name: 'every-2-sessions', kind: 'sessions', every: 2 }])).toBe('params.markerSchedules[0].name: "every-2-sessions" is the name of a built-in schedule');
    expect(
      at([
        { name: 'x', kind: 'sessions', every: 2 },
        { name: 'x', kind: 'sessions', every: 3 },
      ]),
    ).toBe('params.markerSchedules[1].name: "x" is already the name of schedule [0]');
    expect(at(Array.from({ length: 51 }, (_, i) => ({ name: `s${String(i)}`, kind: 'sessions', every: 2 })))).toMatch(/^params\.markerSchedules: /);
  });
});
