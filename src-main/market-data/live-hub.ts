import type { Clock, Ticker } from '../platform/app/clock';
import type { MergedUpdate } from './engine/bar-merger';
import { StreamHub, type StreamSink } from './engine/stream-hub';
import type { Logger } from '../platform/rpc';
import type { BarStore } from '../platform/store';
import type { FeedRegistry } from './feed-registry';
import { LiveSeries } from './live-series';

export interface LiveHubOptions {
  readonly ringSize: number;
  readonly warmupMs: number;
  readonly log: Logger;
}

const keyOf = (source: string, symbol: string): string => `${source}\u0000${symbol}`;

/**
 * The live 1m series currently open, reference-counted through a StreamHub:
 * the first subscriber to (feed, symbol) opens its LiveSeries (the upstream
 * subscription), the last one to leave closes it.
 */
export class LiveHub {
  private readonly series = new Map<string, LiveSeries>();
  private readonly hub: StreamHub<MergedUpdate>;

  constructor(feeds: FeedRegistry, store: BarStore, clock: Clock, ticker: Ticker, options: LiveHubOptions) {
    this.hub = new StreamHub<MergedUpdate>(
      (key) => (push) => {
        const [source = '', symbol = ''] = key.split('\u0000');
        const { feed, instrument } = feeds.requireLive(source, symbol);
        const live = new LiveSeries({ feed, instrument, store, clock, ticker, ringSize: options.ringSize, warmupMs: options.warmupMs, log: options.log });
        this.series.set(key, live);
        const stop = live.onUpdate(push);
        return () => {
          stop();
          live.close();
          if (this.series.get(key) === live) this.series.delete(key);
        };
      },
      (u) => u.bar.time,
      ticker,
    );
  }

  subscribe(source: string, symbol: string, sink: StreamSink<MergedUpdate>): () => void {
    return this.hub.subscribe(keyOf(source, symbol), sink);
  }

  /** The open series of (source, symbol), if any subscriber holds it open. */
  get(source: string, symbol: string): LiveSeries | undefined {
    return this.series.get(keyOf(source, symbol));
  }

  refCount(source: string, symbol: string): number {
    return this.hub.refCount(keyOf(source, symbol));
  }

  get openCount(): number {
    return this.hub.openStreams;
  }
}
