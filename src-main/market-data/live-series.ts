import { barsFromColumns, columnsFromBars } from '../../shared/domain/bar-columns';
import type { Instrument } from '../../shared/domain/instrument';
import type { Clock, Ticker } from '../app/clock';
import type { Feed, Unsubscribe } from '../feeds/feed';
import { MINUTE_MS } from '../../shared/domain/interval';
import { BarMerger, type MergedUpdate } from '../market/bar-merger';
import { ORIGIN_LIVE } from '../market/bar-ring';
import type { Logger } from '../rpc';
import { CandleBuilder } from '../market/candle-builder';
import type { BarStore } from '../store';
import { columnsFromBarsSorted } from './column-overlay';

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

  constructor(private readonly deps: LiveSeriesDeps) {
    this.merger = new BarMerger(deps.ringSize, (u) => this.onMerged(u));
    const builder = new CandleBuilder((b) => this.merger.live(b));
    const { feed, instrument, clock, ticker } = deps;
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
    if (feed.subscribeBars !== undefined) this.stops.push(feed.subscribeBars(instrument.symbol, guarded('a bar', (b) => this.merger.live(b))));
    const now = feed.now === undefined ? () => clock.now() : () => feed.now?.() ?? clock.now();
    this.stops.push(ticker(() => builder.closeThrough(now()), 1_000));
    if (feed.onGap !== undefined) {
      this.stops.push(feed.onGap((gap) => {
        if (gap.symbol === instrument.symbol) void this.backfillGap(gap.from, gap.to);
      }));
    }
  }

  /**
   * Fetches the venue's bars for a window the feed was blind in and merges
   * them as history: they outrank bars built from an incomplete trade tape,
   * so the store and every chart end up with exactly the venue's bars.
   */
  private async backfillGap(from: number, to: number): Promise<void> {
    const { feed, instrument, store, log } = this.deps;
    const start = from - (from % MINUTE_MS);
    feed.backfilling?.(instrument.symbol, true);
    try {
      const bars = await feed.history(instrument.symbol, start, to);
      if (this.closed) return;
      this.merger.history(bars);
      const finals = bars.filter((b) => b.final);
      if (feed.persist && finals.length > 0) store.upsert({ source: feed.id, symbol: instrument.symbol, interval: '1m' }, instrument.market, columnsFromBarsSorted(finals), 'replace');
    } catch (err) {
      log.error(`${feed.id}:${instrument.symbol}: could not backfill ${new Date(start).toISOString()}..${new Date(to).toISOString()}`, err);
    } finally {
      feed.backfilling?.(instrument.symbol, false);
    }
  }

  /** Follows every merged change; returns the unsubscribe. */
  onUpdate(listener: (u: MergedUpdate) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  close(): void {
    this.closed = true;
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
   * Stores each bar closed by live updates. History came from the store or was
   * stored by the backfill, so it is not written back. A live bar only fills:
   * it never overwrites a final bar already stored (the venue's history wins).
   */
  private onMerged(u: MergedUpdate): void {
    const { feed, instrument, store, log } = this.deps;
    if (feed.persist && u.bar.final && u.origin === ORIGIN_LIVE) {
      try {
        store.upsert({ source: feed.id, symbol: instrument.symbol, interval: '1m' }, instrument.market, columnsFromBars([u.bar]), 'fill');
      } catch (err) {
        log.error(`${feed.id}:${instrument.symbol}: could not store the bar at ${new Date(u.bar.time).toISOString()}`, err);
      }
    }
    for (const listener of this.listeners) listener(u);
  }
}
