import type { BacktestTrade } from '../../../shared/contract/backtest-contract';

/** The per-trade statistics; null where a figure is undefined (no trades, no losers, no spread). */
export interface TradeStatistics {
  readonly trades: number;
  readonly winRatePct: number | null;
  readonly bestTradePct: number | null;
  readonly worstTradePct: number | null;
  readonly avgTradePct: number | null;
  readonly profitFactor: number | null;
  readonly expectancyPct: number | null;
  readonly sqn: number | null;
  readonly longestLosingStreak: number;
}

/**
 * Over the closed trades (pnl after both legs' commissions, returnPct =
 * pnl / entry notional * 100), modelled on backtesting.py's compute_stats:
 * - winRatePct = count(pnl > 0) / trades * 100;
 * - bestTradePct / worstTradePct = max / min of returnPct;
 * - avgTradePct = geometric mean of the returns: (exp(mean(ln(1 + r))) - 1) * 100
 *   with r = returnPct / 100; null when a trade lost 100% or more (a short can),
 *   where backtesting.py answers 0;
 * - profitFactor = sum of winning pnl / |sum of losing pnl|, in money: the
 *   usual definition, where backtesting.py sums returnPct instead (with
 *   all-in compounding a late trade moves more money, and money is what the
 *   trader banks); null with no losing trade (it would be infinite);
 * - expectancyPct = arithmetic mean of returnPct;
 * - sqn = sqrt(trades) * mean(pnl) / std(pnl), std with n - 1 (Van Tharp's
 *   System Quality Number); null under two trades or when every pnl is equal;
 * - longestLosingStreak = the most consecutive trades with pnl < 0 (a scratch
 *   trade, pnl 0, ends a streak); 0 with no trades.
 */
export function tradeStatistics(trades: readonly BacktestTrade[]): TradeStatistics {
  const n = trades.length;
  if (n === 0) {
    return { trades: 0, winRatePct: null, bestTradePct: null, worstTradePct: null, avgTradePct: null, profitFactor: null, expectancyPct: null, sqn: null, longestLosingStreak: 0 };
  }
  let wins = 0;
  let best = Number.NEGATIVE_INFINITY;
  let worst = Number.POSITIVE_INFINITY;
  let sumLog = 0;
  let wipedOut = false;
  let grossProfit = 0;
  let grossLoss = 0;
  let sumReturn = 0;
  let sumPnl = 0;
  let streak = 0;
  let longestStreak = 0;
  for (const t of trades) {
    const r = t.returnPct;
    streak = t.pnl < 0 ? streak + 1 : 0;
    if (streak > longestStreak) longestStreak = streak;
    if (t.pnl > 0) {
      wins++;
      grossProfit += t.pnl;
    } else if (t.pnl < 0) {
      grossLoss -= t.pnl;
    }
    if (r > best) best = r;
    if (r < worst) worst = r;
    const growth = 1 + r / 100;
    if (growth > 0) sumLog += Math.log(growth);
    else wipedOut = true;
    sumReturn += r;
    sumPnl += t.pnl;
  }
  const meanPnl = sumPnl / n;
  let squares = 0;
  for (const t of trades) squares += (t.pnl - meanPnl) ** 2;
  const stdPnl = n > 1 ? Math.sqrt(squares / (n - 1)) : 0;
  return {
    trades: n,
    winRatePct: (wins / n) * 100,
    bestTradePct: best,
    worstTradePct: worst,
    avgTradePct: wipedOut ? null : (Math.exp(sumLog / n) - 1) * 100,
    profitFactor: grossLoss > 0 ? grossProfit / grossLoss : null,
    expectancyPct: sumReturn / n,
    sqn: stdPnl > 0 ? (Math.sqrt(n) * meanPnl) / stdPnl : null,
    longestLosingStreak: longestStreak,
  };
}
