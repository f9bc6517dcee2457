import { clean12 } from './clean-number';
import { compareByClose } from './outcome';
import type { RoundTrip } from './round-trips';

/**
 * The journal's per-trade statistics over closed trips (open ones are left
 * out), by net P&L (after fees). Null where a figure is undefined.
 * - wins: net > 0; losses: net < 0; breakeven: net = 0 (outcome.ts).
 * - winRatePct = wins / trades × 100: breakeven trades count as trades
 *   (Tradervue's "win %"), so winRatePct + lossRatePct may be under 100.
 * - avgWin = Σ winning net / wins; avgLoss = Σ losing net / losses, a negative
 *   amount.
 * - expectancy = total net / trades: what a trade made on average, in money
 *   (equal to winRate × avgWin + lossRate × avgLoss).
 * - profitFactor = Σ winning net / |Σ losing net|. With no losing trade it is
 *   Infinity when something was won and null when nothing was (no trades, or
 *   only scratches). Infinity does not survive JSON (it becomes null): a
 *   contract carrying it must encode it.
 * - R: over the trips that have one (a planned stop or risk was set),
 *   avgR = Σ R / rTrades; expectancyR is the same number (Van Tharp: the
 *   expectancy in R is the mean R multiple), kept under both names.
 * - largestWin / largestLoss: the best winning net / the worst losing net.
 * - streaks in close order (ties by id); a breakeven trade ends both streaks.
 * Amounts and ratios are cleaned to 12 significant digits (as the trips are);
 * nothing is rounded to cents.
 */
export interface TradeStats {
  readonly trades: number;
  readonly wins: number;
  readonly losses: number;
  readonly breakeven: number;
  readonly winRatePct: number | null;
  readonly avgWin: number | null;
  readonly avgLoss: number | null;
  readonly expectancy: number | null;
  readonly profitFactor: number | null;
  readonly rTrades: number;
  readonly avgR: number | null;
  readonly expectancyR: number | null;
  readonly totalNet: number;
  readonly totalGross: number;
  readonly totalFees: number;
  /** Σ net of the winning trades. */
  readonly grossProfit: number;
  /** Σ net of the losing trades (≤ 0). */
  readonly grossLoss: number;
  readonly largestWin: number | null;
  readonly largestLoss: number | null;
  readonly maxConsecutiveWins: number;
  readonly maxConsecutiveLosses: number;
  readonly avgDurationMs: number | null;
}

function inCloseOrder(trips: readonly RoundTrip[]): readonly RoundTrip[] {
  for (let i = 1; i < trips.length; i++) {
    const a = trips[i - 1];
    const b = trips[i];
    if (a !== undefined && b !== undefined && compareByClose(a, b) > 0) return [...trips].sort(compareByClose);
  }
  return trips;
}

/** Statistics of the closed trips among `trips` (any order). */
export function tradeStats(trips: readonly RoundTrip[]): TradeStats {
  let trades = 0;
  let wins = 0;
  let losses = 0;
  let grossProfit = 0;
  let grossLoss = 0;
  let totalGross = 0;
  let totalFees = 0;
  let rTrades = 0;
  let sumR = 0;
  let largestWin: number | null = null;
  let largestLoss: number | null = null;
  let winStreak = 0;
  let lossStreak = 0;
  let maxWins = 0;
  let maxLosses = 0;
  let sumDuration = 0;
  for (const t of inCloseOrder(trips)) {
    if (t.open) continue;
    trades++;
    const net = t.netPnl;
    if (net > 0) {
      wins++;
      grossProfit += net;
      if (largestWin === null || net > largestWin) largestWin = net;
      winStreak++;
      lossStreak = 0;
    } else if (net < 0) {
      losses++;
      grossLoss += net;
      if (largestLoss === null || net < largestLoss) largestLoss = net;
      lossStreak++;
      winStreak = 0;
    } else {
      winStreak = 0;
      lossStreak = 0;
    }
    if (winStreak > maxWins) maxWins = winStreak;
    if (lossStreak > maxLosses) maxLosses = lossStreak;
    totalGross += t.grossPnl;
    totalFees += t.fees;
    sumDuration += t.durationMs ?? 0;
    if (t.r !== null) {
      rTrades++;
      sumR += t.r;
    }
  }
  grossProfit = clean12(grossProfit);
  grossLoss = clean12(grossLoss);
  const totalNet = clean12(grossProfit + grossLoss);
  const avgR = rTrades > 0 ? clean12(sumR / rTrades) : null;
  let profitFactor: number | null = null;
  if (grossLoss < 0) profitFactor = clean12(grossProfit / -grossLoss);
  else if (grossProfit > 0) profitFactor = Number.POSITIVE_INFINITY;
  return {
    trades,
    wins,
    losses,
    breakeven: trades - wins - losses,
    winRatePct: trades > 0 ? clean12((wins / trades) * 100) : null,
    avgWin: wins > 0 ? clean12(grossProfit / wins) : null,
    avgLoss: losses > 0 ? clean12(grossLoss / losses) : null,
    expectancy: trades > 0 ? clean12(totalNet / trades) : null,
    profitFactor,
    rTrades,
    avgR,
    expectancyR: avgR,
    totalNet,
    totalGross: clean12(totalGross),
    totalFees: clean12(totalFees),
    grossProfit,
    grossLoss,
    largestWin,
    largestLoss,
    maxConsecutiveWins: maxWins,
    maxConsecutiveLosses: maxLosses,
    avgDurationMs: trades > 0 ? sumDuration / trades : null,
  };
}
