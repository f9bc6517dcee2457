import { MINUTE_MS } from '../domain/interval';
import { clean12 } from './clean-number';
import type { RoundTrip } from './round-trips';

/**
 * Maximum favourable and adverse excursion (MFE/MAE) of a trip from 1m bars:
 * how far price went for and against the trip's average entry while it was
 * held. Bars are taken when their minute overlaps the trip, [openedAt,
 * closedAt] (or [openedAt, until] for an open trip); the entry and exit bars
 * count whole, so at 1m resolution an excursion can include up to a minute of
 * prices from before the entry or after the exit. Excursions are distances,
 * zero or more: a trip that never went against its entry has an MAE of 0. In
 * money, a distance is × maxQty × multiplier (the peak size: what the trip
 * could have gained or lost at its largest), and in R ÷ the trip's risk.
 */

export interface ExcursionBar {
  /** Open time of the bar, epoch ms. */
  readonly time: number;
  readonly high: number;
  readonly low: number;
}

export interface Excursions {
  /** Favourable price distance from the average entry (≥ 0). */
  readonly mfePrice: number;
  /** Adverse price distance (≥ 0). */
  readonly maePrice: number;
  /** In money at the trip's peak size. */
  readonly mfe: number;
  readonly mae: number;
  /** In R when the trip has a risk, else null. */
  readonly mfeR: number | null;
  readonly maeR: number | null;
  /** Open times of the bars holding the best and worst prices (first such bar). */
  readonly mfeAt: number;
  readonly maeAt: number;
  /** How many bars overlapped the trip. */
  readonly bars: number;
}

type ExcursionTrip = Pick<RoundTrip, 'side' | 'avgEntry' | 'openedAt' | 'closedAt' | 'maxQty' | 'multiplier' | 'risk'>;

/**
 * MFE/MAE of `trip` over `bars` (any order; `barMs` long, 1 minute by
 * default). `until` ends an open trip's window (e.g. now); null when no bar
 * overlaps the trip.
 */
export function excursions(trip: ExcursionTrip, bars: readonly ExcursionBar[], until?: number, barMs = MINUTE_MS): Excursions | null {
  const end = trip.closedAt ?? until ?? Number.POSITIVE_INFINITY;
  let high = Number.NEGATIVE_INFINITY;
  let low = Number.POSITIVE_INFINITY;
  let highAt = 0;
  let lowAt = 0;
  let count = 0;
  for (const bar of bars) {
    if (bar.time + barMs <= trip.openedAt || bar.time > end) continue;
    count++;
    if (bar.high > high || (bar.high === high && bar.time < highAt)) {
      high = bar.high;
      highAt = bar.time;
    }
    if (bar.low < low || (bar.low === low && bar.time < lowAt)) {
      low = bar.low;
      lowAt = bar.time;
    }
  }
  if (count === 0) return null;
  const long = trip.side === 'long';
  const mfePrice = Math.max(0, clean12(long ? high - trip.avgEntry : trip.avgEntry - low));
  const maePrice = Math.max(0, clean12(long ? trip.avgEntry - low : high - trip.avgEntry));
  const scale = trip.maxQty * trip.multiplier;
  const mfe = clean12(mfePrice * scale);
  const mae = clean12(maePrice * scale);
  return {
    mfePrice,
    maePrice,
    mfe,
    mae,
    mfeR: trip.risk === null ? null : clean12(mfe / trip.risk),
    maeR: trip.risk === null ? null : clean12(mae / trip.risk),
    mfeAt: long ? highAt : lowAt,
    maeAt: long ? lowAt : highAt,
    bars: count,
  };
}
