import { bar, type Bar } from '../../../../../shared/domain/bar';
import { alignmentError, parseBinanceTime } from '../../../import/csv-formats';
import { csvBarFieldsSchema } from '../../../import/csv-row';

/** Columns of a kline row: open time, OHLC, volume, close time, quote volume, trades, taker base, taker quote, ignore. */
export const KLINE_COLUMNS = 12;

/** The header futures files carry (spot files have none). */
export function isKlineHeader(line: string): boolean {
  return /^open_time,/i.test(line);
}

/**
 * One Vision kline row as a final 1m bar, or the reason it is refused. The
 * open time is ms or µs, told apart per row by its digit count (spot files
 * switched to µs on 2025-01-01); the rest goes through the same checks as
 * `tapedeck import` (decimal strings, positive prices, high/low bracketing).
 */
export function klineRowToBar(cells: readonly string[]): Bar | string {
  if (cells.length !== KLINE_COLUMNS) return `expected ${String(KLINE_COLUMNS)} columns, found ${String(cells.length)}`;
  const [stamp = '', open, high, low, close, volume] = cells;
  const time = parseBinanceTime(stamp);
  if (typeof time === 'string') return time;
  const misaligned = alignmentError(time, '1m', 'UTC');
  if (misaligned !== null) return misaligned;
  const fields = csvBarFieldsSchema.safeParse({ open, high, low, close, volume, trades: cells[8] });
  if (!fields.success) return fields.error.issues[0]?.message ?? 'invalid row';
  const f = fields.data;
  return bar(time, f.open, f.high, f.low, f.close, f.volume, f.trades ?? 0, true);
}
