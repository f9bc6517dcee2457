import type { BarColumns } from '../../../../shared/domain/bar-columns';

/** Bars kept at most (about 57 MB: seven Float64 columns and one byte each). */
export const SESSION_CACHE_BARS = 1_000_000;

/**
 * Generated sessions of the simulated market, least recently used first,
 * bounded by their total bars. A chart switching timeframes re-reads the same
 * recent sessions; generating them again each time would cost tens of ms.
 */
export class SessionColumnsCache {
  private readonly entries = new Map<string, BarColumns>();
  private bars = 0;

  /** Bars held at most. */
  constructor(readonly capacity = SESSION_CACHE_BARS) {}

  get(key: string): BarColumns | undefined {
    const hit = this.entries.get(key);
    if (hit !== undefined) {
      this.entries.delete(key);
      this.entries.set(key, hit);
    }
    return hit;
  }

  set(key: string, columns: BarColumns): void {
    const old = this.entries.get(key);
    if (old !== undefined) {
      this.entries.delete(key);
      this.bars -= old.length;
    }
    this.entries.set(key, columns);
    this.bars += columns.length;
    for (const [k, v] of this.entries) {
      if (this.bars <= this.capacity) break;
      this.entries.delete(k);
      this.bars -= v.length;
    }
  }

  get size(): number {
    return this.bars;
  }
}
