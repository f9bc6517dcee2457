import { describe, expect, it } from 'vitest';
import { emptySlots, expectedBars } from '../../../../shared/market/slots';

const MIN = 60_000;
const H = 60 * MIN;
const times = (...ts: number[]): Float64Array => Float64Array.from(ts);

describe('empty slots: where a series is expected to have bars and has none', () => {
  it('finds runs of missing minutes inside sessions and merges them across touching crypto days', () => {
    const t0 = Date.UTC(2024, 0, 1, 23, 57);
    // 23:57 and 00:02 present; 23:58 .. 00:01 missing across midnight.
    expect(emptySlots('crypto', '1m', times(t0, t0 + 5 * MIN), t0, t0 + 6 * MIN)).toEqual([{ from: t0 + MIN, to: t0 + 5 * MIN }]);
  });

  it('never counts nights, weekends or NYSE holidays as missing for US equities', () => {
    // Friday 2024-03-29 is Good Friday: from Thursday's close to Monday's open nothing is expected.
    const thuClose = Date.UTC(2024, 2, 28, 20);
    const monOpen = Date.UTC(2024, 3, 1, 13, 30);
    expect(emptySlots('us-equity', '1m', times(), thuClose, monOpen)).toEqual([]);
    expect(expectedBars('us-equity', '1m', thuClose, monOpen)).toBe(0);
    expect(emptySlots('us-equity', '1m', times(monOpen + MIN), monOpen, monOpen + 3 * MIN)).toEqual([
      { from: monOpen, to: monOpen + MIN },
      { from: monOpen + 2 * MIN, to: monOpen + 3 * MIN },
    ]);
  });

  it('treats a daily base bar as present when it is stamped anywhere on its session date', () => {
    const mon = Date.UTC(2024, 2, 4, 5); // midnight New York
    const tue = Date.UTC(2024, 2, 5, 5);
    const wed = Date.UTC(2024, 2, 6, 5);
    expect(emptySlots('us-equity', '1d', times(mon, wed), mon, Date.UTC(2024, 2, 7, 5))).toEqual([{ from: tue, to: wed }]);
  });
});

describe('expected bars per interval', () => {
  it('counts FX 4h buckets that start before the Sunday open once, and a week as one bar', () => {
    // Sunday 2024-03-03 17:00 New York = 22:00 UTC; the UTC 20:00 bucket holds its first two hours.
    expect(expectedBars('fx', '4h', Date.UTC(2024, 2, 3, 20), Date.UTC(2024, 2, 4, 4))).toBe(2);
    expect(expectedBars('fx', '4h', Date.UTC(2024, 2, 3, 21), Date.UTC(2024, 2, 4, 4))).toBe(1);
    expect(expectedBars('crypto', '1w', Date.UTC(2024, 0, 1), Date.UTC(2024, 0, 29))).toBe(4);
    expect(expectedBars('us-equity', '1h', Date.UTC(2024, 2, 4, 14, 30), Date.UTC(2024, 2, 4, 21))).toBe(7);
    expect(expectedBars('crypto', '1h', 0, 0)).toBe(0);
    expect(H).toBe(3_600_000);
  });
});
