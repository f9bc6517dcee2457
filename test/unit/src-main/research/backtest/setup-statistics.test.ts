import { describe, expect, it } from 'vitest';
import type { BacktestTrade } from '../../../../../shared/contract/backtest-contract';
import type { EpochMs } from '../../../../../shared/domain/epoch';
import { setupStatistics } from '../../../../../src-main/research/backtest/setup-statistics';
import { tradeStatistics } from '../../../../../src-main/research/backtest/trade-statistics';

const trade = (setup: string, pnl: number, returnPct: number): BacktestTrade => ({
  side: setup.endsWith('down') ? 'short' : 'long',
  size: 10,
  entryTime: 0 as EpochMs,
  entryPrice: 100,
  exitTime: 1 as EpochMs,
  exitPrice: 100,
  pnl,
  returnPct,
  barsHeld: 1,
  commission: 0,
  setup,
  entryReason: '',
  exitReason: '',
});

describe('setupStatistics: how many times each setup played out', () => {
  it('groups by setup, sorted by id: count, win rate, mean return, profit factor (null without a loser), total P&L', () => {
    const trades = [trade('orb-up', 30, 3), trade('orb-down', -10, -1), trade('orb-up', -20, -2), trade('orb-up', 0, 0), trade('orb-down', -5, -0.5), trade('orb-up', 50, 5)];
    expect(setupStatistics(trades)).toEqual([
      { setup: 'orb-down', trades: 2, winRatePct: 0, avgReturnPct: -0.75, profitFactor: 0, totalPnl: -15 },
      { setup: 'orb-up', trades: 4, winRatePct: 50, avgReturnPct: 1.5, profitFactor: 4, totalPnl: 60 },
    ]);
    expect(setupStatistics([trade('sweep-low', 10, 1)])).toEqual([{ setup: 'sweep-low', trades: 1, winRatePct: 100, avgReturnPct: 1, profitFactor: null, totalPnl: 10 }]);
    expect(setupStatistics([])).toEqual([]);
  });
});

describe('longestLosingStreak', () => {
  it('the most consecutive trades with pnl < 0; a scratch trade ends a streak', () => {
    const pnls = [5, -1, -2, 0, -1, -1, -1, 3, -4, -4];
    expect(tradeStatistics(pnls.map((p) => trade('x', p, p))).longestLosingStreak).toBe(3);
    expect(tradeStatistics([-1, -1, -1, -1].map((p) => trade('x', p, p))).longestLosingStreak).toBe(4);
    expect(tradeStatistics([]).longestLosingStreak).toBe(0);
  });
});
