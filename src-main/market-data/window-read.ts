import type { Coverage } from '../../shared/contract';
import { lowerBound, sliceColumns, type BarColumns } from '../../shared/domain/bar-columns';
import { INTERVAL_MS, MINUTE_MS, type BaseInterval, type Interval } from '../../shared/domain/interval';
import { aggregate } from '../../shared/market/aggregate';
import type { MarketKind } from '../../shared/market/market-kind';
import type { BarVoid } from '../platform/store';
import { coverageOf, type LoadFailure } from './coverage-report';
import type { LiveJoin } from './live-tail';

/** A resolved series: where its base bars live and how its market aligns. */
export interface SeriesRef {
  readonly source: string;
  readonly symbol: string;
  readonly base: BaseInterval;
  readonly market: MarketKind;
}

/** One answered read: the bars, whether more matched than asked, the paging cursor and the coverage. */
export interface BarsRead {
  readonly market: MarketKind;
  readonly bars: BarColumns;
  readonly truncated: boolean;
  /** Pass as `to` for the bars before these; null when the source has nothing older. */
  readonly older: number | null;
  readonly coverage: Coverage;
  /** The truth was read up to here (the series' clock floored to its minute, or `to`): live bars join from it. */
  readonly cut: number;
  /** Where the live series joined the read (set by the service), for streams that carry it on. */
  readonly join?: LiveJoin;
}

/** Everything a window read needs besides the base bars themselves: plain data, so a worker thread can do it. */
export interface WindowRequest {
  readonly ref: SeriesRef;
  readonly interval: Interval;
  readonly from: number;
  readonly to: number;
  readonly limit: number;
  /** The source's first bar, when known. */
  readonly start: number | null;
  /** An import's last bar (null for sources with a feed). */
  readonly end: number | null;
  readonly voids: readonly BarVoid[];
  readonly failures: readonly LoadFailure[];
  /** The series' clock (a replay's cursor, or now): only closed base slots before it are judged. */
  readonly clock: number;
}

/** Base bars of the series in [from, to): the store, a generator or a replay, maybe overlaid with live bars. */
export type BaseBars = (from: number, to: number) => BarColumns;

/**
 * The one window read: base bars of [from, to), aggregated to the interval by
 * the one aggregation function (a bucket cut by `to` is partial), the newest
 * `limit` of them with a paging cursor, and the coverage of the window. Pure
 * given `base`, so the main thread and the worker pool give the same answer.
 */
export function readWindow(base: BaseBars, req: WindowRequest): BarsRead {
  const { ref, interval, from, to, limit, start } = req;
  const baseCols = base(from, to);
  let bars = baseCols;
  if (interval !== ref.base) {
    const asOf = Math.min(req.clock, to);
    const all = aggregate(ref.market, interval, baseCols, { baseMs: INTERVAL_MS[ref.base], asOf });
    bars = sliceColumns(all, lowerBound(all, from), lowerBound(all, to));
  }
  const truncated = bars.length > limit;
  if (truncated) bars = sliceColumns(bars, bars.length - limit, bars.length);
  const first = bars.length > 0 ? (bars.time[0] ?? from) : to;
  const windowFrom = truncated ? first : from;
  const older = start !== null && first <= start ? null : start === null && bars.length === 0 ? null : first;
  // Only closed base slots are judged: the one forming now is not missing.
  const cut = Math.min(to, req.clock - (req.clock % MINUTE_MS));
  const until = Math.max(windowFrom, cut);
  const baseIn = sliceColumns(baseCols, lowerBound(baseCols, windowFrom), lowerBound(baseCols, until));
  const coverage = coverageOf({
    market: ref.market,
    base: ref.base,
    interval,
    from: windowFrom,
    to: until,
    baseTimes: baseIn.time,
    present: lowerBound(bars, until) - lowerBound(bars, windowFrom),
    start,
    end: req.end,
    voids: req.voids,
    failures: req.failures,
  });
  return { market: ref.market, bars, truncated, older, coverage, cut };
}
