import { isoDate, realCivilDays, civilFromDays } from '../market/civil-date';
import { refuse, type Checked } from './options-input-error';
import type { OptionType } from './option-type';

/**
 * OCC option symbols (the OSI format): root, expiry YYMMDD, C or P, and the
 * strike × 1000 as 8 digits. `SPY240315C00500000` is the SPY 500 call
 * expiring 2024-03-15. The root is 1-6 letters or digits; an adjusted
 * contract (after a split or a special dividend) gets a digit appended, as in
 * `SPY1`, so the root is not always the underlying's ticker. The padded OSI
 * form (root filled to 6 with spaces, 21 characters) is read too; symbols are
 * written compact, as Alpaca and most brokers show them.
 */
export interface OccParts {
  readonly root: string;
  /** The expiration date as days since 1970-01-01 (the NYSE session date). */
  readonly expiryDate: number;
  readonly type: OptionType;
  /** In dollars, a multiple of 0.001. */
  readonly strike: number;
}

const ROOT = /^[A-Z0-9]{1,6}$/;
const HAS_LETTER = /[A-Z]/;
/** The strike field holds up to 99,999.999. */
const MAX_STRIKE_THOUSANDTHS = 99_999_999;
/** Two-digit years are 2000-2099. */
const CENTURY = 2000;

export function parseOccSymbol(symbol: string): Checked<OccParts> {
  const text = symbol.trim();
  if (text.length < 16) return refuse('symbol', `"${symbol}" is too short for an OCC symbol (ROOT + YYMMDD + C/P + 8-digit strike, e.g. SPY240315C00500000)`);
  const root = text.slice(0, -15).trimEnd();
  const date = text.slice(-15, -9);
  const kind = text.slice(-9, -8);
  const strikeField = text.slice(-8);
  if (!ROOT.test(root) || !HAS_LETTER.test(root)) return refuse('root', `"${root}" is not an option root (1-6 capital letters or digits, e.g. SPY or SPY1)`);
  if (!/^\d{6}$/.test(date)) return refuse('expiry', `"${date}" is not a date YYMMDD`);
  const days = realCivilDays(CENTURY + Number(date.slice(0, 2)), Number(date.slice(2, 4)), Number(date.slice(4, 6)));
  if (days === null) return refuse('expiry', `"${date}" is not a real calendar date (YYMMDD)`);
  if (kind !== 'C' && kind !== 'P') return refuse('type', `"${kind}" is not C (call) or P (put)`);
  if (!/^\d{8}$/.test(strikeField)) return refuse('strike', `"${strikeField}" is not an 8-digit strike (dollars × 1000)`);
  const thousandths = Number(strikeField);
  if (thousandths === 0) return refuse('strike', 'the strike must be above 0');
  return { ok: true, value: { root, expiryDate: days, type: kind === 'C' ? 'call' : 'put', strike: thousandths / 1000 } };
}

/** The compact OCC symbol, or an error naming the field that cannot be written. */
export function formatOccSymbol(parts: OccParts): Checked<string> {
  if (!ROOT.test(parts.root) || !HAS_LETTER.test(parts.root)) return refuse('root', `"${parts.root}" is not an option root (1-6 capital letters or digits)`);
  const { y, m, d } = civilFromDays(parts.expiryDate);
  if (!Number.isInteger(parts.expiryDate) || y < CENTURY || y >= CENTURY + 100) return refuse('expiry', `${isoDate(parts.expiryDate)} is outside the years an OCC symbol can write (2000-2099)`);
  const thousandths = Math.round(parts.strike * 1000);
  if (!(thousandths > 0) || thousandths > MAX_STRIKE_THOUSANDTHS || Math.abs(thousandths - parts.strike * 1000) > 1e-6) {
    return refuse('strike', `${String(parts.strike)} is not a strike an OCC symbol can write (0.001 to 99999.999, in steps of 0.001)`);
  }
  const two = (n: number): string => String(n).padStart(2, '0');
  return { ok: true, value: `${parts.root}${two(y % 100)}${two(m)}${two(d)}${parts.type === 'call' ? 'C' : 'P'}${String(thousandths).padStart(8, '0')}` };
}

/** The 21-character OSI form: the root padded to 6 with spaces. */
export function padOccSymbol(compact: string): string {
  return `${compact.slice(0, -15).padEnd(6, ' ')}${compact.slice(-15)}`;
}

/** An adjusted root ends in a digit (SPY1, AAPL7): its deliverable is not 100 plain shares. */
export function isAdjustedRoot(root: string): boolean {
  return /\d$/.test(root);
}
