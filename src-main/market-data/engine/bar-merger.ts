import type { BarColumns } from '../../../shared/domain/bar-columns';
import type { Bar } from '../../../shared/domain/bar';
import { BarRing, ORIGIN_HISTORY, ORIGIN_LIVE, type Origin } from './bar-ring';
import { compareVersions } from './bar-precedence';

export interface MergedUpdate {
  /** Per-stream sequence number, from 1, one per emitted change. */
  readonly seq: number;
  readonly bar: Bar;
  /** Whether this version came from history (store, REST, backfill) or live updates. */
  readonly origin: Origin;
}

/**
 * Where history (REST, backfill, the store) and live updates of one 1m series
 * meet, keyed by open time. Each incoming version is kept only if it outranks
 * the one held (bar-precedence.ts), so the result does not depend on arrival
 * order, and duplicates change nothing. Every change is emitted once with the
 * stream's next sequence number.
 */
export class BarMerger {
  private readonly ring: BarRing;
  private seq = 0;

  constructor(
    capacity: number,
    private readonly emit: (update: MergedUpdate) => void = () => undefined,
  ) {
    this.ring = new BarRing(capacity);
  }

  get lastSeq(): number {
    return this.seq;
  }

  get length(): number {
    return this.ring.length;
  }

  /** A live update (from trades or the venue's kline stream). */
  live(b: Bar): boolean {
    return this.apply(b, ORIGIN_LIVE);
  }

  /** History bars (any order). */
  history(bars: readonly Bar[]): number {
    let changed = 0;
    for (const b of bars) if (this.apply(b, ORIGIN_HISTORY)) changed++;
    return changed;
  }

  /** The bars held, in time order (a copy). */
  snapshot(): BarColumns {
    return this.ring.snapshot();
  }

  /** Bars with open time in [from, to), in time order (a copy). */
  between(from: number, to: number): BarColumns {
    const start = this.ring.search(from);
    const end = this.ring.search(to);
    return this.ring.snapshot(start < 0 ? -start - 1 : start, end < 0 ? -end - 1 : end);
  }

  /** Open time of the oldest bar held, or null when empty. */
  oldest(): number | null {
    return this.ring.length === 0 ? null : this.ring.time(0);
  }

  private apply(b: Bar, origin: Origin): boolean {
    const i = this.ring.search(b.time);
    if (i >= 0) {
      const held = this.ring.get(i);
      if (compareVersions(b, origin, held, this.ring.originAt(i)) <= 0) return false;
      this.ring.set(i, b, origin);
      // The same bar confirmed by a higher-ranked origin: nothing a subscriber could see changed.
      if (sameValues(b, held)) return false;
    } else if (!this.ring.insert(b, origin)) {
      return false;
    }
    this.seq += 1;
    this.emit({ seq: this.seq, bar: b, origin });
    return true;
  }
}

function sameValues(a: Bar, b: Bar): boolean {
  return (
    a.open === b.open && a.high === b.high && a.low === b.low && a.close === b.close &&
    a.volume === b.volume && a.trades === b.trades && a.final === b.final
  );
}
