import type { SeriesKey } from './bar-store';
import type { Db } from './database';

/** Why a span of a series holds no bars and need not be asked for again. */
export type VoidReason = 'before-start' | 'venue-gap' | 'incomplete';

export interface BarVoid {
  readonly from: number;
  readonly to: number;
  readonly reason: VoidReason;
}

interface VoidRow {
  readonly from_time: number;
  readonly to_time: number;
  readonly reason: VoidReason;
}

/**
 * Known-empty spans of bar series (see migration 5). Adding a span merges it
 * with the overlapping or touching spans of the same reason in one
 * transaction, so each (series, reason) keeps disjoint spans.
 */
export class BarVoids {
  private readonly stmts;

  constructor(private readonly db: Db) {
    this.stmts = {
      overlapping: db.prepare(
        `SELECT from_time, to_time, reason FROM bar_voids
         WHERE source = ? AND symbol = ? AND interval = ? AND to_time > ? AND from_time < ? ORDER BY from_time`,
      ),
      touching: db.prepare(
        `SELECT from_time, to_time, reason FROM bar_voids
         WHERE source = ? AND symbol = ? AND interval = ? AND reason = ? AND to_time >= ? AND from_time <= ?`,
      ),
      remove: db.prepare('DELETE FROM bar_voids WHERE source = ? AND symbol = ? AND interval = ? AND reason = ? AND from_time = ?'),
      insert: db.prepare('INSERT INTO bar_voids (source, symbol, interval, from_time, to_time, reason, noted_at) VALUES (?, ?, ?, ?, ?, ?, ?)'),
      clear: db.prepare('DELETE FROM bar_voids WHERE source = ? AND symbol = ? AND interval = ? AND reason = ?'),
    };
  }

  /** Spans overlapping [from, to), oldest first. */
  list(key: SeriesKey, from: number, to: number): BarVoid[] {
    const rows = this.stmts.overlapping.all(key.source, key.symbol, key.interval, from, to) as VoidRow[];
    return rows.map((r) => ({ from: r.from_time, to: r.to_time, reason: r.reason }));
  }

  /** Records [from, to) as empty for `reason`, merged with its neighbours. */
  add(key: SeriesKey, from: number, to: number, reason: VoidReason, at: number): void {
    if (!(to > from)) return;
    this.db
      .transaction(() => {
        let lo = from;
        let hi = to;
        for (const r of this.stmts.touching.all(key.source, key.symbol, key.interval, reason, from, to) as VoidRow[]) {
          lo = Math.min(lo, r.from_time);
          hi = Math.max(hi, r.to_time);
          this.stmts.remove.run(key.source, key.symbol, key.interval, reason, r.from_time);
        }
        this.stmts.insert.run(key.source, key.symbol, key.interval, lo, hi, reason, at);
      })
      .immediate();
  }

  /**
   * Removes [from, to) from the spans of `reason`, keeping their parts outside
   * it: an import that completed its file's span is no longer incomplete
   * there, and a span another interrupted import left elsewhere stays.
   */
  cut(key: SeriesKey, from: number, to: number, reason: VoidReason, at: number): void {
    if (!(to > from)) return;
    this.db
      .transaction(() => {
        for (const r of this.stmts.overlapping.all(key.source, key.symbol, key.interval, from, to) as VoidRow[]) {
          if (r.reason !== reason) continue;
          this.stmts.remove.run(key.source, key.symbol, key.interval, reason, r.from_time);
          if (r.from_time < from) this.stmts.insert.run(key.source, key.symbol, key.interval, r.from_time, from, reason, at);
          if (r.to_time > to) this.stmts.insert.run(key.source, key.symbol, key.interval, to, r.to_time, reason, at);
        }
      })
      .immediate();
  }

  /** Forgets every span of `reason` (an import that finished is no longer incomplete). */
  clear(key: SeriesKey, reason: VoidReason): void {
    this.stmts.clear.run(key.source, key.symbol, key.interval, reason);
  }
}
