import { concatColumns, EMPTY_COLUMNS, lowerBound, sliceColumns, type BarColumns } from '../../../shared/domain/bar-columns';
import { EPOCH_MS_MAX, EPOCH_MS_MIN, EPOCH_RANGE_TEXT } from '../../../shared/domain/epoch';
import { INTERVAL_MS, type BaseInterval } from '../../../shared/domain/interval';
import type { MarketKind } from '../../../shared/market/market-kind';
import { decodeChunk, encodeChunk } from './bar-chunk-codec';
import { mergeChunk, type MergeCounts, type UpsertMode } from './chunk-merge';
import type { Db } from './database';

export interface SeriesKey {
  readonly source: string;
  readonly symbol: string;
  readonly interval: BaseInterval;
}

export interface SeriesInfo extends SeriesKey {
  readonly market: MarketKind;
  readonly bars: number;
  readonly first: number | null;
  readonly last: number | null;
}

/** Bars per chunk span: a day of 1m bars, 60 days of 1h, ~4 years of 1d. */
const SLOTS_PER_CHUNK = 1440;

export function chunkSpan(interval: BaseInterval): number {
  return SLOTS_PER_CHUNK * INTERVAL_MS[interval];
}

/** Rows must be sorted by time without duplicates, and open inside the contract's range; throws naming the first offending row. */
function assertStorable(c: BarColumns): void {
  for (let i = 1; i < c.length; i++) {
    if ((c.time[i] ?? 0) <= (c.time[i - 1] ?? 0)) throw new Error(`bars must be in strictly increasing time order (row ${String(i)})`);
  }
  const first = c.time[0] ?? EPOCH_MS_MIN;
  const last = c.time[c.length - 1] ?? EPOCH_MS_MIN;
  // Sorted: the ends bound every row. A bar must open before the range's end.
  if (c.length > 0 && !(first >= EPOCH_MS_MIN && last < EPOCH_MS_MAX)) {
    throw new RangeError(`bars must open in ${EPOCH_RANGE_TEXT} (first ${String(first)}, last ${String(last)})`);
  }
}

/**
 * The bar store: one truth per (source, symbol, base interval), upserted
 * idempotently in one transaction per batch, read by time range. Other
 * intervals are never stored; they are aggregated on read.
 */
export class BarStore {
  private readonly seriesIds = new Map<string, number>();
  private readonly stmts;

  constructor(private readonly db: Db) {
    this.stmts = {
      findSeries: db.prepare('SELECT id, market FROM bar_series WHERE source = ? AND symbol = ? AND interval = ?'),
      insertSeries: db.prepare('INSERT INTO bar_series (source, symbol, interval, market) VALUES (?, ?, ?, ?)'),
      chunk: db.prepare('SELECT payload FROM bar_chunks WHERE series_id = ? AND chunk_start = ?').pluck(),
      upsertChunk: db.prepare(
        `INSERT INTO bar_chunks (series_id, chunk_start, bar_count, first_time, last_time, payload) VALUES (?, ?, ?, ?, ?, ?)
         ON CONFLICT (series_id, chunk_start) DO UPDATE SET bar_count = excluded.bar_count,
           first_time = excluded.first_time, last_time = excluded.last_time, payload = excluded.payload`,
      ),
      rangeAsc: db.prepare(
        'SELECT payload FROM bar_chunks WHERE series_id = ? AND chunk_start >= ? AND chunk_start < ? ORDER BY chunk_start',
      ).pluck(),
      beforeDesc: db.prepare('SELECT payload FROM bar_chunks WHERE series_id = ? AND chunk_start < ? ORDER BY chunk_start DESC').pluck(),
      bounds: db.prepare('SELECT MIN(first_time) AS first, MAX(last_time) AS last FROM bar_chunks WHERE series_id = ?'),
      hasSource: db.prepare('SELECT 1 FROM bar_series WHERE source = ? LIMIT 1').pluck(),
      listSeries: db.prepare(
        `SELECT s.source, s.symbol, s.interval, s.market, COALESCE(SUM(c.bar_count), 0) AS bars,
                MIN(c.first_time) AS first, MAX(c.last_time) AS last
         FROM bar_series s LEFT JOIN bar_chunks c ON c.series_id = s.id GROUP BY s.id ORDER BY s.source, s.symbol, s.interval`,
      ),
    };
  }

  /** The market a series was created with, or null when the series does not exist. */
  market(key: SeriesKey): MarketKind | null {
    const row = this.stmts.findSeries.get(key.source, key.symbol, key.interval) as { market: MarketKind } | undefined;
    return row?.market ?? null;
  }

  /** Whether any series is stored under `source`. */
  hasSource(source: string): boolean {
    return this.stmts.hasSource.get(source) !== undefined;
  }

  /** Open times of the series' first and last stored bars, or null when it holds none. */
  bounds(key: SeriesKey): { first: number; last: number } | null {
    const id = this.seriesId(key);
    if (id === null) return null;
    const row = this.stmts.bounds.get(id) as { first: number | null; last: number | null };
    return row.first === null || row.last === null ? null : { first: row.first, last: row.last };
  }

  listSeries(): SeriesInfo[] {
    return this.stmts.listSeries.all() as SeriesInfo[];
  }

  /**
   * Writes bars (sorted by time, no duplicates) in one transaction: either all
   * of the batch is applied or none of it. Returns what happened to each bar.
   */
  upsert(key: SeriesKey, market: MarketKind, bars: BarColumns, mode: UpsertMode): MergeCounts {
    assertStorable(bars);
    const counts: MergeCounts = { inserted: 0, updated: 0, unchanged: 0 };
    if (bars.length === 0) return counts;
    const span = chunkSpan(key.interval);
    this.db
      .transaction(() => {
        const id = this.ensureSeries(key, market);
        let i = 0;
        while (i < bars.length) {
          const start = Math.floor((bars.time[i] ?? 0) / span) * span;
          const j = lowerBound(bars, start + span);
          const blob = this.stmts.chunk.get(id, start) as Buffer | undefined;
          const existing = blob === undefined ? EMPTY_COLUMNS : decodeChunk(blob);
          const merged = mergeChunk(existing, sliceColumns(bars, i, j), mode, counts);
          if (merged !== existing) {
            this.stmts.upsertChunk.run(id, start, merged.length, merged.time[0], merged.time[merged.length - 1], encodeChunk(merged));
          }
          i = j;
        }
      })
      .immediate();
    return counts;
  }

  /** Bars with open time in [from, to), oldest first. */
  range(key: SeriesKey, from: number, to: number): BarColumns {
    const id = this.seriesId(key);
    if (id === null || to <= from) return EMPTY_COLUMNS;
    const span = chunkSpan(key.interval);
    const chunks = (this.stmts.rangeAsc.all(id, Math.floor(from / span) * span, to) as Buffer[]).map(decodeChunk);
    const all = chunks.length === 1 ? (chunks[0] ?? EMPTY_COLUMNS) : concatColumns(chunks);
    return sliceColumns(all, lowerBound(all, from), lowerBound(all, to));
  }

  /** The newest `limit` bars with open time before `to`, oldest first. */
  latest(key: SeriesKey, to: number, limit: number): BarColumns {
    const id = this.seriesId(key);
    if (id === null || limit <= 0) return EMPTY_COLUMNS;
    const parts: BarColumns[] = [];
    let count = 0;
    for (const blob of this.stmts.beforeDesc.iterate(id, to) as IterableIterator<Buffer>) {
      const chunk = decodeChunk(blob);
      const part = sliceColumns(chunk, 0, lowerBound(chunk, to));
      parts.unshift(part);
      count += part.length;
      if (count >= limit) break;
    }
    const all = concatColumns(parts);
    return sliceColumns(all, Math.max(0, all.length - limit), all.length);
  }

  private ensureSeries(key: SeriesKey, market: MarketKind): number {
    const known = this.seriesId(key);
    if (known !== null) {
      const stored = this.market(key);
      if (stored !== market) throw new Error(`${key.source}:${key.symbol} ${key.interval} is stored as ${String(stored)}, not ${market}`);
      return known;
    }
    // Not cached here: if the batch's transaction rolls back, this row goes with it.
    return Number(this.stmts.insertSeries.run(key.source, key.symbol, key.interval, market).lastInsertRowid);
  }

  private seriesId(key: SeriesKey): number | null {
    const cacheKey = `${key.source}\u0000${key.symbol}\u0000${key.interval}`;
    const cached = this.seriesIds.get(cacheKey);
    if (cached !== undefined) return cached;
    const row = this.stmts.findSeries.get(key.source, key.symbol, key.interval) as { id: number } | undefined;
    if (row === undefined) return null;
    this.seriesIds.set(cacheKey, row.id);
    return row.id;
  }
}
