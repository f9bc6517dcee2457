import { describe, expect, it } from 'vitest';
import { DAY_MS, HOUR_MS, MINUTE_MS, WEEK_MS } from '../../../../../shared/domain/interval';
import { periodEquity, periodsPerYear } from '../../../../../src-main/research/backtest/annualisation';

describe('periodsPerYear', () => {
  it('365 for a 24/7 market, 252 for markets closed at weekends, 52 for weekly bars', () => {
    expect(periodsPerYear('crypto', MINUTE_MS)).toBe(365);
    expect(periodsPerYear('crypto', DAY_MS)).toBe(365);
    expect(periodsPerYear('us-equity', 5 * MINUTE_MS)).toBe(252);
    expect(periodsPerYear('fx', HOUR_MS)).toBe(252);
    expect(periodsPerYear('us-equity', DAY_MS)).toBe(252);
    expect(periodsPerYear('crypto', WEEK_MS)).toBe(52);
    expect(periodsPerYear('us-equity', WEEK_MS)).toBe(52);
  });
});

describe('periodEquity', () => {
  it('crypto: the equity at the last bar of each UTC day, after the starting cash', () => {
    const t0 = Date.UTC(2024, 0, 1, 22);
    const times = Float64Array.from([0, 1, 2, 3, 4].map((h) => t0 + h * HOUR_MS)); // 22:00, 23:00, 00:00, 01:00, 02:00
    const out = periodEquity(times, Float64Array.from([101, 102, 103, 104, 105]), 'crypto', HOUR_MS, 100);
    expect(Array.from(out)).toEqual([100, 102, 105]);
  });

  it('us-equity: the New York day (a 20:00 UTC bar in winter belongs to the same session as 15:00 UTC)', () => {
    const times = Float64Array.from([Date.UTC(2024, 0, 2, 15), Date.UTC(2024, 0, 2, 20), Date.UTC(2024, 0, 3, 15)]);
    const out = periodEquity(times, Float64Array.from([1, 2, 3]), 'us-equity', HOUR_MS, 1);
    expect(Array.from(out)).toEqual([1, 2, 3]);
  });

  it('fx: the trading day rolls at 17:00 New York (22:00 UTC in winter)', () => {
    const times = Float64Array.from([Date.UTC(2024, 0, 2, 21), Date.UTC(2024, 0, 2, 22), Date.UTC(2024, 0, 2, 23)]);
    const out = periodEquity(times, Float64Array.from([1, 2, 3]), 'fx', HOUR_MS, 1);
    expect(Array.from(out)).toEqual([1, 1, 3]);
  });

  it('bars of a day or longer are their own periods', () => {
    const times = Float64Array.from([0, DAY_MS, 2 * DAY_MS]);
    expect(Array.from(periodEquity(times, Float64Array.from([5, 6, 7]), 'crypto', DAY_MS, 4))).toEqual([4, 5, 6, 7]);
  });
});
