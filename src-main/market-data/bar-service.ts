import { ContractFailure, type BarsQuery } from '../../shared/contract';
import { EMPTY_COLUMNS, lowerBound, sliceColumns, type BarColumns } from '../../shared/domain/bar-columns';
import { DAY_MS, INTERVAL_MS, WEEK_MS, type BaseInterval, type Interval } from '../../shared/domain/interval';
import { aggregate } from '../../shared/market/aggregate';
import { findGaps } from '../../shared/market/gaps';
import type { MarketKind } from '../../shared/market/market-kind';
import type { Clock } from '../app/clock';
import type { Bar } from '../../shared/domain/bar';
import type { BarMerger } from '../market/bar-merger';
import type { Logger } from '../rpc';
import type { BarStore, SeriesKey } from '../store';
import { columnsFromBarsSorted, overlay } from './column-overlay';
import type { FeedRegistry } from './feed-registry';

/** A resolved series: where its base bars live and how its market aligns. */
export interface SeriesRef {
  readonly source: string;
  readonly symbol: string;
  readonly base: BaseInterval;
  readonly market: MarketKind;
}

/** Base bars per target bar, roughly, for sizing a "latest N" read (sessions make equities sparser). */
function spanFor(market: MarketKind, interval: Interval, count: number): number {
  const density = market === 'us-equity' ? 24 / 6.5 * 7 / 5 : market === 'fx' ? 7 / 5 : 1;
  return Math.ceil(count * INTERVAL_MS[interval] * density) + WEEK_MS;
}

/**
 * Answers bar reads: 1m (or the series' base) truth from the store, topped up
 * from the feed's history where the store has gaps (within the feed's
 * backfill horizon), overlaid with the live merger's newer bars, and
 * aggregated to the requested interval by the one aggregation function.
 */
export class BarService {
  constructor(
    private readonly store: BarStore,
    private readonly feeds: FeedRegistry,
    private readonly clock: Clock,
    private readonly liveMerger: (source: string, symbol: string) => BarMerger | undefined,
    private readonly log: Logger,
  ) {}

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
  async get(query: BarsQuery): Promise<{ market: MarketKind; bars: BarColumns; truncated: boolean }> {
    const ref = this.resolve(query.source, query.symbol, query.interval);
    const now = this.clock.now();
    const to = Math.min(query.to ?? now + INTERVAL_MS[query.interval], now + WEEK_MS);
    const limit = query.limit;
    let bars: BarColumns;
    if (query.from !== undefined) {
      await this.backfill(ref, query.from - INTERVAL_MS[query.interval] - WEEK_MS, to, 'range');
      bars = this.derive(ref, query.interval, query.from, to);
    } else {
      // Newest `limit` bars: widen the window until it holds enough or reaches the data's start.
      let span = spanFor(ref.market, query.interval, limit);
      for (;;) {
        await this.backfill(ref, to - span - INTERVAL_MS[query.interval] - WEEK_MS, to, 'latest');
        bars = this.derive(ref, query.interval, to - span, to);
        if (bars.length >= limit || span > 40 * 365 * DAY_MS || !this.hasOlder(ref, to - span)) break;
        span *= 2;
      }
    }
    const truncated = bars.length > limit;
    return { market: ref.market, bars: truncated ? sliceColumns(bars, bars.length - limit, bars.length) : bars, truncated };
  }

  /** Base bars in [from, to) as held now: the store (or a replay's history) overlaid with live bars. */
  baseBars(ref: SeriesRef, from: number, to: number): BarColumns {
    const feed = this.feeds.get(ref.source);
    const stored =
      feed !== undefined && !feed.persist
        ? (feed.historySync?.(ref.symbol, from, to) ?? EMPTY_COLUMNS)
        : this.store.range({ source: ref.source, symbol: ref.symbol, interval: ref.base }, from, to);
    const merger = this.liveMerger(ref.source, ref.symbol);
    return merger === undefined ? stored : overlay(stored, merger.between(from, to));
  }

  /**
   * Fills the store's gaps in [from, to) from the feed's history. For "the
   * latest bars" the feed's backfill horizon (back from now) bounds it; for an
   * explicit range, the horizon back from the range's end does, so any past
   * window can be charted without one click pulling years of 1m bars.
   */
  async backfill(ref: SeriesRef, from: number, to: number, mode: 'latest' | 'range'): Promise<void> {
    const feed = this.feeds.get(ref.source);
    if (feed === undefined || !feed.persist || ref.base !== '1m') return;
    const now = this.clock.now();
    const start = Math.max(from, (mode === 'latest' ? now : Math.min(now, to)) - feed.backfillHorizonMs);
    const end = Math.min(to, now - (now % INTERVAL_MS['1m']));
    if (end <= start) return;
    const key: SeriesKey = { source: ref.source, symbol: ref.symbol, interval: '1m' };
    const have = this.store.range(key, start, end);
    for (const gap of findGaps(ref.market, have.time, start, end, INTERVAL_MS['1m'])) {
      let bars: readonly Bar[];
      try {
        bars = await feed.history(ref.symbol, gap.from, gap.to);
      } catch (err) {
        // An unreachable venue leaves the gap for later; what is stored is still served.
        this.log.warn(`${ref.source}:${ref.symbol}: backfill stopped: ${err instanceof Error ? err.message : String(err)}`);
        return;
      }
      if (bars.length === 0) continue;
      this.store.upsert(key, ref.market, columnsFromBarsSorted(bars), 'fill');
      // A live series of this symbol must know these bars too: it arbitrates what its live bars may replace.
      this.liveMerger(ref.source, ref.symbol)?.history(bars);
    }
  }

  private derive(ref: SeriesRef, interval: Interval, from: number, to: number): BarColumns {
    if (interval === ref.base) return this.baseBars(ref, from, to);
    // Widen to whole buckets at both ends, aggregate, then keep buckets starting in [from, to).
    const pad = INTERVAL_MS[interval] + WEEK_MS;
    const base = this.baseBars(ref, from - pad, to);
    // Only bars before `to` were read: a bucket cut by `to` is partial, however late it is now.
    const asOf = Math.min(this.nowFor(ref.source), to);
    const all = aggregate(ref.market, interval, base, { baseMs: INTERVAL_MS[ref.base], asOf });
    return sliceColumns(all, lowerBound(all, from), lowerBound(all, to));
  }

  /** "Now" for a series: its feed's own clock (a replay's cursor) or the wall clock. */
  nowFor(source: string): number {
    return this.feeds.get(source)?.now?.() ?? this.clock.now();
  }

  private hasOlder(ref: SeriesRef, before: number): boolean {
    const feed = this.feeds.get(ref.source);
    if (feed !== undefined && feed.persist && before > this.clock.now() - feed.backfillHorizonMs) return true;
    return this.store.latest({ source: ref.source, symbol: ref.symbol, interval: ref.base }, before, 1).length > 0;
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

