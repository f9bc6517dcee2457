import type { BacktestStats } from '../../../shared/contract';
import { sliceColumns, type BarColumns } from '../../../shared/domain/bar-columns';
import type { StrategyParams } from '../../../shared/strategy/strategy';
import { evaluateParams, type EvaluationJob } from './evaluate-params';
import { rankEvaluations, type Metric } from './rank-evaluations';
import type { WalkForwardWindow } from './walk-forward-windows';

export interface WalkForwardFold {
  readonly window: { readonly isStart: number; readonly isEnd: number; readonly oosStart: number; readonly oosEnd: number };
  /** The in-sample winner and its in-sample metric. */
  readonly params: StrategyParams | null;
  readonly inSample: number | null;
  /** The winner's statistics on the out-of-sample bars it never saw. */
  readonly outOfSample: BacktestStats | null;
}

export interface WalkForwardReport {
  readonly metric: Metric;
  readonly folds: readonly WalkForwardFold[];
  /** Out-of-sample returns compounded over the folds, in percent: what the optimised strategy would really have made. */
  readonly oosReturnPct: number;
  /**
   * The in-sample winners' own return rate, each fold's per-bar geometric
   * rate carried over that fold's out-of-sample bar count and compounded: what
   * the optimisation promised over the same bars (in-sample windows overlap,
   * so compounding their whole returns would count bars several times). The
   * gap between this and oosReturnPct is the overfitting.
   */
  readonly isReturnPct: number;
  readonly oosTrades: number;
  /** Folds with no winner or whose out-of-sample run failed: left out of both figures, never counted as 0%. */
  readonly failedFolds: number;
}

export type GridEvaluator = (bars: BarColumns, sets: readonly StrategyParams[]) => Promise<ReturnType<typeof evaluateParams>>;

/**
 * Rolling walk-forward: in each window, optimise on the in-sample bars, then
 * run the winner alone on the following out-of-sample bars. Each fold starts
 * cold on its own bars (indicators warm up inside the fold), exactly as a
 * trader re-optimising at that date would have had to.
 */
export async function walkForward(
  bars: BarColumns,
  windows: readonly WalkForwardWindow[],
  grid: readonly StrategyParams[],
  metric: Metric,
  job: EvaluationJob,
  evaluate: GridEvaluator,
): Promise<WalkForwardReport> {
  const folds: WalkForwardFold[] = [];
  let oos = 1;
  let is = 1;
  let oosTrades = 0;
  let failedFolds = 0;
  for (const w of windows) {
    const window = { isStart: w.isStart, isEnd: w.isEnd, oosStart: w.isEnd, oosEnd: w.oosEnd };
    const best = rankEvaluations(await evaluate(sliceColumns(bars, w.isStart, w.isEnd), grid), metric)[0];
    if (best === undefined) {
      folds.push({ window, params: null, inSample: null, outOfSample: null });
      failedFolds++;
      continue;
    }
    const [test] = evaluateParams(job, sliceColumns(bars, w.isEnd, w.oosEnd), [best.params]);
    const outOfSample = test?.ok === true ? test.stats : null;
    folds.push({ window, params: best.params, inSample: best.value, outOfSample });
    const isReturn = best.stats.returnPct;
    const oosReturn = outOfSample?.returnPct ?? null;
    if (isReturn === null || oosReturn === null) {
      failedFolds++;
      continue;
    }
    is *= Math.pow(Math.max(0, 1 + isReturn / 100), (w.oosEnd - w.isEnd) / (w.isEnd - w.isStart));
    oos *= 1 + oosReturn / 100;
    oosTrades += outOfSample?.trades ?? 0;
  }
  return { metric, folds, oosReturnPct: (oos - 1) * 100, isReturnPct: (is - 1) * 100, oosTrades, failedFolds };
}
