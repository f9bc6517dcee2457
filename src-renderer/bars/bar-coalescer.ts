import type { Bar } from '../../shared/domain/bar';

/**
 * Changed bars waiting for the next redraw: only the latest version of each
 * bar (by open time) is kept, so a burst of updates to the forming bar costs
 * one draw.
 */
export interface BarCoalescer {
  add(bars: readonly Bar[]): void;
  /** The waiting bars in ascending time order; empties the coalescer. */
  take(): Bar[];
  clear(): void;
  readonly size: number;
}

export function createBarCoalescer(): BarCoalescer {
  const waiting = new Map<number, Bar>();
  return {
    add(bars) {
      for (const b of bars) waiting.set(b.time, b);
    },
    take() {
      const out = [...waiting.values()].sort((a, b) => a.time - b.time);
      waiting.clear();
      return out;
    },
    clear() {
      waiting.clear();
    },
    get size() {
      return waiting.size;
    },
  };
}
