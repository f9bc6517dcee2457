import { readFileSync } from 'node:fs';
import { allocColumns, sliceColumns, type BarColumns } from '../../../shared/domain/bar-columns';
import { lineTooLong, MAX_LINE_CHARS } from '../../market-data/import/bounded-lines';
import { detectFormat, parseBinanceTime, parseNaiveStamp, type CsvFormat, type CsvTimeZone } from '../../market-data/import/csv-formats';
import { boundsError } from '../../market-data/import/csv-row';
import { inputFileProblem } from '../../market-data/import/input-file';
import { FastCsvRows, ROW_FIELDS, type RowValues } from './csv-row-fast';
import { DataSetError } from './data-set-error';

const LF = 10;
const CR = 13;

/** A bar file read whole into columns, for a backtest or an indicator run. */
export interface CsvBars {
  readonly format: CsvFormat;
  readonly columns: BarColumns;
}

/** A strict decimal: what exchanges and the ../shared/data files write (no hex, no blanks, no NaN). */
const DECIMAL = /^-?\d+(?:\.\d+)?(?:[eE][-+]?\d+)?$/;

function decimal(cell: string | undefined, what: string, line: number, positive: boolean): number {
  const text = cell?.trim() ?? '';
  if (!DECIMAL.test(text)) throw new DataSetError('csv', `line ${String(line)}: ${what} "${text}" is not a decimal number`);
  const v = Number(text);
  const error = boundsError(what, v, positive);
  if (error !== null) throw new DataSetError('csv', `line ${String(line)}: ${error}`);
  return v;
}

/** Parses one row's text into `out` (time, open, high, low, close, volume, trades), or throws naming the line and field. */
function readCsvRow(line: string, lineNo: number, format: CsvFormat, tz: CsvTimeZone, out: RowValues): void {
  const cells = line.split(',');
  const time = format === 'binance' ? parseBinanceTime(cells[0] ?? '') : parseNaiveStamp(cells[0] ?? '', tz);
  if (typeof time === 'string') throw new DataSetError('csv', `line ${String(lineNo)}: ${time}`);
  out[0] = time;
  out[1] = decimal(cells[1], 'open', lineNo, true);
  out[2] = decimal(cells[2], 'high', lineNo, true);
  out[3] = decimal(cells[3], 'low', lineNo, true);
  out[4] = decimal(cells[4], 'close', lineNo, true);
  out[5] = decimal(cells[5], 'volume', lineNo, false);
  out[6] = format === 'binance' ? Number(cells[8] ?? 0) : 0;
}

function readFile(file: string): Buffer {
  const problem = inputFileProblem(file);
  if (problem !== null) throw new DataSetError('csv', problem);
  try {
    return readFileSync(file);
  } catch (err) {
    throw new DataSetError('csv', `cannot read ${file}: ${err instanceof Error ? err.message : String(err)}`);
  }
}

/** Characters of the UTF-8 bytes [s, e): every byte that does not continue a sequence starts one. */
function utf8Chars(buf: Buffer, s: number, e: number): number {
  let n = 0;
  for (let i = s; i < e; i++) if (((buf[i] ?? 0) & 0xc0) !== 0x80) n++;
  return n;
}

function countLines(buf: Buffer): number {
  let n = 1;
  for (let at = buf.indexOf(LF); at >= 0; at = buf.indexOf(LF, at + 1)) n++;
  return n;
}

/**
 * Reads a bar CSV (the `,Open,High,Low,Close,Volume` layout of ../shared/data,
 * or Binance kline rows) into columns, in one pass over the file's bytes and
 * without an object per row: rows written the usual way take the byte fast
 * path (csv-row-fast.ts), any other row the string path, which gives the same
 * numbers and words the errors. Unlike `tapedeck import`, which keeps the good
 * rows of a file, a backtest refuses the whole data set on the first bad row:
 * its numbers must come from exactly the file given. Rows must be in strictly
 * increasing time.
 */
export function readCsvBars(file: string, tz: CsvTimeZone): CsvBars {
  const buf = readFile(file);
  let format: CsvFormat | null = null;
  let fast: FastCsvRows | null = null;
  let cols = allocColumns(countLines(buf));
  const row: RowValues = new Float64Array(ROW_FIELDS);
  let n = 0;
  let prev = -Infinity;
  let lineNo = 0;
  for (let pos = 0; pos < buf.length; ) {
    let end = buf.indexOf(LF, pos);
    if (end < 0) end = buf.length;
    const start = pos;
    pos = end + 1;
    lineNo++;
    if (end > start && buf[end - 1] === CR) end--;
    // Bytes bound characters from above: only a long line is counted.
    if (end - start > MAX_LINE_CHARS) {
      const chars = utf8Chars(buf, start, end);
      if (chars > MAX_LINE_CHARS) throw new DataSetError('csv', `line ${String(lineNo)}: ${lineTooLong(chars)}`);
    }
    // `fast` exists once the format is known (from the first non-empty line).
    if (fast === null || !fast.read(buf, start, end, row)) {
      const line = buf.toString('utf8', start, end).trim();
      if (line === '') continue;
      if (format === null) {
        format = detectFormat(line);
        if (format === null) throw new DataSetError('csv', `line ${String(lineNo)}: not a known CSV layout (expected a ",Open,High,Low,Close,Volume" header or Binance kline rows)`);
        fast = new FastCsvRows(format, tz);
        if (format === 'ohlcv') continue;
      }
      readCsvRow(line, lineNo, format, tz, row);
    }
    const time = row[0] ?? NaN;
    if (time <= prev) throw new DataSetError('csv', `line ${String(lineNo)}: ${new Date(time).toISOString()} is not after the previous row (the data must be sorted, without duplicates)`);
    prev = time;
    const open = row[1] ?? NaN;
    const high = row[2] ?? NaN;
    const low = row[3] ?? NaN;
    const close = row[4] ?? NaN;
    if (high < Math.max(open, close, low) || low > Math.min(open, close)) {
      throw new DataSetError('csv', `line ${String(lineNo)}: high/low do not bracket open and close`);
    }
    cols.time[n] = time;
    cols.open[n] = open;
    cols.high[n] = high;
    cols.low[n] = low;
    cols.close[n] = close;
    cols.volume[n] = row[5] ?? NaN;
    cols.trades[n] = row[6] ?? 0;
    cols.final[n] = 1;
    n++;
  }
  // An empty file and a header alone are the same refusal.
  if (format === null || n === 0) throw new DataSetError('csv', `${file} has no data rows`);
  cols = sliceColumns(cols, 0, n);
  return { format, columns: cols };
}
