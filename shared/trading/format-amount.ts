import { decimalsOf, isOnStep } from './decimal-steps';

/**
 * Numbers as the messages on the ticket print them: thousands grouped with
 * ",", a leading "-" for negatives, a fixed number of places. Written by hand
 * (not Intl) so a message reads the same on every machine.
 */
export function formatAmount(x: number, decimals = 2): string {
  const fixed = Math.abs(x).toFixed(decimals);
  const dot = fixed.indexOf('.');
  const whole = dot < 0 ? fixed : fixed.slice(0, dot);
  const frac = dot < 0 ? '' : fixed.slice(dot);
  const grouped = whole.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  const negative = x < 0 && Number(fixed) !== 0;
  return `${negative ? '-' : ''}${grouped}${frac}`;
}

/** A limit as the user set it: whole numbers without places (100,000), else two (2,500.50). */
export function formatLimit(x: number): string {
  return formatAmount(x, Number.isInteger(x) ? 0 : Math.max(2, decimalsOf(x)));
}

/**
 * A price with its tick's places (at least two): 2.05 on a 0.01 tick,
 * 0.12345678 on a 1e-8 tick, 5,200.25 on 0.25; a price off its tick keeps
 * its own places (100.005), up to 12.
 */
export function formatPrice(x: number, tickSize: number): string {
  const places = Math.max(2, decimalsOf(tickSize));
  return formatAmount(x, isOnStep(x, tickSize) ? places : Math.min(12, Math.max(places, decimalsOf(x))));
}

/** A quantity with as many places as it has (0.015, 100). */
export function formatQty(x: number): string {
  return formatAmount(x, Math.min(decimalsOf(x), 12));
}
