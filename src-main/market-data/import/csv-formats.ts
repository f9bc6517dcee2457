import { EPOCH_MS_MAX, EPOCH_MS_MIN, EPOCH_RANGE_TEXT } from '../../../shared/domain/epoch';
import { DAY_MS, INTERVAL_MS, MINUTE_MS, type BaseInterval } from '../../../shared/domain/interval';
import { realCivilDays } from '../../../shared/market/civil-date';
import { nyInstant, nyLocal } from '../../../shared/market/new-york-time';

export type CsvTimeZone = 'UTC' | 'America/New_York';

/**
 * The CSV layouts `tapedeck import` reads:
 * - `ohlcv`: a header `,Open,High,Low,Close,Volume` (or `Date,Open,…`), then
 *   rows whose first column is a naive date or date-time in `--tz`
 *   (the ../shared/data files);
 * - `binance`: Binance kline rows (12 columns, no header): open time in ms
 *   (or µs, in spot files from 2025 on), open, high, low, close, volume,
 *   close time, quote volume, trades, taker base, taker quote, ignore.
 */
export type CsvFormat = 'ohlcv' | 'binance';

export function detectFormat(firstLine: string): CsvFormat | null {
  const cells = firstLine.split(',').map((c) => c.trim().toLowerCase());
  if (cells.length >= 6 && cells[1] === 'open' && cells[4] === 'close') return 'ohlcv';
  if (cells.length === 12 && /^\d{13,16}$/.test(cells[0] ?? '')) return 'binance';
  return null;
}

/** `t` as a bar's open time, or the refusal of a time outside the range the store and the contract hold (bars open before 2100). */
function inRange(t: number, stamp: string): number | string {
  return t >= EPOCH_MS_MIN && t < EPOCH_MS_MAX ? t : `time "${stamp.trim()}" is outside ${EPOCH_RANGE_TEXT}`;
}

const STAMP = /^(\d{4})-(\d{2})-(\d{2})(?:[ T](\d{2}):(\d{2})(?::(\d{2}))?)?$/;

/**
 * A naive stamp as UTC ms. A date alone in New York is the session open
 * (09:30), which is when Tapedeck's US-equity day bars start.
 */
export function parseNaiveStamp(stamp: string, tz: CsvTimeZone, repeat = false): number | string {
  const m = STAMP.exec(stamp.trim());
  if (m === null) return `time "${stamp}" is not YYYY-MM-DD or YYYY-MM-DD HH:MM[:SS]`;
  const [y, mo, d, hh, mm, ss] = m.slice(1).map((x) => (x === undefined ? undefined : Number(x)));
  if (y === undefined || mo === undefined || d === undefined) return `time "${stamp}" is not a valid date`;
  const days = realCivilDays(y, mo, d);
  if (days === null) return `time "${stamp}" is not a valid date`;
  if (hh === undefined) return inRange(tz === 'UTC' ? days * DAY_MS : nyInstant(days, 9 * 60 + 30), stamp);
  if (hh > 23 || (mm ?? 0) > 59 || (ss ?? 0) > 59) return `time "${stamp}" is not a valid time of day`;
  if ((ss ?? 0) !== 0) return `time "${stamp}" is not on a minute boundary`;
  const minute = hh * 60 + (mm ?? 0);
  if (tz === 'UTC') return inRange(days * DAY_MS + minute * MINUTE_MS, stamp);
  // Every instant that New York shows as this wall time: none in the spring-forward hour, two in the autumn one.
  const t = nyInstant(days, minute);
  const instants = [t - 60 * MINUTE_MS, t, t + 60 * MINUTE_MS].filter((x) => {
    const local = nyLocal(x);
    return local.days === days && local.minuteOfDay === minute;
  });
  const [first, second] = instants;
  if (first === undefined) return `time "${stamp}" does not exist in New York (the spring-forward hour)`;
  // The autumn hour is stamped twice: the first time is daylight time, the repeat standard time.
  return inRange(repeat && second !== undefined ? second : first, stamp);
}

/** Binance open times: 13 digits are ms; 16 digits are µs (spot files from 2025-01-01). */
export function parseBinanceTime(cell: string): number | string {
  const digits = cell.trim();
  if (/^\d{13}$/.test(digits)) return inRange(Number(digits), digits);
  if (/^\d{16}$/.test(digits)) return inRange(Math.floor(Number(digits) / 1000), digits);
  return `open time "${cell}" is neither milliseconds (13 digits) nor microseconds (16 digits)`;
}

/**
 * Whether `t` is a valid open time for bars of `interval`: New York day bars
 * start at the session open, and New York hourly bars on the session's grid
 * (09:30, 10:30, ...), which is how US-equity hours are aligned here.
 */
export function alignmentError(t: number, interval: BaseInterval, tz: CsvTimeZone): string | null {
  if (tz === 'America/New_York' && interval !== '1m') {
    if (interval === '1d') return null;
    return (nyLocal(t).minuteOfDay - 570) % 60 === 0 ? null : 'New York hourly bars must start on the 09:30 session grid (09:30, 10:30, ...)';
  }
  return t % INTERVAL_MS[interval] === 0 ? null : `time ${new Date(t).toISOString()} is not on a ${interval} boundary`;
}
