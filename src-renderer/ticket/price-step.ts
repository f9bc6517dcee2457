import { decimalsOf, fromSteps, roundSteps } from '../../shared/trading/decimal-steps';
import { parseNumber } from './ticket-math';

/** A price as a field shows it: the tick's places, no grouping (so it parses back). */
export function priceText(price: number, tickSize: number): string {
  return price.toFixed(Math.max(2, decimalsOf(tickSize)));
}

/**
 * One stepper click: the typed price moved by `ticks` whole ticks, a price
 * off the tick first snapped onto it in the click's direction; an empty or
 * unreadable field starts from `start` (the quote). Null: nothing to step from.
 */
export function stepPrice(text: string, tickSize: number, ticks: number, start: number | null): string | null {
  const typed = parseNumber(text);
  const from = typed !== null && typed > 0 ? typed : start;
  if (from === null) return null;
  const base = roundSteps(from, tickSize, ticks > 0 ? 'down' : 'up');
  const n = typed === null ? roundSteps(from, tickSize, 'half-up') : base + ticks;
  const price = fromSteps(Math.max(1, n), tickSize);
  return priceText(price, tickSize);
}

/** A price snapped to the nearest tick (a dragged line). */
export function snapToTick(price: number, tickSize: number): number {
  return fromSteps(Math.max(1, roundSteps(price, tickSize, 'half-up')), tickSize);
}
