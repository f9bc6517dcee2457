import type { BacktestRun } from '../../shared/contract';

/** Full runs fetched recently (a run's equity curve has one point per bar, so only a few are kept). */
export interface RunCache {
  get(id: string): BacktestRun | undefined;
  put(run: BacktestRun): void;
  drop(id: string): void;
}

export const RUN_CACHE_SIZE = 6;

/** Least recently used runs go first once more than `size` are held. */
export function createRunCache(size = RUN_CACHE_SIZE): RunCache {
  const runs = new Map<string, BacktestRun>();
  return {
    get(id) {
      const run = runs.get(id);
      if (run === undefined) return undefined;
      runs.delete(id);
      runs.set(id, run);
      return run;
    },
    put(run) {
      runs.delete(run.id);
      runs.set(run.id, run);
      while (runs.size > size) {
        const oldest = runs.keys().next().value;
        if (oldest === undefined) break;
        runs.delete(oldest);
      }
    },
    drop(id) {
      runs.delete(id);
    },
  };
}
