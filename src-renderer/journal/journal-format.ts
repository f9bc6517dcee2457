import { zoneClock } from '../../shared/journal/zone-clock';
import { isoDate } from '../../shared/market/civil-date';
import { formatNumber, formatSigned, formatSize } from '../backtest/number-format';

/** The places money is shown with: cents for USD, more for crypto quote currencies. */
export function moneyPlaces(currency: string): number {
  return currency === 'USD' ? 2 : 4;
}

/** "+73.00", "−18.00" in the account's currency. */
export function formatPnl(value: number, currency: string): string {
  return formatSigned(value, moneyPlaces(currency));
}

/** An R multiple, "+1.25R", or "—". */
export function formatR(r: number | null): string {
  return r === null ? '—' : `${formatSigned(r, 2)}R`;
}

/** A price as computed (up to 8 places, trailing zeros dropped), or "—". */
export function formatPrice(price: number | null): string {
  if (price === null) return '—';
  const text = formatNumber(price, 8);
  return text.includes('.') ? text.replace(/0+$/, '').replace(/\.$/, '') : text;
}

export { formatSize };

/** The short name of a zone for labels: "ET" for New York, else the zone itself. */
export function zoneLabel(zone: string): string {
  return zone === 'America/New_York' ? 'ET' : zone;
}

/** An instant as "YYYY-MM-DD HH:MM" on the wall clock of `zone`. */
export function formatInZone(t: number, zone: string): string {
  const local = zoneClock(zone).local(t);
  const hh = String(local.hour).padStart(2, '0');
  const mm = String(local.minuteOfDay % 60).padStart(2, '0');
  return `${isoDate(local.days)} ${hh}:${mm}`;
}

/** A profit factor as it travels ("Infinity" with no loser). */
export function formatFactor(pf: number | 'Infinity' | null): string {
  if (pf === 'Infinity') return '∞';
  return formatNumber(pf, 2);
}

/** A percentage with one decimal, "62.5%", or "—". */
export function formatPct(pct: number | null): string {
  return pct === null ? '—' : `${formatNumber(pct, 1)}%`;
}

export const WEEKDAY_NAMES = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'] as const;
