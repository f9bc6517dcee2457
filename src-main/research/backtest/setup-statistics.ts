import type { BacktestTrade, SetupStats, UnfilledSignal } from '../../../shared/contract/backtest-contract';
import type { ShadowSignal } from './shadow-book';

/**
 * "How many times it actually played out": the run's trades grouped by their
 * entry's setup family, sorted by setup id. Per setup:
 * - trades: the count;
 * - winRatePct = count(pnl > 0) / trades * 100;
 * - avgReturnPct = arithmetic mean of returnPct;
 * - profitFactor = sum of winning pnl / |sum of losing pnl| (money, as the
 *   run's own profit factor); null with no losing trade;
 * - totalPnl = sum of pnl.
 */
export function setupStatistics(trades: readonly BacktestTrade[]): SetupStats[] {
  const groups = new Map<string, { n: number; wins: number; sumReturn: number; profit: number; loss: number; pnl: number }>();
  for (const t of trades) {
    let g = groups.get(t.setup);
    if (g === undefined) {
      g = { n: 0, wins: 0, sumReturn: 0, profit: 0, loss: 0, pnl: 0 };
      groups.set(t.setup, g);
    }
    g.n++;
    if (t.pnl > 0) {
      g.wins++;
      g.profit += t.pnl;
    } else if (t.pnl < 0) g.loss -= t.pnl;
    g.sumReturn += t.returnPct;
    g.pnl += t.pnl;
  }
  return [...groups.entries()]
    .sort(([a], [b]) => compareIds(a, b))
    .map(([setup, g]) => ({
      setup,
      trades: g.n,
      winRatePct: (g.wins / g.n) * 100,
      avgReturnPct: g.sumReturn / g.n,
      profitFactor: g.loss > 0 ? g.profit / g.loss : null,
      totalPnl: g.pnl,
    }));
}

/**
 * Signals without position by setup and side (sorted by setup, then long
 * before short): how many there were, and over those that got an entry the
 * underlying's mean move (exit / entry - 1) * 100 and the percent that moved
 * the signal's way (long: exit above entry; short: below). Null figures when
 * none got an entry.
 */
export function unfilledSignalStatistics(signals: readonly ShadowSignal[]): UnfilledSignal[] {
  const groups = new Map<string, { setup: string; side: 'long' | 'short'; count: number; entered: number; sumReturn: number; favourable: number }>();
  for (const s of signals) {
    const key = `${s.setup}\u0000${s.side}`;
    let g = groups.get(key);
    if (g === undefined) {
      g = { setup: s.setup, side: s.side, count: 0, entered: 0, sumReturn: 0, favourable: 0 };
      groups.set(key, g);
    }
    g.count++;
    const r = s.underlyingReturnPct;
    if (r === null || !Number.isFinite(r)) continue;
    g.entered++;
    g.sumReturn += r;
    if (s.side === 'long' ? r > 0 : r < 0) g.favourable++;
  }
  return [...groups.values()]
    .sort((a, b) => compareIds(a.setup, b.setup) || compareIds(a.side, b.side))
    .map((g) => ({
      setup: g.setup,
      side: g.side,
      count: g.count,
      avgUnderlyingReturnPct: g.entered > 0 ? g.sumReturn / g.entered : null,
      favourablePct: g.entered > 0 ? (g.favourable / g.entered) * 100 : null,
    }));
}

/** Code-unit order (not the locale's), so the same run sorts the same everywhere. */
function compareIds(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
