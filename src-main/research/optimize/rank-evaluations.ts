import { BACKTEST_STAT_NAMES, type BacktestStats } from '../../../shared/contract';
import type { StrategyParams } from '../../../shared/strategy/strategy';
import type { Evaluation } from './evaluate-params';

/** Statistics an optimisation can rank by (the numeric ones; not riskOfRuinPct, which its evaluations leave out). */
export const RANKABLE_METRICS = BACKTEST_STAT_NAMES.filter((k) => k !== 'start' && k !== 'end' && k !== 'bars' && k !== 'riskOfRuinPct');
export type Metric = (typeof RANKABLE_METRICS)[number];

/** Metrics where less is better; for every other one more is (maxDrawdownPct is negative: nearer 0 is more). */
const LOWER_IS_BETTER: ReadonlySet<Metric> = new Set<Metric>(['volatilityAnnPct', 'maxDrawdownDurationBars', 'longestLosingStreak']);

export function isMetric(name: string): name is Metric {
  return (RANKABLE_METRICS as readonly string[]).includes(name);
}

export interface RankedRow {
  readonly rank: number;
  readonly params: StrategyParams;
  readonly value: number | null;
  readonly stats: BacktestStats;
}

/**
 * Orders the evaluations that ran by `metric`, best first; a null metric (no
 * trades, zero volatility) ranks last. Ties keep the grid's order, so the
 * ranking is deterministic.
 */
export function rankEvaluations(evaluations: readonly Evaluation[], metric: Metric): RankedRow[] {
  const sign = LOWER_IS_BETTER.has(metric) ? -1 : 1;
  const rows = evaluations.flatMap((e, order) => (e.ok ? [{ order, params: e.params, stats: e.stats, value: e.stats[metric] }] : []));
  rows.sort((a, b) => {
    if (a.value === null || b.value === null) return a.value === b.value ? a.order - b.order : a.value === null ? 1 : -1;
    return sign * (b.value - a.value) || a.order - b.order;
  });
  return rows.map((r, i) => ({ rank: i + 1, params: r.params, value: r.value, stats: r.stats }));
}

/** A two-parameter grid as a matrix for a heatmap: values[y][x] is the metric at (xs[x], ys[y]), null where it did not run. */
export interface Heatmap {
  readonly x: string;
  readonly y: string;
  readonly xs: readonly number[];
  readonly ys: readonly number[];
  readonly values: readonly (readonly (number | null)[])[];
}

export function heatmapOf(rows: readonly RankedRow[], x: string, y: string, xs: readonly number[], ys: readonly number[]): Heatmap {
  const at = new Map<string, number | null>();
  for (const r of rows) at.set(`${String(r.params[x])}|${String(r.params[y])}`, r.value);
  return { x, y, xs, ys, values: ys.map((yv) => xs.map((xv) => at.get(`${String(xv)}|${String(yv)}`) ?? null)) };
}
