import { z } from 'zod';

/** Bar intervals Tapedeck charts. 1m is stored; the rest are derived from it. */
export const INTERVALS = ['1m', '3m', '5m', '15m', '30m', '1h', '4h', '1d', '1w'] as const;
export type Interval = (typeof INTERVALS)[number];
export const intervalSchema = z.enum(INTERVALS);

/** Intervals a store may hold as a base series (a source that only has hourly or daily bars). */
export const BASE_INTERVALS = ['1m', '1h', '1d'] as const satisfies readonly Interval[];
export type BaseInterval = (typeof BASE_INTERVALS)[number];
export const baseIntervalSchema = z.enum(BASE_INTERVALS);

export const MINUTE_MS = 60_000;
export const HOUR_MS = 60 * MINUTE_MS;
export const DAY_MS = 24 * HOUR_MS;
export const WEEK_MS = 7 * DAY_MS;

/** Nominal length of each interval (a US-equity day bar spans its session, not 24 h). */
export const INTERVAL_MS: Readonly<Record<Interval, number>> = {
  '1m': MINUTE_MS,
  '3m': 3 * MINUTE_MS,
  '5m': 5 * MINUTE_MS,
  '15m': 15 * MINUTE_MS,
  '30m': 30 * MINUTE_MS,
  '1h': HOUR_MS,
  '4h': 4 * HOUR_MS,
  '1d': DAY_MS,
  '1w': WEEK_MS,
};

/** Whether bars of `target` can be built from bars of `base` (target is the same or a multiple). */
export function derivableFrom(base: BaseInterval, target: Interval): boolean {
  const t = INTERVAL_MS[target];
  const b = INTERVAL_MS[base];
  return t >= b && t % b === 0;
}
