import { describe, expect, it } from 'vitest';
import type { MarkerSchedule } from '../../../../shared/strategy/marker-schedule';
import { scheduleChoices } from '../../../../src-renderer/marker-schedules/schedule-choices';
import { withoutSchedule, withSchedule } from '../../../../src-renderer/marker-schedules/schedule-list-edit';
import { scheduleRows } from '../../../../src-renderer/marker-schedules/schedule-rows';

const A: MarkerSchedule = { name: 'a', kind: 'times', times: ['09:30', '12:00'] };
const B: MarkerSchedule = { name: 'b', kind: 'sessions', every: 3, anchor: '2024-01-02' };

describe('scheduleRows', () => {
  it('the built-ins first (marked), then the user’s, each with kind, summary and the next three markers', () => {
    const rows = scheduleRows([A], Date.UTC(2024, 2, 11, 13, 35));
    expect(rows.map((r) => [r.name, r.builtin, r.kind, r.summary])).toEqual([
      ['ny-10m', true, 'times', '09:30, 09:40 … 15:50 (39 times)'],
      ['every-2-sessions', true, 'sessions', 'every 2 sessions from 2015-01-02'],
      ['every-15-sessions', true, 'sessions', 'every 15 sessions from 2015-01-02'],
      ['a', false, 'times', '09:30, 12:00 (2 times)'],
    ]);
    expect(rows[0]!.next).toEqual(['Mon 2024-03-11 09:40 ET', 'Mon 2024-03-11 09:50 ET', 'Mon 2024-03-11 10:00 ET']);
    expect(rows[3]!.next).toEqual(['Mon 2024-03-11 12:00 ET', 'Tue 2024-03-12 09:30 ET', 'Tue 2024-03-12 12:00 ET']);
    expect(rows[3]!.schedule).toBe(A);
  });
});

describe('withSchedule / withoutSchedule', () => {
  const C: MarkerSchedule = { name: 'c', kind: 'dates', dates: ['2024-01-02'] };

  it('a new schedule goes last; an edited one stays in its place, even renamed', () => {
    expect(withSchedule([A, B], null, C)).toEqual({ list: [A, B, C], index: 2 });
    const renamed = { ...A, name: 'a2' };
    expect(withSchedule([A, B], 'a', renamed)).toEqual({ list: [renamed, B], index: 0 });
    // Edited from a list that has since lost it: saved as new.
    expect(withSchedule([B], 'a', renamed)).toEqual({ list: [B, renamed], index: 1 });
  });

  it('deletes by name', () => {
    expect(withoutSchedule([A, B, C], 'b')).toEqual([A, C]);
    expect(withoutSchedule([A], 'zzz')).toEqual([A]);
  });
});

describe('scheduleChoices', () => {
  it('auto, the built-ins, then the user’s', () => {
    expect(scheduleChoices([A, B], 'auto')).toEqual([
      { value: 'auto', label: 'auto (from the bar interval)' },
      { value: 'ny-10m', label: 'ny-10m (built-in)' },
      { value: 'every-2-sessions', label: 'every-2-sessions (built-in)' },
      { value: 'every-15-sessions', label: 'every-15-sessions (built-in)' },
      { value: 'a', label: 'a' },
      { value: 'b', label: 'b' },
    ]);
  });

  it('a value that names no schedule stays, marked', () => {
    expect(scheduleChoices([], 'gone').at(-1)).toEqual({ value: 'gone', label: 'gone (not found)' });
    expect(scheduleChoices([], 'gone')).toHaveLength(5);
  });
});
