import { allocColumns, copyRow, type BarColumns } from '../../../shared/domain/bar-columns';
import { bar, type Bar } from '../../../shared/domain/bar';

/** Where a bar version came from; a final exchange (history) bar outranks a final one built from trades. */
export const ORIGIN_LIVE = 0;
export const ORIGIN_HISTORY = 1;
export type Origin = typeof ORIGIN_LIVE | typeof ORIGIN_HISTORY;

/**
 * The last N bars of one series in typed arrays (circular), in time order.
 * Append and update-last are O(1); a bar older than the newest is placed by
 * binary search (O(log N)) and inserted by shifting (O(N), rare: gap fills);
 * when full, the oldest bar falls out. 72 bytes a bar: 5,000 bars ≈ 360 KB.
 */
export class BarRing {
  private readonly cols: BarColumns;
  private readonly origin: Uint8Array;
  private head = 0;
  private size = 0;

  constructor(readonly capacity: number = 5_000) {
    if (!Number.isInteger(capacity) || capacity < 1) throw new Error('ring capacity must be a positive integer');
    this.cols = allocColumns(capacity);
    this.origin = new Uint8Array(capacity);
  }

  get length(): number {
    return this.size;
  }

  /** Physical index of logical position i (0 = oldest). */
  private at(i: number): number {
    return (this.head + i) % this.capacity;
  }

  time(i: number): number {
    return this.cols.time[this.at(i)] ?? 0;
  }

  get(i: number): Bar {
    const p = this.at(i);
    const c = this.cols;
    return bar(c.time[p] ?? 0, c.open[p] ?? 0, c.high[p] ?? 0, c.low[p] ?? 0, c.close[p] ?? 0, c.volume[p] ?? 0, c.trades[p] ?? 0, c.final[p] === 1);
  }

  originAt(i: number): Origin {
    return this.origin[this.at(i)] === ORIGIN_HISTORY ? ORIGIN_HISTORY : ORIGIN_LIVE;
  }

  /** Logical index of the bar at `time`, or -(insertion point) - 1 when absent. */
  search(time: number): number {
    let lo = 0;
    let hi = this.size - 1;
    while (lo <= hi) {
      const mid = (lo + hi) >>> 1;
      const t = this.time(mid);
      if (t < time) lo = mid + 1;
      else if (t > time) hi = mid - 1;
      else return mid;
    }
    return -lo - 1;
  }

  /** Overwrites logical position i. */
  set(i: number, b: Bar, origin: Origin): void {
    this.write(this.at(i), b, origin);
  }

  /**
   * Adds a bar not yet present. Returns false (and stores nothing) when the
   * ring is full and the bar is older than everything it holds.
   */
  insert(b: Bar, origin: Origin): boolean {
    const pos = -this.search(b.time) - 1;
    if (pos === this.size) {
      if (this.size === this.capacity) this.head = (this.head + 1) % this.capacity;
      else this.size++;
      this.write(this.at(this.size - 1), b, origin);
      return true;
    }
    if (this.size === this.capacity) {
      if (pos === 0) return false;
      // Drop the oldest to make room, shifting the older part left by one.
      for (let i = 0; i < pos - 1; i++) this.copy(this.at(i + 1), this.at(i));
      this.write(this.at(pos - 1), b, origin);
      return true;
    }
    for (let i = this.size; i > pos; i--) this.copy(this.at(i - 1), this.at(i));
    this.size++;
    this.write(this.at(pos), b, origin);
    return true;
  }

  /** A copy of bars [from, to) in time order (default: all). */
  snapshot(from = 0, to = this.size): BarColumns {
    const n = Math.max(0, Math.min(to, this.size) - from);
    const out = allocColumns(n);
    for (let i = 0; i < n; i++) copyRow(out, i, this.cols, this.at(from + i));
    return out;
  }

  private write(p: number, b: Bar, origin: Origin): void {
    const c = this.cols;
    c.time[p] = b.time;
    c.open[p] = b.open;
    c.high[p] = b.high;
    c.low[p] = b.low;
    c.close[p] = b.close;
    c.volume[p] = b.volume;
    c.trades[p] = b.trades;
    c.final[p] = b.final ? 1 : 0;
    this.origin[p] = origin;
  }

  private copy(from: number, to: number): void {
    copyRow(this.cols, to, this.cols, from);
    this.origin[to] = this.origin[from] ?? 0;
  }
}
