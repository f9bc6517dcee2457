import { describe, expect, it } from 'vitest';
import { bar } from '../../../../../shared/domain/bar';
import { columnsFromBars } from '../../../../../shared/domain/bar-columns';
import { GymSession } from '../../../../../src-main/research/gym/gym-session';

const T = Date.UTC(2024, 0, 2);
const D = 86_400_000;
// open, close per day
const bars = columnsFromBars([
  bar(T, 100, 101, 99, 100, 10, 1, true),
  bar(T + D, 99, 105, 98, 104, 10, 1, true),
  bar(T + 2 * D, 110, 112, 108, 111, 10, 1, true),
  bar(T + 3 * D, 120, 121, 115, 116, 10, 1, true),
]);
const sma = { name: 'sma:2', values: Float64Array.from([Number.NaN, 102, 107.5, 113.5]) };

describe('GymSession', () => {
  it('reveals bar 0 first, with indicators (null in warm-up) and the untouched wallet', () => {
    const g = new GymSession('g1', bars, [sma], { cash: 1000, fees: 0, fractional: false });
    expect(g.state()).toEqual({
      id: 'g1',
      step: 0,
      steps: 4,
      bar: bar(T, 100, 101, 99, 100, 10, 1, true),
      indicators: { 'sma:2': null },
      wallet: { cash: 1000, position: 0, avgPrice: null, equity: 1000, feesPaid: 0, realizedPnl: 0 },
      done: false,
    });
  });

  it('fills BUY at the next open in whole units after fees, SELL realises P&L net of both fees', () => {
    const g = new GymSession('g2', bars, [sma], { cash: 1000, fees: 0.001, fractional: false });
    // Equity 1000, 50%: budget 500 at open 99 with 0.1% fee: floor(500 / 99.099) = 5 units.
    const buy = g.act('BUY', 50);
    expect(buy.fill).toEqual({ side: 'buy', time: T + D, price: 99, units: 5, fee: 0.495 });
    expect(buy.wallet.cash).toBeCloseTo(1000 - 495 - 0.495, 10);
    expect(buy.wallet.position).toBe(5);
    expect(buy.wallet.avgPrice).toBe(99);
    expect(buy.wallet.equity).toBeCloseTo(504.505 + 5 * 104, 10);
    expect(g.state().indicators).toEqual({ 'sma:2': 102 });

    // Sell all at the open of day 2 (110): fee 0.55; realised (110 - 99) * 5 - 0.55 - 0.495 = 53.955.
    const sell = g.act('SELL', 100);
    expect(sell.fill).toEqual({ side: 'sell', time: T + 2 * D, price: 110, units: 5, fee: 0.55 });
    expect(sell.wallet.position).toBe(0);
    expect(sell.wallet.avgPrice).toBeNull();
    expect(sell.wallet.realizedPnl).toBeCloseTo(53.955, 10);
    expect(sell.wallet.cash).toBeCloseTo(1053.955, 10);
    expect(sell.wallet.feesPaid).toBeCloseTo(1.045, 10);

    const last = g.act('HOLD', 100);
    expect(last).toMatchObject({ fill: null, done: true });
    expect(() => g.act('HOLD', 100)).toThrow('the session is done');
  });

  it('buys fractional units for crypto and refuses a SELL with nothing held', () => {
    const g = new GymSession('g3', bars, [], { cash: 1000, fees: 0, fractional: true });
    expect(g.act('SELL', 100).fill).toBeNull();
    const b = g.act('BUY', 10);
    // 10% of equity 1000 = 100 at 110 → 0.90909090 units (kept to 1e-8, rounded down).
    expect(b.fill?.units).toBe(0.90909090);
    expect(b.wallet.cash).toBeCloseTo(1000 - 0.9090909 * 110, 8);
  });

  it('is deterministic: the same actions give the same wallets', () => {
    const run = () => {
      const g = new GymSession('g', bars, [], { cash: 5000, fees: 0.002, fractional: false });
      return [g.act('BUY', 100), g.act('SELL', 50), g.act('SELL', 100)].map((r) => JSON.stringify(r));
    };
    expect(run()).toEqual(run());
  });
});
