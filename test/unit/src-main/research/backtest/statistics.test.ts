import { describe, expect, it } from 'vitest';
import type { BacktestTrade } from '../../../../../shared/contract/backtest-contract';
import type { EpochMs } from '../../../../../shared/domain/epoch';
import { DAY_MS } from '../../../../../shared/domain/interval';
import { tradeStatistics } from '../../../../../src-main/research/backtest/trade-statistics';
import { closesOf, CRYPTO_1D, flat, long, run, short, T0 } from './backtest-fixtures';

const close = { entry: { type: 'close' } } as const;

describe('statistics of a small run computed by hand', () => {
  // Daily crypto bars (365 periods a year), cash 1,000, every fill at a close (market-on-close), no costs:
  // bar 0 buy 100 @ 10; bar 1 sell @ 12 (+200, +20%); bar 2 buy 100 @ 12; bar 3 sell @ 9 (-300, -25%);
  // bar 4 buy 90 @ 10; bar 5 closed at the end @ 11 (+90, +10%).
  const out = run(closesOf([10, 12, 12, 9, 10, 11]), { 0: long('a', close), 1: flat('x', close), 2: long('b', close), 3: flat('y', close), 4: long('c', close) }, { ...CRYPTO_1D, cash: 1000 });
  const s = out.stats;

  it('books the trades and the equity curve', () => {
    expect(out.trades.map((t) => [t.size, t.entryPrice, t.exitPrice, t.pnl, t.returnPct])).toEqual([
      [100, 10, 12, 200, 20],
      [100, 12, 9, -300, -25],
      [90, 10, 11, 90, 10],
    ]);
    expect(Array.from(out.equity.equity)).toEqual([1000, 1200, 1200, 900, 900, 990]);
    expect(Array.from(out.equity.drawdownPct)).toEqual([0, 0, 0, -25, -25, -17.5]);
  });

  it('returns, exposure, peak', () => {
    expect(s.start).toBe(T0);
    expect(s.end).toBe(T0 + 5 * DAY_MS);
    expect(s.bars).toBe(6);
    expect(s.exposurePct).toBe(100);
    expect(s.equityFinal).toBe(990);
    expect(s.equityPeak).toBe(1200);
    expect(s.returnPct).toBe(-1);
    expect(s.buyHoldReturnPct).toBeCloseTo(10, 12);
    expect(s.commissionsPaid).toBe(0);
  });

  it('trade figures: win rate, best/worst, geometric average, profit factor, expectancy, SQN', () => {
    expect(s.trades).toBe(3);
    expect(s.winRatePct).toBeCloseTo(200 / 3, 12);
    expect(s.bestTradePct).toBe(20);
    expect(s.worstTradePct).toBe(-25);
    // (1.2 * 0.75 * 1.1)^(1/3) - 1 = 0.99^(1/3) - 1.
    expect(s.avgTradePct).toBeCloseTo((Math.cbrt(0.99) - 1) * 100, 12);
    expect(s.avgTradePct).toBeCloseTo(-0.33445, 5);
    expect(s.profitFactor).toBeCloseTo(290 / 300, 12);
    expect(s.expectancyPct).toBeCloseTo(5 / 3, 12);
    // pnl 200, -300, 90: mean -10/3; sum of squared deviations 138,100 - 3 * (10/3)^2 = 138,066.67; std = sqrt(69,033.33) = 262.742.
    expect(s.sqn).toBeCloseTo((Math.sqrt(3) * (-10 / 3)) / Math.sqrt((138100 - 100 / 3) / 2), 12);
    expect(s.sqn).toBeCloseTo(-0.021974, 6);
  });

  it('drawdowns: one period from the peak at bar 2, never recovered', () => {
    expect(s.maxDrawdownPct).toBe(-25);
    expect(s.avgDrawdownPct).toBe(-25);
    expect(s.maxDrawdownDurationBars).toBe(3);
  });

  it('annualised figures from the daily returns 0, +20%, 0, -25%, 0, +10% (after the starting 1,000)', () => {
    // Growth per day (1 + g) = 0.99^(1/6); annual = 0.99^(365/6) - 1 = -45.739%.
    const annual = Math.pow(0.99, 365 / 6) - 1;
    expect(s.returnAnnPct).toBeCloseTo(annual * 100, 10);
    expect(s.returnAnnPct).toBeCloseTo(-45.7407, 3);
    // mean 0.05/6; sum of squared deviations 0.1125 - 6 * (0.05/6)^2; variance over 5.
    const variance = (0.1125 - 0.0025 / 6) / 5;
    const growth = Math.pow(0.99, 1 / 6);
    const vol = Math.sqrt(Math.pow(variance + growth * growth, 365) - Math.pow(growth, 730));
    expect(s.volatilityAnnPct).toBeCloseTo(vol * 100, 6);
    expect(s.sharpe).toBeCloseTo((annual * 100) / (vol * 100), 10);
    // Downside deviation: sqrt(0.25^2 / 6) per day, times sqrt(365).
    expect(s.sortino).toBeCloseTo(annual / (Math.sqrt(0.0625 / 6) * Math.sqrt(365)), 12);
    expect(s.calmar).toBeCloseTo(annual / 0.25, 12);
    // Six daily bars cover 6 days: 0.99^(365.25 / 6) - 1.
    expect(s.cagrPct).toBeCloseTo((Math.pow(0.99, 365.25 / 6) - 1) * 100, 10);
  });
});

describe('undefined statistics are null', () => {
  it('no trades, no movement: every ratio without a denominator is null, never NaN', () => {
    const out = run(closesOf([10, 10, 10]), {}, CRYPTO_1D);
    const s = out.stats;
    expect(s).toMatchObject({
      exposurePct: 0,
      equityFinal: 10000,
      equityPeak: 10000,
      returnPct: 0,
      buyHoldReturnPct: 0,
      returnAnnPct: 0,
      volatilityAnnPct: 0,
      cagrPct: 0,
      sharpe: null,
      sortino: null,
      calmar: null,
      maxDrawdownPct: 0,
      avgDrawdownPct: 0,
      maxDrawdownDurationBars: 0,
      trades: 0,
      winRatePct: null,
      bestTradePct: null,
      worstTradePct: null,
      avgTradePct: null,
      profitFactor: null,
      expectancyPct: null,
      sqn: null,
      commissionsPaid: 0,
    });
    for (const v of Object.values(s)) expect(v === null || Number.isFinite(v)).toBe(true);
  });

  it('one bar: no volatility from a single daily return', () => {
    const s = run(closesOf([10]), {}, CRYPTO_1D).stats;
    expect(s.volatilityAnnPct).toBeNull();
    expect(s.sharpe).toBeNull();
    expect(s.returnAnnPct).toBe(0);
  });

  it('a single winning trade: no profit factor (no loser) and no SQN (one trade)', () => {
    const s = run(closesOf([10, 11, 12]), { 0: long('a', close) }, CRYPTO_1D).stats;
    expect(s.trades).toBe(1);
    expect(s.winRatePct).toBe(100);
    expect(s.profitFactor).toBeNull();
    expect(s.sqn).toBeNull();
    expect(s.bestTradePct).toBe(20);
  });
});

describe('a short squeezed below zero equity', () => {
  it('annualised ratios are undefined, returns are -100% a year', () => {
    // Short 100 @ 10 from 1,000 cash (cash 2,000); marked at 25: equity 2,000 - 2,500 = -500.
    const out = run(closesOf([10, 20, 25]), { 0: short('s', close) }, { ...CRYPTO_1D, cash: 1000, allowShort: true });
    const s = out.stats;
    expect(Array.from(out.equity.equity)).toEqual([1000, 0, -500]);
    expect(out.trades).toMatchObject([{ side: 'short', pnl: -1500, returnPct: -150, exitReason: 'end of run' }]);
    expect(s.returnPct).toBe(-150);
    expect(s.maxDrawdownPct).toBe(-150);
    expect(s.returnAnnPct).toBe(-100);
    expect(s.cagrPct).toBe(-100);
    expect(s.volatilityAnnPct).toBeNull();
    expect(s.sharpe).toBeNull();
    expect(s.sortino).toBeNull();
    expect(s.calmar).toBeNull();
    expect(s.avgTradePct).toBeNull();
    expect(s.worstTradePct).toBe(-150);
  });
});

describe('tradeStatistics', () => {
  const trade = (pnl: number, returnPct: number): BacktestTrade => ({
    side: 'short',
    size: 1,
    entryTime: 0 as EpochMs,
    entryPrice: 1,
    exitTime: 1 as EpochMs,
    exitPrice: 1,
    pnl,
    returnPct,
    barsHeld: 1,
    commission: 0,
    setup: 'a',
    entryReason: '',
    exitReason: '',
  });

  it('profit factor in money; a break-even trade is neither a win nor a loss', () => {
    const t = tradeStatistics([trade(30, 3), trade(-10, -1), trade(0, 0), trade(-5, -0.5)]);
    expect(t.profitFactor).toBe(2);
    expect(t.winRatePct).toBe(25);
    expect(t.expectancyPct).toBeCloseTo(0.375, 12);
  });

  it('the geometric average is undefined once a trade lost 100% or more', () => {
    const t = tradeStatistics([trade(10, 10), trade(-150, -150)]);
    expect(t.avgTradePct).toBeNull();
    expect(t.worstTradePct).toBe(-150);
  });
});
