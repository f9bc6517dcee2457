import { describe, expect, it } from 'vitest';
import { MarkerClock } from '../../../../shared/strategy/marker-clock';
import { findSchedule, type MarkerSchedule } from '../../../../shared/strategy/marker-schedule';

const utc = (y: number, m: number, d: number, h = 0, min = 0): number => Date.UTC(y, m - 1, d, h, min);
const iso = (ts: readonly number[]): string[] => ts.map((t) => new Date(t).toISOString().slice(0, 16));
const ny10 = new MarkerClock(findSchedule('ny-10m')!, 'us-equity');

describe('MarkerClock: times of day (New York, NYSE calendar)', () => {
  it('the DST switch days: 09:30 New York is 13:30 UTC on 2024-03-11 (after the spring switch), 14:30 UTC on 2024-11-04', () => {
    expect(iso(ny10.between(utc(2024, 3, 8), utc(2024, 3, 12)).filter((_, i) => i % 39 === 0))).toEqual(['2024-03-08T14:30', '2024-03-11T13:30']);
    expect(iso(ny10.between(utc(2024, 11, 1), utc(2024, 11, 5)).filter((_, i) => i % 39 === 0))).toEqual(['2024-11-01T13:30', '2024-11-04T14:30']);
    expect(ny10.between(utc(2024, 3, 11), utc(2024, 3, 12))).toHaveLength(39);
  });

  it('no marker on a holiday or after an early close (2024-07-03 and 2024-11-29 close at 13:00: the last is 12:50)', () => {
    expect(ny10.between(utc(2024, 7, 4), utc(2024, 7, 5))).toEqual([]);
    const early = ny10.between(utc(2024, 11, 29), utc(2024, 11, 30));
    expect(early).toHaveLength(21);
    expect(iso([early[0]!, early.at(-1)!])).toEqual(['2024-11-29T14:30', '2024-11-29T17:50']);
    expect(ny10.between(utc(2024, 7, 3), utc(2024, 7, 4))).toHaveLength(21);
  });

  it('the next markers after an instant, and the latest at or before one (inclusive)', () => {
    expect(iso(ny10.after(utc(2024, 11, 29, 17, 55), 3))).toEqual(['2024-12-02T14:30', '2024-12-02T14:40', '2024-12-02T14:50']);
    expect(ny10.after(utc(2024, 3, 11, 13, 30), 1)).toEqual([utc(2024, 3, 11, 13, 40)]);
    expect(ny10.atOrBefore(utc(2024, 3, 11, 13, 40))).toBe(utc(2024, 3, 11, 13, 40));
    expect(ny10.atOrBefore(utc(2024, 3, 11, 13, 39))).toBe(utc(2024, 3, 11, 13, 30));
    // Monday 09:25 New York: the previous marker is Friday's 15:50.
    expect(ny10.atOrBefore(utc(2024, 3, 11, 13, 25))).toBe(utc(2024, 3, 8, 20, 50));
  });
});

describe('MarkerClock: every N sessions from an anchor', () => {
  const every2 = (anchor: string): MarkerClock => new MarkerClock({ name: 'e2', kind: 'sessions', every: 2, anchor }, 'us-equity');

  it('counts NYSE sessions from the anchor: 8, 10, 12, then 17 and 19 January 2024 (the 15th is Martin Luther King Jr. Day)', () => {
    expect(iso(every2('2024-01-08').between(utc(2024, 1, 8), utc(2024, 1, 20)))).toEqual(['2024-01-08T14:30', '2024-01-10T14:30', '2024-01-12T14:30', '2024-01-17T14:30', '2024-01-19T14:30']);
  });

  it('an anchor on a holiday counts from the next session; sessions before the anchor count backwards', () => {
    const c = every2('2024-01-15');
    expect(iso(c.after(utc(2024, 1, 15), 3))).toEqual(['2024-01-16T14:30', '2024-01-18T14:30', '2024-01-22T14:30']);
    expect(iso([c.atOrBefore(utc(2024, 1, 12, 17)) ?? 0])).toEqual(['2024-01-11T14:30']);
  });

  it('the built-in every-15-sessions (from 2015-01-02) gives markers 15 sessions apart', () => {
    const c = new MarkerClock(findSchedule('every-15-sessions')!, 'us-equity');
    const marks = c.between(utc(2024, 1, 1), utc(2025, 1, 1));
    expect(marks.length).toBeGreaterThanOrEqual(16);
    const sessionsBetween = (a: number, b: number): number => ny10.between(a, b).length / 39;
    expect(sessionsBetween(marks[2]!, marks[3]!)).toBe(15);
  });

  it('crypto sessions are UTC days', () => {
    const c = new MarkerClock({ name: 'c', kind: 'sessions', every: 15, anchor: '2024-01-01' }, 'crypto');
    expect(iso(c.between(utc(2024, 1, 1), utc(2024, 2, 1)))).toEqual(['2024-01-01T00:00', '2024-01-16T00:00', '2024-01-31T00:00']);
  });
});

describe('MarkerClock: dates', () => {
  const schedule: MarkerSchedule = { name: 'd', kind: 'dates', dates: ['2024-03-08', '2024-03-09', '2024-03-11T10:00', '2024-11-29T12:30', '2024-11-29T13:30'] };
  const c = new MarkerClock(schedule, 'us-equity');

  it('a date marks its session open, a date-time that instant; no session (Saturday, after an early close), no marker', () => {
    expect(iso(c.between(0, utc(2030, 1, 1)))).toEqual(['2024-03-08T14:30', '2024-03-11T14:00', '2024-11-29T17:30']);
  });

  it('nothing before the first and after the last', () => {
    expect(c.atOrBefore(utc(2024, 3, 8, 14, 29))).toBeNull();
    expect(c.atOrBefore(utc(2024, 3, 11, 15))).toBe(utc(2024, 3, 11, 14));
    expect(c.after(utc(2024, 11, 29, 17, 30), 5)).toEqual([]);
    expect(c.after(utc(2024, 3, 8), 2)).toEqual([utc(2024, 3, 8, 14, 30), utc(2024, 3, 11, 14)]);
  });
});
