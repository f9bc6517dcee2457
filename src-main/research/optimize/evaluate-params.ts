import type { BacktestStats } from '../../../shared/contract';
import type { BarColumns } from '../../../shared/domain/bar-columns';
import { findStrategy } from '../../../shared/strategy/strategy-registry';
import type { StrategyParams, StrategySetup } from '../../../shared/strategy/strategy';
import { runBacktest, type BacktestConfigInput } from '../backtest';

/** One parameter set's outcome: its statistics, or why it could not run. */
export type Evaluation =
  | { readonly params: StrategyParams; readonly ok: true; readonly stats: BacktestStats }
  | { readonly params: StrategyParams; readonly ok: false; readonly field: string; readonly message: string };

/** What every evaluation of one optimisation shares (sent once to each worker). */
export interface EvaluationJob {
  readonly strategy: string;
  readonly setup: StrategySetup;
  readonly config: BacktestConfigInput;
}

/**
 * Backtests each parameter set over the same bars: the one step both the
 * in-process optimiser and its worker threads run. Parameters are resolved
 * (defaults, checks) per set, so a set the strategy refuses (slow <= fast) is
 * reported, not run.
 */
export function evaluateParams(job: EvaluationJob, bars: BarColumns, sets: readonly StrategyParams[]): Evaluation[] {
  const def = findStrategy(job.strategy);
  if (def === undefined) throw new RangeError(`unknown strategy "${job.strategy}"`);
  return sets.map((input): Evaluation => {
    const resolved = def.resolveParams(input);
    if (!resolved.ok) return { params: input, ok: false, field: resolved.field, message: resolved.message };
    // The risk-of-ruin bootstrap (10,000 paths) would cost more than the run itself: left out here.
    const outcome = runBacktest(def.create(resolved.params, job.setup), bars, job.config, { riskOfRuin: false });
    if (!outcome.ok) return { params: input, ok: false, field: outcome.error.field, message: outcome.error.message };
    return { params: input, ok: true, stats: outcome.output.stats };
  });
}
