import { ContractFailure, type BarsQuery } from '../../shared/contract';
import { EMPTY_COLUMNS, sliceColumns, type BarColumns } from '../../shared/domain/bar-columns';
import { DAY_MS, INTERVAL_MS, WEEK_MS, type Interval } from '../../shared/domain/interval';
import { bucketOf } from '../../shared/market/bucket';
import type { MarketKind } from '../../shared/market/market-kind';
import type { Clock } from '../platform/app/clock';
import { eventLoopTurn } from '../platform/app/event-loop-turn';
import type { BarMerger } from './engine/bar-merger';
import type { BarStore, BarVoids } from '../platform/store';
import type { JobPool } from '../platform/workers/job-pool';
import { JobCancelled, type TruthSource } from '../platform/workers/jobs';
import { overlay } from './column-overlay';
import type { LoadFailure } from './coverage-report';
import type { FeedRegistry } from './feed-registry';
import type { HistoryFiller } from './history-filler';
import { liveJoin, withLiveBars } from './live-tail';
import { SeriesStarts } from './series-starts';
import { readWindow, type BarsRead, type SeriesRef, type WindowRequest } from './window-read';

export type { BarsRead, SeriesRef } from './window-read';

/**
 * Reads of at most this many base slots are answered on the event loop
 * (under ~5 ms even when the sim has to generate them); larger ones go to the
 * worker pool.
 */
export const INLINE_BASE_SLOTS = 4_000;
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
    private readonly pool: JobPool,
    /** The database file, for a worker's own read-only connection. */
    private readonly dbFile: string,
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

  /**
   * Bars for a contract query; the series is resolved (and refused) before
   * anything else happens. `signal` cancels the work when the requester goes
   * away (a worker job is stopped, a queued one never runs).
   */
  async get(query: BarsQuery, signal?: AbortSignal): Promise<BarsRead> {
    const ref = this.resolve(query.source, query.symbol, query.interval);
    const now = this.nowFor(ref.source);
    const to = Math.min(query.to ?? now + INTERVAL_MS[query.interval], now + WEEK_MS);
    const start = await this.starts.of(ref);
    if (query.from !== undefined) {
      const failures = await this.complete(ref, query.from, to, start);
      return this.answer(this.window(ref, query.interval, query.from, to, query.limit, start, failures), signal);
    }
    // Newest `limit` bars: widen the window until it holds enough, reaches the source's start or the slot budget.
    const slotMs = INTERVAL_MS[ref.base] * density(ref.market);
    // Whole milliseconds: an equity's slot is a fraction of a minute of wall time, and every bound must be an instant.
    const cap = Math.max(INTERVAL_MS[query.interval], Math.ceil(LATEST_BASE_SLOTS * slotMs));
    // A tenth more than the bars asked for, and a long weekend for markets that close (the loop widens if that falls short).
    const closedDays = ref.market === 'crypto' ? 0 : 4 * DAY_MS;
    let span = Math.min(cap, Math.ceil(query.limit * INTERVAL_MS[query.interval] * density(ref.market) * 1.1) + closedDays);
    // The source's first bar opens its first bucket, which may start earlier (a replay from 12:07 has a 12:05 5m bar).
    const first = start === null ? null : (bucketOf(ref.market, query.interval, start)?.start ?? start);
    for (;;) {
      const from = first === null ? to - span : Math.max(first, to - span);
      const failures = await this.complete(ref, from, to, start);
      const read = await this.answer(this.window(ref, query.interval, from, to, query.limit, start, failures), signal);
      const exhausted = first !== null && from <= first;
      if (read.bars.length >= query.limit || exhausted || span >= cap || failures.length > 0 || (start === null && read.bars.length === 0 && span > 8 * WEEK_MS)) {
        return read;
      }
      span = Math.min(cap, span * 2);
    }
  }

  /**
   * For a run over [from, to) in a worker (a backtest, a gym session, an
   * overlay): completes the range from its venue, then gathers what the worker
   * needs to read it. A replay cannot be read elsewhere: BAD_REQUEST on source.
   */
  async runWindow(q: { readonly source: string; readonly symbol: string; readonly interval: Interval; readonly from: number; readonly to: number }, limit: number): Promise<{ truth: TruthSource; window: WindowRequest }> {
    const ref = this.resolve(q.source, q.symbol, q.interval);
    const truth = this.truthOf(ref);
    if (truth === null) throw new ContractFailure('BAD_REQUEST', `runs read a stored or simulated series, not the live "${q.source}" feed`, 'params.source');
    const start = await this.starts.of(ref);
    const failures = await this.complete(ref, q.from, q.to, start);
    return { truth, window: this.window(ref, q.interval, q.from, q.to, limit, start, failures) };
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

  /** Base bars in [from, to) as held now: the truth overlaid with live bars. */
  baseBars(ref: SeriesRef, from: number, to: number): BarColumns {
    const held = this.truthBars(ref, from, to);
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

  /** What a window read needs, gathered on this thread (voids and an import's end come from the store). */
  window(ref: SeriesRef, interval: Interval, from: number, to: number, limit: number, start: number | null, failures: readonly LoadFailure[]): WindowRequest {
    const key = { source: ref.source, symbol: ref.symbol, interval: ref.base };
    const feed = this.feeds.get(ref.source);
    const clock = this.nowFor(ref.source);
    return {
      ref,
      interval,
      from,
      to,
      limit,
      start,
      end: feed === undefined ? (this.store.bounds(key)?.last ?? null) : null,
      voids: feed !== undefined && !feed.persist ? [] : this.voids.list(key, from, Math.min(to, clock)),
      failures,
      clock,
    };
  }

  /** Where a worker finds this series' base bars, or null when only this thread has them (a replay). */
  truthOf(ref: SeriesRef): TruthSource | null {
    const feed = this.feeds.get(ref.source);
    if (feed === undefined || feed.persist) return { kind: 'store', file: this.dbFile };
    return feed.generator ?? null;
  }

  /**
   * Answers a window: small ones on this thread, large ones in the worker
   * pool (generation, store reads and aggregation off the event loop), both
   * from the truth alone; then the live series' minutes from the read's cut
   * on are joined in (live-tail.ts), so the forming bar is there.
   */
  private async answer(w: WindowRequest, signal?: AbortSignal): Promise<BarsRead> {
    const truth = this.truthOf(w.ref);
    const slots = (w.to - w.from) / INTERVAL_MS[w.ref.base] / density(w.ref.market);
    let read: BarsRead;
    if (truth === null || slots <= INLINE_BASE_SLOTS) {
      // Generated history a session per turn, then the read in a turn of its own: many small reads started
      // together run as short tasks with other clients' I/O in between, never as one long task.
      await this.feeds.get(w.ref.source)?.prepareHistory?.(w.ref.symbol, w.from, w.to);
      await eventLoopTurn();
      if (signal?.aborted === true) throw new JobCancelled();
      read = readWindow((a, b) => this.truthBars(w.ref, a, b), w);
    } else {
      read = await this.pool.run({ kind: 'read', truth, window: w }, signal === undefined ? {} : { signal });
    }
    return this.withLive(read, w);
  }

  private withLive(read: BarsRead, w: WindowRequest): BarsRead {
    const join = liveJoin(w.ref, w.interval, read.bars, read.cut);
    const merger = this.liveMerger(w.ref.source, w.ref.symbol);
    const live = merger?.between(read.cut, w.to);
    if (live === undefined || live.length === 0) return { ...read, join };
    const bars = withLiveBars(w.ref, w.interval, read.bars, join, live, w.from, w.to, Math.min(w.clock, w.to));
    if (bars.length <= w.limit) return { ...read, bars, join };
    // The live bars pushed the oldest out: the paging cursor moves to the first bar kept, so paging back misses none.
    const kept = sliceColumns(bars, bars.length - w.limit, bars.length);
    return { ...read, bars: kept, truncated: true, older: kept.time[0] ?? read.older, join };
  }

  /** Base bars in [from, to) of the truth alone: the store, the sim's generator or a replay's past (closed minutes only). */
  truthBars(ref: SeriesRef, from: number, to: number): BarColumns {
    const feed = this.feeds.get(ref.source);
    return feed !== undefined && !feed.persist
      ? (feed.historySync?.(ref.symbol, from, to) ?? EMPTY_COLUMNS)
      : this.store.range({ source: ref.source, symbol: ref.symbol, interval: ref.base }, from, to);
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
