import { z } from 'zod';
import type { RoundTrip } from './round-trips';

/**
 * How a trip ended, by its net P&L (after fees): a win above zero, a loss
 * below, breakeven at exactly zero (amounts are cleaned of binary noise, so
 * a scratch trade is an exact 0); a trip still held is open.
 */
export const TRIP_OUTCOMES = ['win', 'loss', 'breakeven', 'open'] as const;
export const tripOutcomeSchema = z.enum(TRIP_OUTCOMES);
export type TripOutcome = z.infer<typeof tripOutcomeSchema>;

export function outcomeOf(trip: Pick<RoundTrip, 'open' | 'netPnl'>): TripOutcome {
  if (trip.open) return 'open';
  if (trip.netPnl > 0) return 'win';
  if (trip.netPnl < 0) return 'loss';
  return 'breakeven';
}

/** Close order, ties by id: the order of streaks, the equity curve and the calendar. */
export function compareByClose(a: RoundTrip, b: RoundTrip): number {
  const ta = a.closedAt ?? Number.POSITIVE_INFINITY;
  const tb = b.closedAt ?? Number.POSITIVE_INFINITY;
  if (ta !== tb) return ta - tb;
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}

/** The closed trips in close order (a new array; the input is left as it was). */
export function closedInCloseOrder(trips: readonly RoundTrip[]): RoundTrip[] {
  return trips.filter((t) => !t.open).sort(compareByClose);
}
