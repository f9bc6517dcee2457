import { isoDate } from '../../shared/market/civil-date';
import { nyLocal } from '../../shared/market/new-york-time';
import type { OccParts } from '../../shared/options/occ-symbol';

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** A premium or a price in dollars: two places (premiums are quoted in cents). */
export function premiumText(x: number | null): string {
  return x === null ? '—' : x.toFixed(2);
}

/** An implied volatility as a percentage, one place ("16.5%"). */
export function ivText(iv: number | null): string {
  return iv === null ? '—' : `${(iv * 100).toFixed(1)}%`;
}

/** A delta, two places with its sign ("0.52", "-0.43"). */
export function deltaText(delta: number | null): string {
  return delta === null ? '—' : delta.toFixed(2);
}

/** A strike as listed (665, 667.5). */
export function strikeText(strike: number): string {
  return String(strike);
}

/** "Mar 20" of a YYYY-MM-DD expiration. */
export function expiryLabel(expiry: string): string {
  const [, m, d] = expiry.split('-').map(Number);
  return `${MONTHS[(m ?? 1) - 1] ?? ''} ${String(d ?? '')}`;
}

/** "SPY Mar 20 665 C" for an OCC symbol's parts. */
export function contractLabel(parts: OccParts): string {
  return `${parts.root} ${expiryLabel(isoDate(parts.expiryDate))} ${strikeText(parts.strike)} ${parts.type === 'call' ? 'C' : 'P'}`;
}

/** Calendar days from the New York date of `time` to an expiry date (days since 1970-01-01), never below 0. */
export function daysTo(expiryDate: number, time: number): number {
  return Math.max(expiryDate - nyLocal(time).days, 0);
}
