import type { FeedHealth } from '../../shared/contract';
import type { Clock, Ticker } from '../platform/app/clock';
import type { Feed } from './feeds/feed';
import { ReplayFeed } from './feeds/replay/replay-feed';
import type { Logger } from '../platform/rpc';
import type { BarStore, BarVoids } from '../platform/store';
import { BarService } from './bar-service';
import { BarStreams } from './bar-streams';
import { FeedRegistry } from './feed-registry';
import { HistoryFiller } from './history-filler';
import type { JobPool } from '../platform/workers/job-pool';
import { LiveHub } from './live-hub';

export interface MarketDataOptions {
  readonly store: BarStore;
  readonly voids: BarVoids;
  /** The database file (a worker reads it with a connection of its own). */
  readonly dbFile: string;
  /** Where large reads run (a worker pool, or inline). */
  readonly pool: JobPool;
  readonly clock: Clock;
  readonly ticker: Ticker;
  readonly log: Logger;
  /** Live feeds besides replay (sim by default; exchanges as they land). */
  readonly feeds: readonly Feed[];
  /** Bars per live ring buffer (default 5,000). */
  readonly ringSize?: number;
}

/**
 * The market-data engine, wired: feeds, the bar store, live series behind a
 * reference-counted hub, bar reads and bar streams, and the replay feed.
 */
export class MarketData {
  readonly feeds = new FeedRegistry();
  readonly service: BarService;
  readonly live: LiveHub;
  readonly streams: BarStreams;
  readonly replay: ReplayFeed;
  readonly filler: HistoryFiller;

  constructor(options: MarketDataOptions) {
    const { store, clock, ticker, log } = options;
    for (const feed of options.feeds) this.feeds.register(feed);
    this.replay = new ReplayFeed(
      {
        // A generated source (the sim) is replayed from its generator; anything else from the store.
        bars: (source, symbol, from, to) => {
          const feed = this.feeds.get(source);
          if (feed !== undefined && !feed.persist && feed.historySync !== undefined && source !== 'replay') return feed.historySync(symbol, from, to);
          return store.range({ source, symbol, interval: '1m' }, from, to);
        },
        instrument: (source, symbol) => this.feeds.instrument(source, symbol) ?? null,
        market: (source, symbol) => store.market({ source, symbol, interval: '1m' }),
      },
      clock,
      ticker,
    );
    this.feeds.register(this.replay);
    this.live = new LiveHub(this.feeds, store, clock, ticker, { ringSize: options.ringSize ?? 5_000, warmupMs: 6 * 60 * 60_000, log });
    this.filler = new HistoryFiller(store, options.voids, clock, log, (source, symbol, bars) => {
      this.live.get(source, symbol)?.merger.history(bars);
    });
    this.service = new BarService(store, options.voids, this.feeds, clock, (source, symbol) => this.live.get(source, symbol)?.merger, this.filler, options.pool, options.dbFile);
    this.streams = new BarStreams(this.service, this.feeds, this.live, log);
    this.replay.onReset((symbol) => this.streams.reset('replay', symbol));
  }

  /** Connects every feed, or only those named. */
  async connect(only?: readonly string[]): Promise<void> {
    await Promise.all(this.feeds.all().filter((f) => only === undefined || only.includes(f.id)).map((f) => f.connect()));
  }

  health(): FeedHealth[] {
    return this.feeds.health();
  }

  close(): void {
    this.feeds.closeAll();
  }
}
