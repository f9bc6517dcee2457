import { MAX_PRICE, MAX_VOLUME } from '../../../shared/domain/bar';
import { EPOCH_MS_MAX, EPOCH_MS_MIN } from '../../../shared/domain/epoch';
import { DAY_MS, MINUTE_MS } from '../../../shared/domain/interval';
import { realCivilDays } from '../../../shared/market/civil-date';
import { nyInstant, nyOffsetMinutes } from '../../../shared/market/new-york-time';
import type { CsvFormat, CsvTimeZone } from '../../market-data/import/csv-formats';

/**
 * The fast path of the bar-CSV reader: parses a row straight from the file's
 * bytes, without a string per cell, for rows written the usual way. It only
 * ever accepts what the string path (`readCsvRow`) accepts, with the same
 * numbers: anything unusual (blanks around cells, exponents, more than 15
 * digits, bad values, a date alone, a New York day with a clock change) makes
 * it decline, and the string path then reads that row and words any error.
 */

/** time, open, high, low, close, volume, trades: what a row yields. */
export type RowValues = Float64Array;
export const ROW_FIELDS = 7;

const COMMA = 44;
const MINUS = 45;
const DOT = 46;
const ZERO = 48;
const NINE = 57;
const COLON = 58;
const SPACE = 32;
const T = 84;
// 10^0 … 10^15 are exact doubles.
const POW10 = Array.from({ length: 16 }, (_, i) => 10 ** i);
/** Beyond this an integer parsed digit by digit may not equal Number(text). */
const MAX_EXACT = 2 ** 53;

/**
 * `-?\d+(\.\d+)?` in bytes [s, e) with at most 15 digits, or NaN. The digits
 * form an exact integer m (< 10^15 < 2^53) and the value is m / 10^f with both
 * exact, so IEEE division rounds it exactly as Number(text) does.
 */
export function bytesDecimal(buf: Uint8Array, s: number, e: number): number {
  let i = s;
  const negative = buf[i] === MINUS;
  if (negative) i++;
  let m = 0;
  let digits = 0;
  let fraction = -1;
  for (; i < e; i++) {
    const b = buf[i] ?? 0;
    if (b >= ZERO && b <= NINE) {
      m = m * 10 + (b - ZERO);
      digits++;
      if (fraction >= 0) fraction++;
    } else if (b === DOT && fraction < 0 && digits > 0) {
      fraction = 0;
    } else {
      return NaN;
    }
  }
  if (digits === 0 || digits > 15 || fraction === 0) return NaN;
  const v = fraction > 0 ? m / (POW10[fraction] ?? NaN) : m;
  return negative ? -v : v;
}

/** An unsigned integer of 1..16 digits in bytes [s, e), or NaN when not one or not exact. */
function bytesInteger(buf: Uint8Array, s: number, e: number): number {
  if (e <= s || e - s > 16) return NaN;
  let n = 0;
  for (let i = s; i < e; i++) {
    const b = buf[i] ?? 0;
    if (b < ZERO || b > NINE) return NaN;
    n = n * 10 + (b - ZERO);
  }
  return n < MAX_EXACT ? n : NaN;
}

function twoDigits(buf: Uint8Array, at: number): number {
  const a = (buf[at] ?? 0) - ZERO;
  const b = (buf[at + 1] ?? 0) - ZERO;
  return a >= 0 && a <= 9 && b >= 0 && b <= 9 ? a * 10 + b : NaN;
}

export class FastCsvRows {
  private dateKey = -1;
  private dateDays = NaN;
  /** The day's New York offset in minutes when it holds all day, NaN on a clock-change day. */
  private dateOffset = NaN;
  private readonly cells = new Int32Array(13);

  constructor(
    private readonly format: CsvFormat,
    private readonly tz: CsvTimeZone,
  ) {}

  /** Fills `out` from the row in bytes [s, e) and returns true, or returns false to leave the row to the string path. */
  read(buf: Uint8Array, s: number, e: number, out: RowValues): boolean {
    const need = this.format === 'binance' ? 9 : 6;
    const cells = this.cells;
    let n = 0;
    cells[0] = s;
    for (let i = s; i < e && n < need; i++) if (buf[i] === COMMA) cells[++n] = i + 1;
    if (n < need - 1) return false;
    // End of cell k is cells[k + 1] - 1; the last needed cell ends at the next comma or the row's end.
    let lastEnd = e;
    if (n === need) lastEnd = (cells[need] ?? 0) - 1;
    const end = (k: number): number => (k + 1 < need ? (cells[k + 1] ?? 0) - 1 : lastEnd);
    const time = this.format === 'binance' ? this.binanceTime(buf, s, end(0)) : this.stampTime(buf, s, end(0));
    // Outside the store's range (or NaN): the string path words the error.
    if (!(time >= EPOCH_MS_MIN && time < EPOCH_MS_MAX)) return false;
    out[0] = time;
    for (let k = 1; k <= 5; k++) {
      const v = bytesDecimal(buf, cells[k] ?? 0, end(k));
      // Prices in (0, 1e12] and volume in [0, 1e15]; the string path words the error.
      if (!(k === 5 ? v >= 0 && v <= MAX_VOLUME : v > 0 && v <= MAX_PRICE)) return false;
      out[k] = v;
    }
    if (this.format === 'binance') {
      const trades = bytesInteger(buf, cells[8] ?? 0, end(8));
      if (Number.isNaN(trades)) return false;
      out[6] = trades;
    } else {
      out[6] = 0;
    }
    return true;
  }

  private binanceTime(buf: Uint8Array, s: number, e: number): number {
    const n = bytesInteger(buf, s, e);
    if (e - s === 13) return n;
    return e - s === 16 ? Math.floor(n / 1000) : NaN;
  }

  /** "YYYY-MM-DD HH:MM" or "YYYY-MM-DDTHH:MM:00" (16 or 19 bytes), or NaN. */
  private stampTime(buf: Uint8Array, s: number, e: number): number {
    const len = e - s;
    if (len !== 16 && len !== 19) return NaN;
    if (buf[s + 4] !== MINUS || buf[s + 7] !== MINUS || buf[s + 13] !== COLON) return NaN;
    const sep = buf[s + 10];
    if (sep !== SPACE && sep !== T) return NaN;
    if (len === 19 && (buf[s + 16] !== COLON || buf[s + 17] !== ZERO || buf[s + 18] !== ZERO)) return NaN;
    const key = twoDigits(buf, s) * 1_000_000 + twoDigits(buf, s + 2) * 10_000 + twoDigits(buf, s + 5) * 100 + twoDigits(buf, s + 8);
    if (Number.isNaN(key)) return NaN;
    if (key !== this.dateKey) this.newDate(key);
    const hh = twoDigits(buf, s + 11);
    const mm = twoDigits(buf, s + 14);
    if (!(hh <= 23 && mm <= 59)) return NaN;
    const wall = this.dateDays * DAY_MS + (hh * 60 + mm) * MINUTE_MS;
    return this.tz === 'UTC' ? wall : wall - this.dateOffset * MINUTE_MS;
  }

  private newDate(key: number): void {
    this.dateKey = key;
    const y = Math.floor(key / 10_000);
    const m = Math.floor(key / 100) % 100;
    const d = key % 100;
    const days = realCivilDays(y, m, d);
    this.dateDays = days ?? NaN;
    if (this.tz === 'UTC' || days === null) return;
    const first = nyOffsetMinutes(nyInstant(days, 0));
    const last = nyOffsetMinutes(nyInstant(days, 1439));
    this.dateOffset = first === last ? first : NaN;
  }
}
