import type { Bar } from '../../shared/domain/bar';
import { barsFromColumns, columnsFromBars } from '../../shared/domain/bar-columns';
import type { Instrument } from '../../shared/domain/instrument';
import type { Clock, Ticker } from '../platform/app/clock';
import type { Feed, Unsubscribe } from './feeds/feed';
import { BarMerger, type MergedUpdate } from './engine/bar-merger';
import { ORIGIN_LIVE } from './engine/bar-ring';
import type { Logger } from '../platform/rpc';
import { CandleBuilder } from './engine/candle-builder';
import type { BarStore } from '../platform/store';
import { columnsFromBarsSorted } from './column-overlay';
import { GapBackfiller } from './gap-backfiller';

export interface LiveSeriesDeps {
  readonly feed: Feed;
  readonly instrument: Instrument;
  readonly store: BarStore;
  readonly clock: Clock;
  readonly ticker: Ticker;
  readonly ringSize: number;
  /** How much recent history seeds the merger when the series opens. */
  readonly warmupMs: number;
  readonly log: Logger;
}

/**
 * One live 1m series (feed, symbol): trades → candle builder → merger, seeded
 * with recent history; closed bars and corrections are written to the store
 * (for persisted feeds). Opened by the first subscriber, closed by the last
 * (the stream hub does the counting).
 */
export class LiveSeries {
  readonly merger: BarMerger;
  private readonly listeners = new Set<(u: MergedUpdate) => void>();
  private readonly stops: Unsubscribe[] = [];
  private closed = false;
  private readonly backfiller: GapBackfiller;

  constructor(private readonly deps: LiveSeriesDeps) {
    this.merger = new BarMerger(deps.ringSize, (u) => this.onMerged(u));
    const builder = new CandleBuilder((b) => this.merger.live(b));
    const { feed, instrument, clock, ticker } = deps;
    this.backfiller = new GapBackfiller({ feed, symbol: instrument.symbol, clock, ticker, log: deps.log, apply: (bars) => this.applyHistory(bars) });
    this.seed();
    // Feeds call these from their timers and sockets: a failure here is logged, never thrown into the feed.
    const guarded = <T>(what: string, fn: (x: T) => void) => (x: T): void => {
      try {
        fn(x);
      } catch (err) {
        deps.log.error(`${feed.id}:${instrument.symbol}: ${what} failed`, err);
      }
    };
    this.stops.push(feed.subscribeTrades(instrument.symbol, guarded('a trade', (t) => builder.apply(t))));
    if (feed.subscribeBars !== undefined) this.stops.push(feed.subscribeBars(instrument.symbol, guarded('a bar', (b) => this.venueBar(b))));
    const now = feed.now === undefined ? () => clock.now() : () => feed.now?.() ?? clock.now();
    this.stops.push(ticker(() => builder.closeThrough(now()), 1_000));
    if (feed.onGap !== undefined) {
      this.stops.push(feed.onGap((gap) => {
        if (gap.symbol === instrument.symbol) this.backfiller.gap(gap.from, gap.to);
      }));
    }
  }

  /**
   * A bar pushed by the venue itself (a kline stream). Once closed it is the
   * venue's own bar, as authoritative as its REST history: it outranks a bar
   * built from our trade tape, and replaces it in the store.
   */
  private venueBar(b: Bar): void {
    if (!b.final) {
      this.merger.live(b);
      return;
    }
    this.backfiller.confirm(b.time);
    if (this.merger.history([b]) === 0 || !this.deps.feed.persist) return;
    const { feed, instrument, store } = this.deps;
    store.upsert({ source: feed.id, symbol: instrument.symbol, interval: '1m' }, instrument.market, columnsFromBars([b]), 'replace');
  }

  /**
   * The venue's bars for a window the feed was blind in, merged as history:
   * they outrank bars built from an incomplete trade tape, so the store and
   * every chart end up with exactly the venue's bars.
   */
  private applyHistory(bars: readonly Bar[]): void {
    if (this.closed) return;
    const { feed, instrument, store } = this.deps;
    this.merger.history(bars);
    const finals = bars.filter((b) => b.final);
    if (feed.persist && finals.length > 0) store.upsert({ source: feed.id, symbol: instrument.symbol, interval: '1m' }, instrument.market, columnsFromBarsSorted(finals), 'replace');
  }

  /** Follows every merged change; returns the unsubscribe. */
  onUpdate(listener: (u: MergedUpdate) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  close(): void {
    this.closed = true;
    this.backfiller.close();
    for (const stop of this.stops.splice(0)) stop();
    this.listeners.clear();
  }

  /** Recent history from the store (persisted feeds) so that the live ring starts full. */
  private seed(): void {
    const { feed, instrument, store, clock, warmupMs } = this.deps;
    if (!feed.persist) return;
    const now = clock.now();
    const recent = store.range({ source: feed.id, symbol: instrument.symbol, interval: '1m' }, now - warmupMs, now);
    this.merger.history(barsFromColumns(recent));
  }

  /**
   * Stores each bar closed by live updates. The merger is the arbiter: it
   * emits a live version only when it outranks every version it holds (the
   * venue's history included: backfills go through it too), so that version
   * replaces whatever is stored. History came from the store or was stored by
   * its backfill, so it is not written back.
   */
  private onMerged(u: MergedUpdate): void {
    const { feed, instrument, store, log } = this.deps;
    if (feed.persist && u.bar.final && u.origin === ORIGIN_LIVE) {
      try {
        store.upsert({ source: feed.id, symbol: instrument.symbol, interval: '1m' }, instrument.market, columnsFromBars([u.bar]), 'replace');
      } catch (err) {
        log.error(`${feed.id}:${instrument.symbol}: could not store the bar at ${new Date(u.bar.time).toISOString()}`, err);
      }
    }
    for (const listener of this.listeners) listener(u);
  }
}
