import { HOLDING_BUCKETS, holdingBucketOf, type HoldingBucket } from './holding-time';
import { closedInCloseOrder } from './outcome';
import type { RoundTrip } from './round-trips';
import { tradeStats, type TradeStats } from './trade-stats';
import { zoneClock } from './zone-clock';

/**
 * Breakdowns of the closed trips' statistics (trade-stats.ts) by a key: a
 * setup, tag or strategy the caller names (a trip with several tags counts in
 * each), the hour of day and the weekday of entry in the instrument's own
 * zone (New York for US instruments, UTC for crypto: the caller's `zoneOf`),
 * and the holding time.
 */

export interface GroupStats<K> {
  readonly key: K;
  readonly stats: TradeStats;
}

/** The IANA zone of a trip's instrument (e.g. America/New_York for AAPL and its options, UTC for BTCUSDT). */
export type ZoneOf = (trip: RoundTrip) => string;

/** Closed trips grouped by `keysOf` (a trip in each of its distinct keys; none: in no group), groups sorted by key. */
export function statsByKey(trips: readonly RoundTrip[], keysOf: (trip: RoundTrip) => readonly string[]): GroupStats<string>[] {
  const groups = new Map<string, RoundTrip[]>();
  for (const t of closedInCloseOrder(trips)) {
    for (const key of new Set(keysOf(t))) {
      const list = groups.get(key);
      if (list === undefined) groups.set(key, [t]);
      else list.push(t);
    }
  }
  return [...groups.keys()].sort().map((key) => ({ key, stats: tradeStats(groups.get(key) ?? []) }));
}

function fixedBuckets<K>(trips: readonly RoundTrip[], keys: readonly K[], keyOf: (trip: RoundTrip) => K | null): GroupStats<K>[] {
  const lists = new Map<K, RoundTrip[]>(keys.map((k) => [k, []]));
  for (const t of closedInCloseOrder(trips)) {
    const key = keyOf(t);
    if (key !== null) lists.get(key)?.push(t);
  }
  return keys.map((key) => ({ key, stats: tradeStats(lists.get(key) ?? []) }));
}

const HOURS = Array.from({ length: 24 }, (_, h) => h);
const WEEKDAYS = [0, 1, 2, 3, 4, 5, 6];

/** All 24 hours (0-23) of entry, local to each trip's zone; empty hours have zero trades. */
export function statsByHour(trips: readonly RoundTrip[], zoneOf: ZoneOf): GroupStats<number>[] {
  return fixedBuckets(trips, HOURS, (t) => zoneClock(zoneOf(t)).local(t.openedAt).hour);
}

/** All 7 weekdays of entry (0 = Sunday … 6 = Saturday), local to each trip's zone. */
export function statsByWeekday(trips: readonly RoundTrip[], zoneOf: ZoneOf): GroupStats<number>[] {
  return fixedBuckets(trips, WEEKDAYS, (t) => zoneClock(zoneOf(t)).local(t.openedAt).weekday);
}

/** All holding-time buckets in order (holding-time.ts). */
export function statsByHoldingTime(trips: readonly RoundTrip[], zoneOf: ZoneOf): GroupStats<HoldingBucket>[] {
  return fixedBuckets(trips, HOLDING_BUCKETS, (t) => holdingBucketOf(t, zoneClock(zoneOf(t))));
}
