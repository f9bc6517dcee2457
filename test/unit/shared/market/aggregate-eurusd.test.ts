import { describe, expect, it } from 'vitest';
import { barsFromColumns, columnsFromBars } from '../../../../shared/domain/bar-columns';
import { bar, type Bar } from '../../../../shared/domain/bar';
import { HOUR_MS } from '../../../../shared/domain/interval';
import { aggregate } from '../../../../shared/market/aggregate';
import { readSharedCsv } from '../../../helpers/shared-data';

const rows = readSharedCsv('EURUSD.csv');
const hourly: Bar[] = rows.map((r) => bar(Date.parse(`${r.stamp.replace(' ', 'T')}Z`), r.open, r.high, r.low, r.close, r.volume, 0, true));

/** Independent reference: group by a key, straightforward first/max/min/last/sum. */
function reference(keyOf: (t: number) => number): { key: number; open: number; high: number; low: number; close: number; volume: number }[] {
  const groups = new Map<number, Bar[]>();
  for (const b of hourly) {
    const key = keyOf(b.time);
    groups.set(key, [...(groups.get(key) ?? []), b]);
  }
  return [...groups.entries()].map(([key, bs]) => ({
    key,
    open: bs[0]!.open,
    high: Math.max(...bs.map((b) => b.high)),
    low: Math.min(...bs.map((b) => b.low)),
    close: bs[bs.length - 1]!.close,
    volume: bs.reduce((s, b) => s + b.volume, 0),
  }));
}

const nyParts = new Intl.DateTimeFormat('en-US', { timeZone: 'America/New_York', hourCycle: 'h23', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit' });

/** The FX trading date (as a UTC midnight) of instant t, via Intl: New York date, plus one day from 17:00. */
function fxTradingDate(t: number): number {
  const p = Object.fromEntries(nyParts.formatToParts(t).map((x) => [x.type, x.value]));
  const midnight = Date.UTC(Number(p.year), Number(p.month) - 1, Number(p.day));
  return Number(p.hour) >= 17 ? midnight + 24 * HOUR_MS : midnight;
}

describe('aggregating EURUSD 1h (../shared/data) equals a straightforward reference', () => {
  it('has the data set the README describes', () => {
    expect(hourly).toHaveLength(5000);
    expect(new Date(hourly[0]!.time).toISOString()).toBe('2017-04-19T09:00:00.000Z');
  });

  it('4h: UTC-aligned buckets, every field of every bucket', () => {
    const got = barsFromColumns(aggregate('fx', '4h', columnsFromBars(hourly), { baseMs: HOUR_MS }));
    const want = reference((t) => Math.floor(t / (4 * HOUR_MS)) * 4 * HOUR_MS);
    expect(got.map((b) => ({ key: b.time, open: b.open, high: b.high, low: b.low, close: b.close, volume: b.volume }))).toEqual(want);
    expect(got.length).toBeGreaterThan(1200);
  });

  it('1d: the FX trading day ending 17:00 New York, every field of every bucket', () => {
    const got = barsFromColumns(aggregate('fx', '1d', columnsFromBars(hourly), { baseMs: HOUR_MS }));
    const want = reference(fxTradingDate);
    expect(got.map((b) => ({ open: b.open, high: b.high, low: b.low, close: b.close, volume: b.volume }))).toEqual(
      want.map(({ open, high, low, close, volume }) => ({ open, high, low, close, volume })),
    );
    // Each daily bar opens at 17:00 New York on the eve of its trading date.
    for (const [i, b] of got.entries()) {
      expect(fxTradingDate(b.time)).toBe(want[i]!.key);
      expect(nyParts.formatToParts(b.time).find((p) => p.type === 'hour')?.value).toBe('17');
    }
  });

  it('marks every bucket final except a last one cut short by the end of the data', () => {
    const got = barsFromColumns(aggregate('fx', '1d', columnsFromBars(hourly), { baseMs: HOUR_MS }));
    expect(got.slice(0, -1).every((b) => b.final)).toBe(true);
    const last = hourly[hourly.length - 1]!;
    const lastIsComplete = nyParts.formatToParts(last.time).find((p) => p.type === 'hour')?.value === '16';
    expect(got[got.length - 1]!.final).toBe(lastIsComplete);
  });
});
