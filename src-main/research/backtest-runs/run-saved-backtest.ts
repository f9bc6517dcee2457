import type { BacktestRequest } from '../../../shared/contract';
import { INTERVAL_MS } from '../../../shared/domain/interval';
import type { MarkerSchedule } from '../../../shared/strategy/marker-schedule';
import { findStrategy } from '../../../shared/strategy/strategy-registry';
import type { Strategy, StrategyParams } from '../../../shared/strategy/strategy';
import { runBacktest, toBacktestResult, unaffordableNote } from '../backtest';
import { DataSetError } from '../backtest-data/data-set-error';
import type { ClosedSeries } from '../backtest-data/series-bars';
import { thinEquity } from './thin-equity';

/** Progress events per run (at most): enough for a smooth bar, few enough to be free. */
const PROGRESS_STEPS = 50;

/** A run as it is saved: the documents of backtest_runs, serialised where the run was computed (a worker thread). */
export interface SavedBacktest {
  readonly label: string;
  readonly strategy: string;
  /** JSON: the request (with its resolved parameters), the market, notes and the coverage of the bars. */
  readonly config: string;
  readonly stats: string;
  /** JSON: the result with its equity curve thinned for drawing. */
  readonly result: string;
}

export interface SavedBacktestInput {
  readonly request: BacktestRequest;
  readonly params: StrategyParams;
  readonly series: ClosedSeries;
  readonly schedules: readonly MarkerSchedule[];
  readonly onProgress?: (fraction: number) => void;
}

/**
 * Runs one saved backtest over its closed bars: builds the strategy (a setup
 * it refuses is a DataSetError on `strategy`), runs the engine with progress,
 * and serialises what the store keeps. The statistics are computed on every
 * bar; the saved equity curve is thinned (thinEquity). No I/O: a worker
 * thread runs it and hands the strings back.
 */
export function runSavedBacktest(input: SavedBacktestInput): SavedBacktest {
  const { request, params, series } = input;
  const def = findStrategy(request.strategy);
  if (def === undefined) throw new DataSetError('strategy', `unknown strategy "${request.strategy}"`);
  const { market, columns, coverage } = series;
  const intervalMs = INTERVAL_MS[request.interval];
  let strategy: Strategy;
  try {
    strategy = def.create(params, { market, intervalMs, schedules: input.schedules });
  } catch (err) {
    throw new DataSetError('strategy', err instanceof Error ? err.message : String(err));
  }
  const outcome = runBacktest(strategy, columns, { ...request.costs, market, intervalMs }, {
    progressEvery: Math.max(1, Math.ceil(columns.length / PROGRESS_STEPS)),
    onProgress: (done, total) => input.onProgress?.(total === 0 ? 1 : done / total),
  });
  if (!outcome.ok) throw new DataSetError(outcome.error.kind === 'config' ? `costs.${outcome.error.field}` : outcome.error.field, outcome.error.message);
  const result = toBacktestResult(outcome.output);
  const note = unaffordableNote(outcome.output, request.costs.fractional);
  return {
    label: request.label ?? `${def.id} ${request.source}:${request.symbol} ${request.interval}`,
    strategy: def.id,
    config: JSON.stringify({ request: { ...request, params }, market, notes: note === null ? [] : [note], coverage }),
    stats: JSON.stringify(result.stats),
    result: JSON.stringify({ ...result, equity: thinEquity(result.equity) }),
  };
}
