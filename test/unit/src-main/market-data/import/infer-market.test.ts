import { describe, expect, it } from 'vitest';
import { DAY_MS, HOUR_MS } from '../../../../../shared/domain/interval';
import { inferMarket, inferMarketFromBars } from '../../../../../src-main/market-data/import/infer-market';

/** 2024-01-01 was a Monday. */
const MONDAY = Date.UTC(2024, 0, 1);
const weekdays = (weeks: number): Float64Array => Float64Array.from({ length: weeks * 5 }, (_, i) => MONDAY + (Math.floor(i / 5) * 7 + (i % 5)) * DAY_MS);
const everyDay = (days: number): Float64Array => Float64Array.from({ length: days }, (_, i) => MONDAY + i * DAY_MS);

describe('inferMarket', () => {
  it('reads the zone and the symbol', () => {
    expect(inferMarket('GOOG', 'America/New_York')).toBe('us-equity');
    expect(inferMarket('EUR/USD', 'UTC')).toBe('fx');
    expect(inferMarket('BTCUSDT', 'UTC')).toBe('crypto');
  });
});

describe('inferMarketFromBars', () => {
  it('calls two weeks or more of weekday-only bars a market that closes at weekends', () => {
    expect(inferMarketFromBars('', 'UTC', weekdays(3))).toBe('us-equity');
    expect(inferMarketFromBars('', 'UTC', Float64Array.from({ length: 21 * 24 }, (_, i) => MONDAY + i * HOUR_MS).filter((t) => new Date(t).getUTCDay() % 6 !== 0))).toBe('us-equity');
  });

  it('keeps crypto for bars on a weekend, for a span too short to judge, and for no bars', () => {
    expect(inferMarketFromBars('', 'UTC', everyDay(30))).toBe('crypto');
    expect(inferMarketFromBars('', 'UTC', weekdays(2))).toBe('crypto'); // Monday to the next Friday: 11 days
    expect(inferMarketFromBars('', 'UTC', new Float64Array(0))).toBe('crypto');
  });

  it('leaves a market the name or zone already gives', () => {
    expect(inferMarketFromBars('EURUSD', 'UTC', weekdays(4))).toBe('fx');
    expect(inferMarketFromBars('SPY', 'America/New_York', everyDay(30))).toBe('us-equity');
  });
});
