import { clean12 } from './clean-number';
import { closedInCloseOrder } from './outcome';
import type { RoundTrip } from './round-trips';

/** One step of the journal's equity curve: a trip's close and the cumulative net after it. */
export interface EquityPoint {
  readonly time: number;
  readonly tripId: string;
  readonly net: number;
  /** Σ net of the trips closed up to and including this one (from 0). */
  readonly equity: number;
}

/**
 * Cumulative net P&L by close time (ties by trip id), one point per closed
 * trip; the sum is cleaned at every step so it does not drift over
 * thousands of trips. Starting capital is the caller's to add.
 */
export function equityCurve(trips: readonly RoundTrip[]): EquityPoint[] {
  let equity = 0;
  return closedInCloseOrder(trips).map((t) => {
    equity = clean12(equity + t.netPnl);
    return { time: t.closedAt ?? t.openedAt, tripId: t.id, net: t.netPnl, equity };
  });
}
