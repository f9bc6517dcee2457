import type { BacktestStats, BacktestTrade } from '../../../shared/contract/backtest-contract';
import type { EpochMs } from '../../../shared/domain/epoch';
import { DAY_MS } from '../../../shared/domain/interval';
import type { MarketKind } from '../../../shared/market/market-kind';
import { periodEquity, periodsPerYear } from './annualisation';
import type { DrawdownSummary } from './drawdowns';
import { riskOfRuinPct } from './risk-of-ruin';
import { tradeStatistics } from './trade-statistics';

/** What the statistics are computed from (one run's finished books). */
export interface StatsInput {
  readonly times: Float64Array;
  /** Equity at each bar's close (after that bar's fills). */
  readonly equity: Float64Array;
  readonly drawdowns: DrawdownSummary;
  readonly trades: readonly BacktestTrade[];
  /** Bars during which a position was held at any moment (entry bar to exit bar, both included). */
  readonly exposedBars: number;
  readonly startCash: number;
  readonly firstClose: number;
  readonly lastClose: number;
  readonly commissionsPaid: number;
  readonly market: MarketKind;
  readonly intervalMs: number;
  /** Whether to run the risk-of-ruin bootstrap (else riskOfRuinPct is null). */
  readonly riskOfRuin: boolean;
}

const YEAR_MS = 365.25 * DAY_MS;

/**
 * The run's statistics, with the contract's field names, modelled on
 * backtesting.py's `compute_stats` (read, not copied; differences noted).
 * E_i is equity at bar i's close, C the starting cash, P the periods per year
 * and D_0 = C, D_1..D_m the equity at the end of each trading day
 * (annualisation.ts); r_k = D_k / D_(k-1) - 1.
 * - start, end: the first and last bar's open time; bars: their count;
 * - exposurePct = bars with a position at any moment / bars * 100;
 * - equityFinal = E_last; equityPeak = max(C, max E_i);
 * - returnPct = (E_last - C) / C * 100 (backtesting.py divides by E_0, which
 *   leaves out the costs of a fill on bar 0);
 * - buyHoldReturnPct = (close_last - close_0) / close_0 * 100 (backtesting.py
 *   starts after the indicators' warm-up, which a Strategy does not declare);
 * - returnAnnPct = ((1 + g)^P - 1) * 100 with g the geometric mean daily
 *   return, (1 + g) = (D_m / D_0)^(1/m) (the same as exp(mean(ln(1 + r))),
 *   without the rounding of m logarithms); -100 once a day ended with equity
 *   at or below zero (a short can), and then volatility, Sharpe, Sortino and
 *   Calmar are null (backtesting.py's geometric mean answers 0 there);
 * - volatilityAnnPct = sqrt((var(r) + (1 + g)^2)^P - (1 + g)^(2P)) * 100, var
 *   with m - 1 (the annualised standard deviation of compounded returns, as
 *   backtesting.py); null under two days;
 * - cagrPct = ((E_last / C)^(1 / years) - 1) * 100, years = (last open +
 *   intervalMs - first open) / 365.25 days: the span the bars cover, where
 *   backtesting.py stops at the last bar's open;
 * - sharpe = returnAnnPct / volatilityAnnPct (risk-free rate 0);
 * - sortino = (returnAnnPct / 100) / (sqrt(mean(min(r, 0)^2)) * sqrt(P));
 * - calmar = (returnAnnPct / 100) / |maxDrawdownPct / 100|;
 * - maxDrawdownPct, avgDrawdownPct, maxDrawdownDurationBars: drawdowns.ts, over every bar;
 * - trades, winRatePct, bestTradePct, worstTradePct, avgTradePct,
 *   profitFactor, expectancyPct, sqn: trade-statistics.ts;
 * - commissionsPaid: every fill's commission, an open position's entry included;
 * - longestLosingStreak: trade-statistics.ts;
 * - riskOfRuinPct: risk-of-ruin.ts (seeded bootstrap of the trade returns:
 *   percent of 10,000 paths on which equity falls to half; null under 5 trades,
 *   and when the caller leaves it out).
 * Undefined figures (a zero or missing denominator, non-finite results, ratios
 * after equity hit zero) are null: JSON carries no NaN or Infinity.
 */
export function computeStats(s: StatsInput): BacktestStats {
  const n = s.equity.length;
  const last = n - 1;
  const equityFinal = s.equity[last] ?? s.startCash;
  const ratio = equityFinal / s.startCash;
  const annual = annualised(s, ratio);
  const maxDd = s.drawdowns.maxDrawdownPct;
  const firstTime = s.times[0] ?? 0;
  const years = ((s.times[last] ?? 0) + s.intervalMs - firstTime) / YEAR_MS;
  const cagr = ratio > 0 ? (Math.pow(ratio, 1 / years) - 1) * 100 : -100;
  const t = tradeStatistics(s.trades);
  return {
    start: n > 0 ? (firstTime as EpochMs) : null,
    end: n > 0 ? ((s.times[last] ?? 0) as EpochMs) : null,
    bars: n,
    exposurePct: n > 0 ? finite((s.exposedBars / n) * 100) : null,
    equityFinal: finite(equityFinal),
    equityPeak: finite(s.drawdowns.peakEquity),
    returnPct: finite(((equityFinal - s.startCash) / s.startCash) * 100),
    buyHoldReturnPct: finite(((s.lastClose - s.firstClose) / s.firstClose) * 100),
    returnAnnPct: annual.returnAnnPct,
    volatilityAnnPct: annual.volatilityAnnPct,
    cagrPct: finite(cagr),
    sharpe: annual.volatilityAnnPct === null || annual.returnAnnPct === null ? null : ratioOrNull(annual.returnAnnPct, annual.volatilityAnnPct),
    sortino: annual.sortino,
    calmar: annual.wiped || annual.returnAnnPct === null ? null : ratioOrNull(annual.returnAnnPct / 100, -maxDd / 100),
    maxDrawdownPct: finite(maxDd),
    avgDrawdownPct: finite(s.drawdowns.avgDrawdownPct),
    maxDrawdownDurationBars: s.drawdowns.maxDrawdownDurationBars,
    trades: t.trades,
    winRatePct: t.winRatePct,
    bestTradePct: finite(t.bestTradePct),
    worstTradePct: finite(t.worstTradePct),
    avgTradePct: finite(t.avgTradePct),
    profitFactor: finite(t.profitFactor),
    expectancyPct: finite(t.expectancyPct),
    sqn: finite(t.sqn),
    commissionsPaid: finite(s.commissionsPaid),
    longestLosingStreak: t.longestLosingStreak,
    riskOfRuinPct: s.riskOfRuin ? riskOfRuinPct(s.trades.map((trade) => trade.returnPct)) : null,
  };
}

interface Annualised {
  readonly returnAnnPct: number | null;
  readonly volatilityAnnPct: number | null;
  readonly sortino: number | null;
  /** Equity reached zero or below at some day's end: the ratios are meaningless. */
  readonly wiped: boolean;
}

function annualised(s: StatsInput, ratio: number): Annualised {
  const d = periodEquity(s.times, s.equity, s.market, s.intervalMs, s.startCash);
  const m = d.length - 1;
  const p = periodsPerYear(s.market, s.intervalMs);
  let wiped = false;
  for (let k = 1; k <= m; k++) if (!((d[k] ?? 0) > 0)) wiped = true;
  if (m < 1) return { returnAnnPct: null, volatilityAnnPct: null, sortino: null, wiped };
  if (wiped) return { returnAnnPct: -100, volatilityAnnPct: null, sortino: null, wiped };
  const growth = Math.pow(ratio, 1 / m);
  const annual = Math.pow(growth, p) - 1;
  let sum = 0;
  let downside = 0;
  for (let k = 1; k <= m; k++) {
    const r = (d[k] ?? 0) / (d[k - 1] ?? 1) - 1;
    sum += r;
    if (r < 0) downside += r * r;
  }
  let volatility: number | null = null;
  if (m >= 2) {
    const mean = sum / m;
    let squares = 0;
    for (let k = 1; k <= m; k++) squares += ((d[k] ?? 0) / (d[k - 1] ?? 1) - 1 - mean) ** 2;
    const variance = squares / (m - 1);
    volatility = variance === 0 ? 0 : finite(Math.sqrt(Math.max(0, Math.pow(variance + growth * growth, p) - Math.pow(growth, 2 * p))) * 100);
  }
  const downsideDev = Math.sqrt(downside / m) * Math.sqrt(p);
  return {
    returnAnnPct: finite(annual * 100),
    volatilityAnnPct: volatility,
    sortino: ratioOrNull(annual, downsideDev),
    wiped,
  };
}

/** a / b, or null when b is 0 or the result is not finite. */
function ratioOrNull(a: number, b: number): number | null {
  return b === 0 ? null : finite(a / b);
}

function finite(x: number | null): number | null {
  return x !== null && Number.isFinite(x) ? x : null;
}
