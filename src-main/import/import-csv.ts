import { createReadStream } from 'node:fs';
import { createInterface } from 'node:readline';
import { bar, type Bar } from '../../shared/domain/bar';
import { columnsFromBars } from '../../shared/domain/bar-columns';
import type { BaseInterval } from '../../shared/domain/interval';
import type { MarketKind } from '../../shared/market/market-kind';
import type { BarStore } from '../store';
import { csvBarFieldsSchema } from './csv-row';
import { alignmentError, detectFormat, parseBinanceTime, parseNaiveStamp, type CsvFormat, type CsvTimeZone } from './csv-formats';

export interface ImportOptions {
  readonly file: string;
  readonly source: string;
  readonly symbol: string;
  readonly interval: BaseInterval;
  readonly market: MarketKind;
  readonly tz: CsvTimeZone;
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

const BATCH = 100_000;

/** The file cannot go into that series (it was stored with another market). */
export class ImportConflict extends Error {}

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

/**
 * Streams a CSV into the bar store. Every row is parsed and checked on its
 * own: a bad row is reported with its line number and reason, and never stops
 * the import. Re-importing the same file changes nothing (the store's `fill`
 * upsert keeps bars already stored).
 */
export async function importCsv(store: BarStore, opts: ImportOptions): Promise<ImportReport> {
  const stored = store.market({ source: opts.source, symbol: opts.symbol, interval: opts.interval });
  if (stored !== null && stored !== opts.market) {
    throw new ImportConflict(`${opts.source}:${opts.symbol} ${opts.interval} is already stored as ${stored}; import it with --market ${stored} (and the same --tz), or under another --source`);
  }
  const lines = createInterface({ input: createReadStream(opts.file, { encoding: 'utf8' }), crlfDelay: Infinity });
  const rejected: { line: number; reason: string }[] = [];
  const bars = new Map<number, Bar>();
  let format: CsvFormat | null = null;
  let lineNo = 0;
  let rowsRead = 0;
  let repeated = 0;
  const stamps = new Set<string>();
  for await (const raw of lines) {
    lineNo++;
    const line = raw.trim();
    if (line === '') continue;
    if (format === null) {
      format = detectFormat(line);
      if (format === null) {
        rejected.push({ line: lineNo, reason: 'not a known CSV layout (expected a ",Open,High,Low,Close,Volume" header or Binance kline rows)' });
        break;
      }
      if (format === 'ohlcv') continue; // the header
    }
    rowsRead++;
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
  const sorted = [...bars.values()].sort((a, b) => a.time - b.time);
  let inserted = 0;
  let updated = 0;
  let unchanged = 0;
  for (let i = 0; i < sorted.length; i += BATCH) {
    const counts = store.upsert(
      { source: opts.source, symbol: opts.symbol, interval: opts.interval },
      opts.market,
      columnsFromBars(sorted.slice(i, i + BATCH)),
      'fill',
    );
    inserted += counts.inserted;
    updated += counts.updated;
    unchanged += counts.unchanged;
  }
  return { format, rowsRead, inserted, updated, duplicates: unchanged + repeated, rejected };
}
