import { ContractFailure, type BarsQuery, type Coverage } from '../../shared/contract';
import { EMPTY_COLUMNS, lowerBound, sliceColumns, type BarColumns } from '../../shared/domain/bar-columns';
import { DAY_MS, INTERVAL_MS, MINUTE_MS, WEEK_MS, type BaseInterval, type Interval } from '../../shared/domain/interval';
import { aggregate } from '../../shared/market/aggregate';
import { bucketOf } from '../../shared/market/bucket';
import type { MarketKind } from '../../shared/market/market-kind';
import type { Clock } from '../app/clock';
import type { BarMerger } from '../market/bar-merger';
import type { BarStore, BarVoids } from '../store';
import { overlay } from './column-overlay';
import { coverageOf, type LoadFailure } from './coverage-report';
import type { FeedRegistry } from './feed-registry';
import type { HistoryFiller } from './history-filler';
import { SeriesStarts } from './series-starts';

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
}

/**
 * Base slots a "newest N bars" read may cover (about half a year of 1m
 * bars of a 24/7 market): a 1D or 1W chart opens with what this holds, and
 * pages back for more (`older`), instead of one click generating or
 * downloading a decade of minutes.
 */
export const LATEST_BASE_SLOTS = 250_000;

/** Wall time per base slot, roughly (sessions make equities sparser). */
function density(market: MarketKind): number {
  return market === 'us-equity' ? ((24 / 6.5) * 7) / 5 : market === 'fx' ? 7 / 5 : 1;
}

/**
 * Answers bar reads, complete for every range: base bars (1m, or the
 * series' base) from the store, topped up from the venue where the store has
 * empty slots (HistoryFiller), or generated (the sim) or held (a replay);
 * overlaid with the live merger's newer bars; aggregated to the requested
 * interval by the one aggregation function. Every reply says how complete it
 * is (coverage): what a complete series has in the window, what is present,
 * and why anything is missing. Nothing depends on what was read before.
 */
export class BarService {
  private readonly starts: SeriesStarts;

  constructor(
    private readonly store: BarStore,
    private readonly voids: BarVoids,
    private readonly feeds: FeedRegistry,
    private readonly clock: Clock,
    private readonly liveMerger: (source: string, symbol: string) => BarMerger | undefined,
    private readonly filler: HistoryFiller,
  ) {
    this.starts = new SeriesStarts(store, voids, feeds, clock);
  }

  /** Resolves (source, symbol) or fails with NOT_FOUND naming the field. */
  resolve(source: string, symbol: string, interval: Interval): SeriesRef {
    const instrument = this.feeds.instrument(source, symbol);
    if (instrument !== undefined) return this.checked({ source, symbol, base: instrument.baseInterval, market: instrument.market }, interval);
    if (this.feeds.get(source) !== undefined) throw new ContractFailure('NOT_FOUND', `feed "${source}" has no symbol "${symbol}"`, 'params.symbol');
    if (!this.store.hasSource(source)) throw new ContractFailure('NOT_FOUND', `unknown source "${source}": no feed and no stored bars`, 'params.source');
    for (const base of ['1m', '1h', '1d'] as const) {
      const market = this.store.market({ source, symbol, interval: base });
      if (market !== null) return this.checked({ source, symbol, base, market }, interval);
    }
    throw new ContractFailure('NOT_FOUND', `no bars stored for ${source}:${symbol}`, 'params.symbol');
  }

  /** Bars for a contract query; the series is resolved (and refused) before anything else happens. */
  async get(query: BarsQuery): Promise<BarsRead> {
    const ref = this.resolve(query.source, query.symbol, query.interval);
    const now = this.nowFor(ref.source);
    const to = Math.min(query.to ?? now + INTERVAL_MS[query.interval], now + WEEK_MS);
    const start = await this.starts.of(ref);
    if (query.from !== undefined) {
      const failures = await this.complete(ref, query.from, to, start);
      return this.answer(ref, query.interval, query.from, to, query.limit, start, failures);
    }
    // Newest `limit` bars: widen the window until it holds enough, reaches the source's start or the slot budget.
    const slotMs = INTERVAL_MS[ref.base] * density(ref.market);
    const cap = Math.max(INTERVAL_MS[query.interval], LATEST_BASE_SLOTS * slotMs);
    // A tenth more than the bars asked for, and a long weekend for markets that close (the loop widens if that falls short).
    const closedDays = ref.market === 'crypto' ? 0 : 4 * DAY_MS;
    let span = Math.min(cap, Math.ceil(query.limit * INTERVAL_MS[query.interval] * density(ref.market) * 1.1) + closedDays);
    // The source's first bar opens its first bucket, which may start earlier (a replay from 12:07 has a 12:05 5m bar).
    const first = start === null ? null : (bucketOf(ref.market, query.interval, start)?.start ?? start);
    for (;;) {
      const from = first === null ? to - span : Math.max(first, to - span);
      const failures = await this.complete(ref, from, to, start);
      const read = this.answer(ref, query.interval, from, to, query.limit, start, failures);
      const exhausted = first !== null && from <= first;
      if (read.bars.length >= query.limit || exhausted || span >= cap || failures.length > 0 || (start === null && read.bars.length === 0 && span > 8 * WEEK_MS)) {
        return read;
      }
      span = Math.min(cap, span * 2);
    }
  }

  /**
   * Completes the base bars of (source, symbol) in [from, to) before something
   * reads them straight from the store (a replay's start); returns what could
   * not be loaded. Refuses an unknown series as `get` does.
   */
  async prepare(source: string, symbol: string, from: number, to: number): Promise<LoadFailure[]> {
    // 1d is derivable from every base, so this resolves any series without judging an interval.
    const ref = this.resolve(source, symbol, '1d');
    return this.complete(ref, from, to, await this.starts.of(ref));
  }

  /** Base bars in [from, to) as held now: the store, the sim's generator or a replay's past, overlaid with live bars. */
  baseBars(ref: SeriesRef, from: number, to: number): BarColumns {
    const feed = this.feeds.get(ref.source);
    const held =
      feed !== undefined && !feed.persist
        ? (feed.historySync?.(ref.symbol, from, to) ?? EMPTY_COLUMNS)
        : this.store.range({ source: ref.source, symbol: ref.symbol, interval: ref.base }, from, to);
    const merger = this.liveMerger(ref.source, ref.symbol);
    return merger === undefined ? held : overlay(held, merger.between(from, to));
  }

  /** "Now" for a series: its feed's own clock (a replay's cursor) or the wall clock. */
  nowFor(source: string): number {
    return this.feeds.get(source)?.now?.() ?? this.clock.now();
  }

  /** Makes the store hold every bar a venue has in [from, to); returns what could not be loaded. */
  private async complete(ref: SeriesRef, from: number, to: number, start: number | null): Promise<LoadFailure[]> {
    const feed = this.feeds.get(ref.source);
    if (feed === undefined || !feed.persist || ref.base !== '1m') return [];
    return this.filler.ensure({ feed, key: { source: ref.source, symbol: ref.symbol, interval: '1m' }, market: ref.market, start }, from, to);
  }

  private answer(ref: SeriesRef, interval: Interval, from: number, to: number, limit: number, start: number | null, failures: readonly LoadFailure[]): BarsRead {
    const base = this.baseBars(ref, from, to);
    let bars = base;
    if (interval !== ref.base) {
      // Only bars before `to` were read: a bucket cut by `to` is partial, however late it is now.
      const asOf = Math.min(this.nowFor(ref.source), to);
      const all = aggregate(ref.market, interval, base, { baseMs: INTERVAL_MS[ref.base], asOf });
      bars = sliceColumns(all, lowerBound(all, from), lowerBound(all, to));
    }
    const truncated = bars.length > limit;
    if (truncated) bars = sliceColumns(bars, bars.length - limit, bars.length);
    const first = bars.length > 0 ? (bars.time[0] ?? from) : to;
    const windowFrom = truncated ? first : from;
    const older = start !== null && first <= start ? null : start === null && bars.length === 0 ? null : first;
    return { market: ref.market, bars, truncated, older, coverage: this.coverage(ref, interval, windowFrom, to, base, bars, start, failures) };
  }

  private coverage(ref: SeriesRef, interval: Interval, from: number, to: number, base: BarColumns, bars: BarColumns, start: number | null, failures: readonly LoadFailure[]): Coverage {
    const clock = this.nowFor(ref.source);
    // Only closed base slots are judged: the one forming now is not missing.
    const until = Math.max(from, Math.min(to, clock - (clock % MINUTE_MS)));
    const key = { source: ref.source, symbol: ref.symbol, interval: ref.base };
    const feed = this.feeds.get(ref.source);
    const baseIn = sliceColumns(base, lowerBound(base, from), lowerBound(base, until));
    const present = lowerBound(bars, until) - lowerBound(bars, from);
    return coverageOf({
      market: ref.market,
      base: ref.base,
      interval,
      from,
      to: until,
      baseTimes: baseIn.time,
      present,
      start,
      end: feed === undefined ? (this.store.bounds(key)?.last ?? null) : null,
      voids: feed !== undefined && !feed.persist ? [] : this.voids.list(key, from, until),
      failures,
    });
  }

  private checked(ref: SeriesRef, interval: Interval): SeriesRef {
    const t = INTERVAL_MS[interval];
    const b = INTERVAL_MS[ref.base];
    if (t < b || t % b !== 0) {
      throw new ContractFailure('BAD_REQUEST', `${ref.source}:${ref.symbol} is stored as ${ref.base} bars; ${interval} cannot be built from them`, 'params.interval');
    }
    return ref;
  }
}
