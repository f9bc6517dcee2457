import { describe, expect, it } from 'vitest';
import { barAt, type BarColumns } from '../../../../../../shared/domain/bar-columns';
import { DAY_MS, MINUTE_MS } from '../../../../../../shared/domain/interval';
import { SimMarket } from '../../../../../../src-main/market-data/feeds/sim/sim-market';
import { SIM_INSTRUMENTS } from '../../../../../../src-main/market-data/feeds/sim/sim-symbols';

const JAN_2024 = Date.UTC(2024, 0, 1);
const rows = (c: BarColumns): unknown[] => Array.from({ length: c.length }, (_, i) => barAt(c, i));

describe('SimMarket.columns', () => {
  it('gives the bars of bars(), whether the read fits the session cache or is larger than it', () => {
    // Ranges cut mid-session at both ends, over weekends (equities, FX) and whole days (crypto).
    const from = JAN_2024 + 3 * DAY_MS + 17 * MINUTE_MS + 30_000;
    const to = JAN_2024 + 12 * DAY_MS + 5 * 60 * MINUTE_MS + 1;
    for (const { symbol } of SIM_INSTRUMENTS) {
      const expected = new SimMarket(9).bars(symbol, from, to);
      expect(expected.length).toBeGreaterThan(1_000);
      const fits = new SimMarket(9).columns(symbol, from, to);
      // A cache of a few hundred bars: the read is larger than it.
      const larger = new SimMarket(9, SIM_INSTRUMENTS, 300).columns(symbol, from, to);
      expect(rows(fits)).toEqual(expected);
      expect(rows(larger)).toEqual(expected);
    }
  });

  it('reads larger than the cache use what it holds and leave it as it was', () => {
    const market = new SimMarket(4, SIM_INSTRUMENTS, 3_000);
    const day = JAN_2024 + 5 * DAY_MS;
    // One day is cached by a small read; a week-long read then takes it from the cache and adds nothing.
    const small = market.columns('BTCUSDT', day + 60 * MINUTE_MS, day + 120 * MINUTE_MS);
    expect(small.length).toBe(60);
    const week = market.columns('BTCUSDT', JAN_2024, JAN_2024 + 7 * DAY_MS);
    expect(week.length).toBe(7 * 1_440);
    expect(rows(week)).toEqual(new SimMarket(4).bars('BTCUSDT', JAN_2024, JAN_2024 + 7 * DAY_MS));
    expect((market as unknown as { sessionCache: { size: number } }).sessionCache.size).toBe(1_440);
  });

  it('returns nothing for an empty or reversed range', () => {
    const market = new SimMarket(1, SIM_INSTRUMENTS, 10);
    expect(market.columns('SPY', JAN_2024, JAN_2024).length).toBe(0);
    expect(market.columns('SPY', JAN_2024 + DAY_MS, JAN_2024).length).toBe(0);
  });
});
