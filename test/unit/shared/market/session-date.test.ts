import { describe, expect, it } from 'vitest';
import { daysFromCivil } from '../../../../shared/market/civil-date';
import { sessionDateOf, sessionKeys } from '../../../../shared/market/session-date';

const day = (y: number, m: number, d: number): number => daysFromCivil(y, m, d);

describe('sessionDateOf', () => {
  it('crypto: the UTC day', () => {
    expect(sessionDateOf('crypto', Date.UTC(2024, 2, 10, 23, 59))).toBe(day(2024, 3, 10));
    expect(sessionDateOf('crypto', Date.UTC(2024, 2, 11, 0, 0))).toBe(day(2024, 3, 11));
  });

  it('US equities: the New York civil day, across the DST change', () => {
    // 2024-03-08 (EST): 00:30 UTC on the 9th is still the 8th in New York (19:30).
    expect(sessionDateOf('us-equity', Date.UTC(2024, 2, 9, 0, 30))).toBe(day(2024, 3, 8));
    // 2024-03-11 (EDT): 03:59 UTC is 23:59 on the 10th; 04:00 UTC is midnight of the 11th.
    expect(sessionDateOf('us-equity', Date.UTC(2024, 2, 11, 3, 59))).toBe(day(2024, 3, 10));
    expect(sessionDateOf('us-equity', Date.UTC(2024, 2, 11, 4, 0))).toBe(day(2024, 3, 11));
  });

  it('FX: the trading day rolls at 17:00 New York', () => {
    // 2024-01-09 21:59 UTC = 16:59 EST on the 9th; 22:00 UTC = 17:00 starts the 10th's trading day.
    expect(sessionDateOf('fx', Date.UTC(2024, 0, 9, 21, 59))).toBe(day(2024, 1, 9));
    expect(sessionDateOf('fx', Date.UTC(2024, 0, 9, 22, 0))).toBe(day(2024, 1, 10));
  });

  it('sessionKeys maps every time', () => {
    expect(Array.from(sessionKeys('crypto', [Date.UTC(2024, 0, 1), Date.UTC(2024, 0, 1, 12), Date.UTC(2024, 0, 2)]))).toEqual([
      day(2024, 1, 1),
      day(2024, 1, 1),
      day(2024, 1, 2),
    ]);
  });
});
