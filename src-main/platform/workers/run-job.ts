import { ContractFailure } from '../../../shared/contract';
import { computeIndicator, parseIndicatorSpec } from '../../../shared/indicators';
import { sessionKeys } from '../../../shared/market/session-date';
import { runSavedBacktest } from '../../research/backtest-runs/run-saved-backtest';
import { overlayOf } from '../../research/backtest-runs/overlay-of';
import { DataSetError } from '../../research/backtest-data/data-set-error';
import { closedSeries, type ClosedSeries } from '../../research/backtest-data/series-bars';
import { readWindow, type BaseBars, type SeriesRef } from '../../market-data/window-read';
import type { StoredBacktestRun } from '../store/backtest-run-repository';
import type { Job, JobFailure, JobResult, TruthSource } from './jobs';

/** What a job reaches from the thread running it: base bars (a generator, its own store connection) and a writer for results. */
export interface JobEnv {
  baseBars(truth: TruthSource, ref: SeriesRef, clock: number): BaseBars;
  /** Saves a backtest run in the store file (idempotent by id), in its own transaction. */
  saveRun(file: string, run: StoredBacktestRun): void;
}

function series(env: JobEnv, job: Extract<Job, { window: unknown }>): ClosedSeries {
  const w = job.window;
  const read = readWindow(env.baseBars(job.truth, w.ref, w.clock), w);
  return closedSeries(read, { source: w.ref.source, symbol: w.ref.symbol, interval: w.interval, from: w.from, to: w.to } as Parameters<typeof closedSeries>[1]);
}

/**
 * Runs one job in this thread. (The casts tie each kind's branch to its own
 * result type, a correlation TypeScript cannot follow through a generic.) `onProgress` gets a fraction (backtests).
 * Throws DataSetError or ContractFailure for the caller to map; the worker
 * entry turns them into JobFailures.
 */
export function runJob<J extends Job>(env: JobEnv, job: J, onProgress: (fraction: number) => void): JobResult<J> {
  switch (job.kind) {
    case 'read':
      return readWindow(env.baseBars(job.truth, job.window.ref, job.window.clock), job.window) as unknown as JobResult<J>;
    case 'backtest': {
      const saved = runSavedBacktest({ request: job.request, params: job.params, series: series(env, job), schedules: job.schedules, onProgress });
      env.saveRun(job.save.file, { id: job.save.id, createdAt: job.save.createdAt, ...saved });
      return { id: job.save.id, stats: saved.stats } as unknown as JobResult<J>;
    }
    case 'overlay':
      return overlayOf(job.strategy, job.params, job.window.interval, series(env, job), job.schedules) as unknown as JobResult<J>;
    case 'gym': {
      const s = series(env, job);
      if (s.columns.length < 2) throw new ContractFailure('BAD_REQUEST', 'the range holds fewer than two closed bars', 'params.from');
      const keys = sessionKeys(s.market, s.columns.time);
      const indicators = job.indicators.flatMap((text, i) => {
        const spec = parseIndicatorSpec(text);
        if (!spec.ok) throw new ContractFailure('BAD_REQUEST', spec.message, `params.indicators.${String(i)}`);
        return computeIndicator(spec.spec, s.columns, keys);
      });
      return { market: s.market, columns: s.columns, indicators, coverage: s.coverage } as unknown as JobResult<J>;
    }
  }
}

/** A thrown error as data that crosses a thread boundary. */
export function failureOf(err: unknown): JobFailure {
  if (err instanceof DataSetError) return { kind: 'data', field: err.field, message: err.message };
  if (err instanceof ContractFailure) return { kind: 'contract', error: err.error };
  return { kind: 'internal', message: err instanceof Error ? err.message : String(err) };
}

/** A JobFailure back as the error the caller's code expects. */
export function errorOf(failure: JobFailure): Error {
  switch (failure.kind) {
    case 'data':
      return new DataSetError(failure.field, failure.message);
    case 'contract':
      return new ContractFailure(failure.error.code, failure.error.message, failure.error.path);
    case 'internal':
      return new Error(failure.message);
  }
}
