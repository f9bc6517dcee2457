import type { BacktestProgress } from '../../shared/contract';

/**
 * Picks one run's progress out of `backtest.progress`, which reports every
 * run. The subscription is opened before `backtest.run` is called (a short run
 * can finish before its id comes back), so until the id is known the latest
 * event of each run is held; once adopted, only that run's events pass, and
 * nothing after its final (done or failed) event.
 */
export interface ProgressFilter {
  /** An event from the stream: returned when it is news about the adopted run. */
  offer(progress: BacktestProgress): BacktestProgress | null;
  /** Follows run `id` from now on; returns what was already heard about it. */
  adopt(id: string): BacktestProgress | null;
}

/** How many unknown runs' latest events are held before the id is known. */
const MAX_HELD = 32;

const isFinal = (p: BacktestProgress): boolean => p.status !== 'running';

export function createProgressFilter(): ProgressFilter {
  const held = new Map<string, BacktestProgress>();
  let adopted: string | null = null;
  let finished = false;

  const hold = (p: BacktestProgress): void => {
    const before = held.get(p.id);
    if (before !== undefined && isFinal(before)) return;
    held.delete(p.id);
    held.set(p.id, p);
    if (held.size > MAX_HELD) {
      const oldest = held.keys().next().value;
      if (oldest !== undefined) held.delete(oldest);
    }
  };

  return {
    offer(p) {
      if (adopted === null) {
        hold(p);
        return null;
      }
      if (p.id !== adopted || finished) return null;
      finished = isFinal(p);
      return p;
    },
    adopt(id) {
      adopted = id;
      const early = held.get(id) ?? null;
      held.clear();
      finished = early !== null && isFinal(early);
      return early;
    },
  };
}
