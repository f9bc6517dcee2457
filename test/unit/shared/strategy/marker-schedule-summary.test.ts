import { describe, expect, it } from 'vitest';
import { BUILTIN_SCHEDULES, markerScheduleSchema, type MarkerSchedule } from '../../../../shared/strategy/marker-schedule';
import { scheduleSummary } from '../../../../shared/strategy/marker-schedule-summary';
import { formatMarkerTime, nextMarkers, nextMarkerTimes } from '../../../../shared/strategy/next-markers';

const schedule = (input: unknown): MarkerSchedule => markerScheduleSchema.parse(input);

describe('scheduleSummary', () => {
  it('the built-ins', () => {
    expect(BUILTIN_SCHEDULES.map(scheduleSummary)).toEqual([
      '09:30, 09:40 … 15:50 (39 times)',
      'every 2 sessions from 2015-01-02',
      'every 15 sessions from 2015-01-02',
    ]);
  });

  it('times: all of them up to three, else the first two and the last', () => {
    expect(scheduleSummary(schedule({ name: 'a', kind: 'times', times: ['10:00'] }))).toBe('10:00 (1 time)');
    expect(scheduleSummary(schedule({ name: 'a', kind: 'times', times: ['09:30', '10:00'] }))).toBe('09:30, 10:00 (2 times)');
    expect(scheduleSummary(schedule({ name: 'a', kind: 'times', times: ['09:30', '10:00', '12:15'] }))).toBe('09:30, 10:00, 12:15 (3 times)');
    expect(scheduleSummary(schedule({ name: 'a', kind: 'times', times: ['09:30', '10:00', '12:15', '15:45'] }))).toBe('09:30, 10:00 … 15:45 (4 times)');
  });

  it('sessions: every one, or every N, from the anchor', () => {
    expect(scheduleSummary(schedule({ name: 'a', kind: 'sessions', every: 1, anchor: '2024-01-02' }))).toBe('every session from 2024-01-02');
    expect(scheduleSummary(schedule({ name: 'a', kind: 'sessions', every: 5 }))).toBe('every 5 sessions from 2015-01-02');
  });

  it('dates: how many, the first and the last; a date-time with a space', () => {
    const dates = ['2024-01-02', ...Array.from({ length: 10 }, (_, i) => `2024-02-${String(i + 10)}`), '2024-06-28'];
    expect(scheduleSummary(schedule({ name: 'a', kind: 'dates', dates }))).toBe('12 dates, 2024-01-02 … 2024-06-28');
    expect(scheduleSummary(schedule({ name: 'a', kind: 'dates', dates: ['2024-01-02T10:30'] }))).toBe('1 date, 2024-01-02 10:30');
    expect(scheduleSummary(schedule({ name: 'a', kind: 'dates', dates: ['2024-01-02', '2024-01-03T15:00'] }))).toBe('2 dates, 2024-01-02 … 2024-01-03 15:00');
  });
});

describe('formatMarkerTime', () => {
  it('New York wall time, 24-hour, with the weekday, in summer and winter time', () => {
    expect(formatMarkerTime(Date.UTC(2024, 2, 11, 13, 40))).toBe('Mon 2024-03-11 09:40 ET');
    expect(formatMarkerTime(Date.UTC(2024, 0, 2, 14, 30))).toBe('Tue 2024-01-02 09:30 ET');
    expect(formatMarkerTime(Date.UTC(2024, 6, 5, 19, 55))).toBe('Fri 2024-07-05 15:55 ET');
  });
});

describe('nextMarkerTimes (US equities)', () => {
  it('ny-10m from 09:35 on a Monday just after the clocks changed', () => {
    const ny10m = BUILTIN_SCHEDULES[0]!;
    expect(nextMarkerTimes(ny10m, Date.UTC(2024, 2, 11, 13, 35), 3)).toEqual(['Mon 2024-03-11 09:40 ET', 'Mon 2024-03-11 09:50 ET', 'Mon 2024-03-11 10:00 ET']);
    // Strictly after: a marker at "now" is not next.
    expect(nextMarkerTimes(ny10m, Date.UTC(2024, 2, 11, 13, 40), 1)).toEqual(['Mon 2024-03-11 09:50 ET']);
    // After the last one of a Friday: Monday's open.
    expect(nextMarkerTimes(ny10m, Date.UTC(2024, 2, 8, 20, 55), 2)).toEqual(['Mon 2024-03-11 09:30 ET', 'Mon 2024-03-11 09:40 ET']);
  });

  it('times: none after an early close (the day after Thanksgiving closes at 13:00)', () => {
    const s = schedule({ name: 'a', kind: 'times', times: ['09:30', '13:30'] });
    expect(nextMarkerTimes(s, Date.UTC(2024, 10, 29, 13, 0), 3)).toEqual(['Fri 2024-11-29 09:30 ET', 'Mon 2024-12-02 09:30 ET', 'Mon 2024-12-02 13:30 ET']);
  });

  it('sessions: every session open, skipping a holiday', () => {
    const s = schedule({ name: 'a', kind: 'sessions', every: 1, anchor: '2024-01-02' });
    expect(nextMarkerTimes(s, Date.UTC(2024, 6, 3, 20, 0), 3)).toEqual(['Fri 2024-07-05 09:30 ET', 'Mon 2024-07-08 09:30 ET', 'Tue 2024-07-09 09:30 ET']);
  });

  it('dates: a date is its session open, a date without a session marks nothing, fewer at the end of the list', () => {
    const s = schedule({ name: 'a', kind: 'dates', dates: ['2024-03-08', '2024-03-11T10:30', '2024-03-16', '2024-03-18T15:30'] });
    expect(nextMarkerTimes(s, Date.UTC(2024, 2, 8), 3)).toEqual(['Fri 2024-03-08 09:30 ET', 'Mon 2024-03-11 10:30 ET', 'Mon 2024-03-18 15:30 ET']);
    expect(nextMarkerTimes(s, Date.UTC(2024, 2, 12), 3)).toEqual(['Mon 2024-03-18 15:30 ET']);
    expect(nextMarkers(s, Date.UTC(2024, 2, 19), 3)).toEqual([]);
  });
});
