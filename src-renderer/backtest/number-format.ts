/** Number formatting for backtest tables: grouped digits, a true minus sign, "—" for unknown. */

export const DASH = '—';
const MINUS = '\u2212';

function group(integerDigits: string): string {
  return integerDigits.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
}

/** The magnitude of `value` to `decimals` places with thousands grouped, and whether it rounds to zero. */
function magnitude(value: number, decimals: number): { readonly text: string; readonly zero: boolean } {
  const fixed = Math.abs(value).toFixed(decimals);
  const [int = '0', frac] = fixed.split('.');
  return { text: frac === undefined ? group(int) : `${group(int)}.${frac}`, zero: Number(fixed) === 0 };
}

/** "1,234.57", "−0.50", "0.00"; "—" for null, NaN or ±Infinity. */
export function formatNumber(value: number | null, decimals: number): string {
  if (value === null || !Number.isFinite(value)) return DASH;
  const { text, zero } = magnitude(value, decimals);
  return value < 0 && !zero ? `${MINUS}${text}` : text;
}

/** With an explicit sign: "+1,234.57", "−0.50", "0.00" (a value that rounds to zero has no sign). */
export function formatSigned(value: number | null, decimals: number): string {
  if (value === null || !Number.isFinite(value)) return DASH;
  const { text, zero } = magnitude(value, decimals);
  if (zero) return text;
  return value > 0 ? `+${text}` : `${MINUS}${text}`;
}

/** A quantity as whole units ("1,500") or with up to 6 decimals, trailing zeros dropped ("0.0125"). */
export function formatSize(size: number): string {
  if (!Number.isFinite(size)) return DASH;
  if (Number.isInteger(size)) return formatNumber(size, 0);
  const text = formatNumber(size, 6);
  return text.includes('.') ? text.replace(/0+$/, '').replace(/\.$/, '') : text;
}

/** An instant as "YYYY-MM-DD HH:MM" UTC, for dense tables. */
export function formatShortUtc(epochMs: number | null): string {
  if (epochMs === null || !Number.isFinite(epochMs)) return DASH;
  return new Date(epochMs).toISOString().slice(0, 16).replace('T', ' ');
}
