import { readFileSync } from 'node:fs';
import { allocColumns, sliceColumns, type BarColumns } from '../../shared/domain/bar-columns';
import { detectFormat, parseBinanceTime, parseNaiveStamp, type CsvFormat, type CsvTimeZone } from '../import/csv-formats';
import { DataSetError } from './data-set-error';

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
  if (!Number.isFinite(v) || (positive ? v <= 0 : v < 0)) {
    throw new DataSetError('csv', `line ${String(line)}: ${what} must be ${positive ? 'positive' : 'zero or more'}`);
  }
  return v;
}

/**
 * Reads a bar CSV (the `,Open,High,Low,Close,Volume` layout of ../shared/data,
 * or Binance kline rows) into columns, in one pass and without an object per
 * row. Unlike `tapedeck import`, which keeps the good rows of a file, a
 * backtest refuses the whole data set on the first bad row: its numbers must
 * come from exactly the file given. Rows must be in strictly increasing time.
 */
export function readCsvBars(file: string, tz: CsvTimeZone): CsvBars {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (err) {
    throw new DataSetError('csv', `cannot read ${file}: ${err instanceof Error ? err.message : String(err)}`);
  }
  const lines = text.split('\n');
  let format: CsvFormat | null = null;
  let cols = allocColumns(lines.length);
  let n = 0;
  let prev = -Infinity;
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]?.trim() ?? '';
    if (line === '') continue;
    const lineNo = i + 1;
    if (format === null) {
      format = detectFormat(line);
      if (format === null) throw new DataSetError('csv', `line ${String(lineNo)}: not a known CSV layout (expected a ",Open,High,Low,Close,Volume" header or Binance kline rows)`);
      if (format === 'ohlcv') continue;
    }
    const cells = line.split(',');
    const time = format === 'binance' ? parseBinanceTime(cells[0] ?? '') : parseNaiveStamp(cells[0] ?? '', tz);
    if (typeof time === 'string') throw new DataSetError('csv', `line ${String(lineNo)}: ${time}`);
    if (time <= prev) throw new DataSetError('csv', `line ${String(lineNo)}: ${new Date(time).toISOString()} is not after the previous row (the data must be sorted, without duplicates)`);
    prev = time;
    const open = decimal(cells[1], 'open', lineNo, true);
    const high = decimal(cells[2], 'high', lineNo, true);
    const low = decimal(cells[3], 'low', lineNo, true);
    const close = decimal(cells[4], 'close', lineNo, true);
    const volume = decimal(cells[5], 'volume', lineNo, false);
    if (high < Math.max(open, close, low) || low > Math.min(open, close)) {
      throw new DataSetError('csv', `line ${String(lineNo)}: high/low do not bracket open and close`);
    }
    cols.time[n] = time;
    cols.open[n] = open;
    cols.high[n] = high;
    cols.low[n] = low;
    cols.close[n] = close;
    cols.volume[n] = volume;
    cols.trades[n] = format === 'binance' ? Number(cells[8] ?? 0) : 0;
    cols.final[n] = 1;
    n++;
  }
  if (format === null || n === 0) throw new DataSetError('csv', `${file} holds no bars`);
  cols = sliceColumns(cols, 0, n);
  return { format, columns: cols };
}
