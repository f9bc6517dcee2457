import { createReadStream } from 'node:fs';
import { setImmediate as nextTurn } from 'node:timers/promises';
import { bar, type Bar } from '../../../shared/domain/bar';
import { columnsFromBars } from '../../../shared/domain/bar-columns';
import { INTERVAL_MS, type BaseInterval } from '../../../shared/domain/interval';
import type { MarketKind } from '../../../shared/market/market-kind';
import type { BarStore, BarVoids, Db, SeriesKey } from '../../platform/store';
import { boundedLines, lineTooLong } from './bounded-lines';
import { csvBarFieldsSchema } from './csv-row';
import { alignmentError, detectFormat, parseBinanceTime, parseNaiveStamp, type CsvFormat, type CsvTimeZone } from './csv-formats';

/** Where an import writes: the bars, and the voids that mark an unfinished import. */
export interface ImportTarget {
  readonly db: Db;
  readonly bars: BarStore;
  readonly voids: BarVoids;
}

export interface ImportProgress {
  /** Reading and checking rows, then storing the bars in transactions. */
  readonly phase: 'read' | 'store';
  /** Rows read, or bars stored. */
  readonly done: number;
  /** Bars to store (null while reading). */
  readonly total: number | null;
}

export interface ImportOptions {
  readonly file: string;
  readonly source: string;
  readonly symbol: string;
  readonly interval: BaseInterval;
  readonly market: MarketKind;
  readonly tz: CsvTimeZone;
  /** Stops the import between lines and between transactions: it then throws ImportInterrupted. */
  readonly signal?: AbortSignal;
  readonly onProgress?: (p: ImportProgress) => void;
  readonly now?: () => number;
}

export interface ImportReport {
  readonly format: CsvFormat | null;
  readonly rowsRead: number;
  readonly inserted: number;
  /** Stored forming bars that the file's final ones replaced. */
  readonly updated: number;
  /** Rows already stored (or repeated in the file): skipped. */
  readonly duplicates: number;
  readonly rejected: readonly { readonly line: number; readonly reason: string }[];
}

/** Bars per write transaction: a stop waits for at most one of them. */
export const IMPORT_BATCH = 20_000;
/** Rows between two read progress reports. */
const READ_PROGRESS_ROWS = 100_000;

/** The file cannot go into that series (it was stored with another market). */
export class ImportConflict extends Error {}

/** The import was asked to stop; `stored` bars were committed (their span is marked incomplete when any were). */
export class ImportInterrupted extends Error {
  constructor(readonly stored: number) {
    super(stored === 0 ? 'import stopped before anything was stored' : `import stopped after ${String(stored)} bars were stored`);
    this.name = 'ImportInterrupted';
  }
}

function rowToBar(cells: readonly string[], format: CsvFormat, opts: ImportOptions, repeat: boolean): Bar | string {
  const [stamp = '', open = '', high = '', low = '', close = '', volume = ''] = cells;
  const time = format === 'binance' ? parseBinanceTime(stamp) : parseNaiveStamp(stamp, opts.tz, repeat);
  if (typeof time === 'string') return time;
  const misaligned = alignmentError(time, opts.interval, opts.tz);
  if (misaligned !== null) return misaligned;
  const fields = csvBarFieldsSchema.safeParse({ open, high, low, close, volume, trades: format === 'binance' ? cells[8] : undefined });
  if (!fields.success) return fields.error.issues[0]?.message ?? 'invalid row';
  const f = fields.data;
  return bar(time, f.open, f.high, f.low, f.close, f.volume, f.trades ?? 0, true);
}

interface ReadRows {
  readonly format: CsvFormat | null;
  readonly rowsRead: number;
  readonly repeated: number;
  readonly bars: Bar[];
  readonly rejected: { line: number; reason: string }[];
}

/** Reads and checks every row (a line over the length limit is refused unread); the good ones come back sorted by time. */
async function readRows(opts: ImportOptions): Promise<ReadRows> {
  const rejected: { line: number; reason: string }[] = [];
  const bars = new Map<number, Bar>();
  const stamps = new Set<string>();
  let format: CsvFormat | null = null;
  let lineNo = 0;
  let rowsRead = 0;
  let repeated = 0;
  for await (const { text, length } of boundedLines(createReadStream(opts.file, { encoding: 'utf8' }))) {
    if (opts.signal?.aborted === true) throw new ImportInterrupted(0);
    lineNo++;
    const line = text === null ? null : (lineNo === 1 ? text.replace(/^\uFEFF/, '') : text).trim();
    if (line === '') continue;
    if (format === null) {
      format = line === null ? null : detectFormat(line);
      if (format === null) {
        rejected.push({ line: lineNo, reason: line === null ? lineTooLong(length) : 'not a known CSV layout (expected a ",Open,High,Low,Close,Volume" header or Binance kline rows)' });
        break;
      }
      if (format === 'ohlcv') continue; // the header
    }
    rowsRead++;
    if (rowsRead % READ_PROGRESS_ROWS === 0) opts.onProgress?.({ phase: 'read', done: rowsRead, total: null });
    if (line === null) {
      rejected.push({ line: lineNo, reason: lineTooLong(length) });
      continue;
    }
    const cells = line.split(',');
    const expected = format === 'binance' ? 12 : 6;
    if (cells.length !== expected) {
      rejected.push({ line: lineNo, reason: `expected ${String(expected)} columns, found ${String(cells.length)}` });
      continue;
    }
    const stamp = cells[0] ?? '';
    const parsed = rowToBar(cells, format, opts, stamps.has(stamp));
    stamps.add(stamp);
    if (typeof parsed === 'string') rejected.push({ line: lineNo, reason: parsed });
    else if (bars.has(parsed.time)) repeated++;
    else bars.set(parsed.time, parsed);
  }
  return { format, rowsRead, repeated, rejected, bars: [...bars.values()].sort((a, b) => a.time - b.time) };
}

/**
 * Streams a CSV into the bar store. Every row is parsed and checked on its
 * own: a bad row is reported with its line number and reason, and never stops
 * the import. Re-importing the same file changes nothing (the store's `fill`
 * upsert keeps bars already stored).
 *
 * The bars are stored in transactions of IMPORT_BATCH. The first one also
 * marks the file's span [first row, last row + interval) `incomplete` and
 * stores the file's last bar with its first batch, so from the first commit
 * on the series spans the whole file and whatever is not stored yet reads as
 * incomplete (not as after the series' end); the last transaction lifts the
 * mark. An import stopped (`signal`) or killed in between leaves it, until an
 * import of the span completes.
 */
export async function importCsv(target: ImportTarget, opts: ImportOptions): Promise<ImportReport> {
  const key: SeriesKey = { source: opts.source, symbol: opts.symbol, interval: opts.interval };
  const stored = target.bars.market(key);
  if (stored !== null && stored !== opts.market) {
    throw new ImportConflict(`${opts.source}:${opts.symbol} ${opts.interval} is already stored as ${stored}; import it with --market ${stored} (and the same --tz), or under another --source`);
  }
  const read = await readRows(opts);
  const counts = { inserted: 0, updated: 0, unchanged: 0 };
  const sorted = read.bars;
  const last = sorted.at(-1);
  if (last !== undefined) {
    const now = opts.now ?? Date.now;
    const span = { from: sorted[0]?.time ?? last.time, to: last.time + INTERVAL_MS[opts.interval] };
    const body = sorted.slice(0, -1);
    let written = 0;
    for (let i = 0; i === 0 || i < body.length; i += IMPORT_BATCH) {
      if (opts.signal?.aborted === true) throw new ImportInterrupted(written);
      const batch = i === 0 ? [...body.slice(0, IMPORT_BATCH), last] : body.slice(i, i + IMPORT_BATCH);
      const final = i + IMPORT_BATCH >= body.length;
      target.db
        .transaction(() => {
          if (i === 0) target.voids.add(key, span.from, span.to, 'incomplete', now());
          const c = target.bars.upsert(key, opts.market, columnsFromBars(batch), 'fill');
          counts.inserted += c.inserted;
          counts.updated += c.updated;
          counts.unchanged += c.unchanged;
          if (final) target.voids.cut(key, span.from, span.to, 'incomplete', now());
        })
        .immediate();
      written += batch.length;
      opts.onProgress?.({ phase: 'store', done: written, total: sorted.length });
      // Between transactions the event loop turns, so a stop is seen within one batch.
      if (!final) await nextTurn();
    }
  }
  return { format: read.format, rowsRead: read.rowsRead, inserted: counts.inserted, updated: counts.updated, duplicates: counts.unchanged + read.repeated, rejected: read.rejected };
}
