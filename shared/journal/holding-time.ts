import { z } from 'zod';
import { HOUR_MS, MINUTE_MS } from '../domain/interval';
import type { RoundTrip } from './round-trips';
import type { ZoneClock } from './zone-clock';

/**
 * Holding-time buckets of a closed trip. A trip closed on a later local date
 * than it opened (in its instrument's zone: New York for US instruments, so
 * a stock held overnight) is multi-day, however short; the rest are bucketed
 * by duration, each bucket holding its lower bound: [0, 1m), [1m, 5m),
 * [5m, 15m), [15m, 60m), [1h, 4h), 4h or more.
 */
export const HOLDING_BUCKETS = ['<1m', '1-5m', '5-15m', '15-60m', '1-4h', '>4h', 'multi-day'] as const;
export const holdingBucketSchema = z.enum(HOLDING_BUCKETS);
export type HoldingBucket = z.infer<typeof holdingBucketSchema>;

const UPPER_BOUNDS: readonly (readonly [number, HoldingBucket])[] = [
  [MINUTE_MS, '<1m'],
  [5 * MINUTE_MS, '1-5m'],
  [15 * MINUTE_MS, '5-15m'],
  [HOUR_MS, '15-60m'],
  [4 * HOUR_MS, '1-4h'],
];

/** The bucket of a closed trip (null for an open one), with `clock` in the trip's zone. */
export function holdingBucketOf(trip: Pick<RoundTrip, 'openedAt' | 'closedAt'>, clock: ZoneClock): HoldingBucket | null {
  if (trip.closedAt === null) return null;
  if (clock.localDays(trip.closedAt) !== clock.localDays(trip.openedAt)) return 'multi-day';
  const held = trip.closedAt - trip.openedAt;
  for (const [bound, bucket] of UPPER_BOUNDS) if (held < bound) return bucket;
  return '>4h';
}
