import { describe, expect, it } from 'vitest';
import { daysFromCivil } from '../../../../shared/market/civil-date';
import { SimMarket } from '../../../../src-main/market-data/feeds/sim/sim-market';
import { simOptionChain, simUnderlying, simUnderlyingPrice } from '../../../../src-main/options/sim/sim-underlying';

const SEED = 20240101;

describe('the sim underlying behind the option chain', () => {
  const market = new SimMarket(SEED);

  it('centres strikes on the previous session close of the same sim', () => {
    const spy = simUnderlying(SEED, 'SPY');
    if (spy === null) throw new Error('no SPY');
    // Monday 2024-03-11: the previous session is Friday 2024-03-08.
    const friday = market.columns('SPY', Date.parse('2024-03-08T14:30:00Z'), Date.parse('2024-03-08T21:00:00Z'));
    const lastClose = friday.close[friday.length - 1] ?? 0;
    expect(Math.abs(spy.referencePrice(daysFromCivil(2024, 3, 11)) / lastClose - 1)).toBeLessThan(1e-3);
    expect(spy.volOn(daysFromCivil(2024, 3, 10))).toBeGreaterThan(0.05);
    expect(spy.longRunVol).toBe(0.16);
  });

  it('only the sim US equities have options', () => {
    expect(simOptionChain(SEED, 'BTCUSDT')).toBeNull();
    expect(simOptionChain(SEED, 'EURUSD')).toBeNull();
    for (const s of ['SPY', 'QQQ', 'AAPL', 'NVDA']) expect(simOptionChain(SEED, s)?.symbol).toBe(s);
  });

  it('reads the underlying: the quote mid while open, the last close while shut', () => {
    const open = Date.parse('2024-03-11T15:00:00Z');
    const q = market.quote('SPY', open);
    expect(simUnderlyingPrice(market, 'SPY', open)).toBe(q === null ? null : (q.bid + q.ask) / 2);
    const saturday = Date.parse('2024-03-09T15:00:00Z');
    const friday = market.columns('SPY', Date.parse('2024-03-08T14:30:00Z'), Date.parse('2024-03-08T21:00:00Z'));
    expect(simUnderlyingPrice(market, 'SPY', saturday)).toBe(friday.close[friday.length - 1]);
  });

  it('two chains of one seed quote alike; the chain is deterministic', () => {
    const t = Date.parse('2024-03-11T15:00:00Z');
    const a = simOptionChain(SEED, 'QQQ')?.quoteAt(440, t, daysFromCivil(2024, 3, 15));
    const b = simOptionChain(SEED, 'QQQ')?.quoteAt(440, t, daysFromCivil(2024, 3, 15));
    expect(a?.expirations[0]?.quotes.length).toBeGreaterThan(50);
    expect(b).toEqual(a);
  });
});
