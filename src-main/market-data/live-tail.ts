import { allocColumns, concatColumns, copyRow, lowerBound, sliceColumns, type BarColumns } from '../../shared/domain/bar-columns';
import { INTERVAL_MS, type Interval } from '../../shared/domain/interval';
import { aggregate } from '../../shared/market/aggregate';
import { bucketOf } from '../../shared/market/bucket';
import type { SeriesRef } from './window-read';

/**
 * Where live bars meet bars read from the truth. A read gives the buckets of
 * the closed truth minutes before `cut` (the series' clock, floored to its
 * minute); the live series holds every minute from `cut` on (the forming one
 * too). The bucket `cut` falls in is the read's bar for it (all closed
 * minutes, so taken as final input) folded with the live minutes; later
 * buckets are the live minutes alone. This costs the live minutes, never a
 * re-read of the bucket's history (a weekly bar is 10,080 minutes).
 */
export interface LiveJoin {
  /** Start of the bucket `cut` falls in. */
  readonly bucketStart: number;
  /** The read's bar for that bucket (truth minutes before cut), or null when it had none. */
  readonly prefix: BarColumns | null;
  readonly cut: number;
}

/** The join point of a read of `interval` bars (its truth buckets) at `cut`. */
export function liveJoin(ref: SeriesRef, interval: Interval, truth: BarColumns, cut: number): LiveJoin {
  const bucketStart = interval === ref.base ? cut : (bucketOf(ref.market, interval, cut)?.start ?? cut);
  const i = lowerBound(truth, bucketStart);
  let prefix: BarColumns | null = null;
  if (interval !== ref.base && truth.time[i] === bucketStart) {
    prefix = allocColumns(1);
    copyRow(prefix, 0, truth, i);
    prefix.final[0] = 1;
  }
  return { bucketStart, prefix, cut };
}

/** The bars of buckets from the join on, from the prefix and `live` (the live minutes from cut on, in time order). */
export function joinLive(ref: SeriesRef, interval: Interval, join: LiveJoin, live: BarColumns, asOf: number): BarColumns {
  if (interval === ref.base) return live;
  const input = join.prefix === null ? live : concatColumns([join.prefix, live]);
  return aggregate(ref.market, interval, input, { baseMs: INTERVAL_MS[ref.base], asOf });
}

/** A read's bars with the buckets from the join on replaced by their live version (window [from, to) kept). */
export function withLiveBars(ref: SeriesRef, interval: Interval, truth: BarColumns, join: LiveJoin, live: BarColumns, from: number, to: number, asOf: number): BarColumns {
  if (live.length === 0) return truth;
  const tail = joinLive(ref, interval, join, live, asOf);
  const head = sliceColumns(truth, 0, lowerBound(truth, join.bucketStart));
  const inWindow = sliceColumns(tail, lowerBound(tail, Math.max(from, join.bucketStart)), lowerBound(tail, to));
  return concatColumns([head, inWindow]);
}
