import type { SymbolId } from '../../../shared/domain/symbol';
import type { EpochMs } from '../../../shared/domain/epoch';
import type { Quote } from '../../../shared/trading/quote';
import type { Ticker } from '../../platform/app/clock';
import type { BookQuote } from '../../market-data/feeds/feed';
import type { FeedRegistry } from '../../market-data/feed-registry';
import type { LiveHub } from '../../market-data/live-hub';
import { StreamHub, type StreamSink } from '../../market-data/engine/stream-hub';
import type { InstrumentQuoteSource } from './instrument-quote-source';

export interface QuoteServiceOptions {
  /** Half-spread of a synthetic quote (last ± this many ticks) where the venue has no book. */
  readonly halfSpreadTicks: number;
}

const keyOf = (source: string, symbol: string): string => `${source}\u0000${symbol}`;

/** `x` on the tick grid (decimal steps: 0.01 stays 0.01, not 0.010000000000000002). */
function onTick(x: number, tick: number): number {
  const steps = Math.round(x / tick);
  const decimals = Math.max(0, Math.ceil(-Math.log10(tick) - 1e-9));
  return Number((steps * tick).toFixed(decimals));
}

/**
 * Bid / ask / last of every instrument someone watches (the ticket, the
 * positions matrix, the paper broker), reference-counted per (source,
 * symbol): the venue's book where it has one (the sim's spread, Binance
 * bookTicker), else a synthetic quote, last ± a half-spread on the tick
 * grid, labelled `synthetic` (a replay, an imported series). Last is the
 * live series' latest trade.
 */
export class QuoteService {
  private readonly latestByKey = new Map<string, Quote>();
  private readonly hub: StreamHub<Quote>;

  constructor(
    private readonly feeds: FeedRegistry,
    private readonly live: LiveHub,
    /** "Now" for a source (a replay's cursor, or the wall clock): a quote is stamped when it arrives. */
    private readonly nowFor: (source: string) => number,
    ticker: Ticker,
    private readonly options: QuoteServiceOptions = { halfSpreadTicks: 1 },
    /** Quotes of instruments no feed lists (option contracts from their chain), asked before the feeds. */
    private readonly sources: readonly InstrumentQuoteSource[] = [],
  ) {
    this.hub = new StreamHub<Quote>((key) => (push) => this.open(key, push), () => 0, ticker);
  }

  /** Follows one instrument's quotes; the latest known is delivered at once. */
  subscribe(source: string, symbol: string, sink: StreamSink<Quote>): () => void {
    const stop = this.hub.subscribe(keyOf(source, symbol), sink);
    const now = this.latestByKey.get(keyOf(source, symbol));
    if (now !== undefined) sink.deliver(now);
    return stop;
  }

  latest(source: string, symbol: string): Quote | null {
    return this.latestByKey.get(keyOf(source, symbol)) ?? null;
  }

  private open(key: string, push: (q: Quote) => void): () => void {
    const [source = '', symbol = ''] = key.split('\u0000');
    const extra = this.sources.find((s) => s.quotes(source, symbol));
    if (extra !== undefined) {
      const stop = extra.open(source, symbol, (q) => {
        this.latestByKey.set(key, q);
        push(q);
      });
      return () => {
        stop();
        this.latestByKey.delete(key);
      };
    }
    const { feed, instrument } = this.feeds.requireLive(source, symbol);
    const tick = instrument.tickSize;
    let book: BookQuote | null = null;
    let last: number | null = null;
    const emit = (time: number): void => {
      let q: Quote;
      if (book !== null) q = { source, symbol: symbol as SymbolId, bid: book.bid, ask: book.ask, last, time: time as EpochMs, kind: 'book' };
      else if (last !== null) {
        const half = this.options.halfSpreadTicks * tick;
        q = { source, symbol: symbol as SymbolId, bid: onTick(Math.max(tick, last - half), tick), ask: onTick(last + half, tick), last, time: time as EpochMs, kind: 'synthetic' };
      } else return;
      this.latestByKey.set(key, q);
      push(q);
    };
    const stops: (() => void)[] = [];
    if (feed.subscribeQuotes !== undefined) {
      stops.push(
        feed.subscribeQuotes(symbol, (b) => {
          book = b;
          emit(b.time);
        }),
      );
    }
    stops.push(
      this.live.subscribe(source, symbol, {
        deliver: (u) => {
          if (u.bar.close === last) return;
          last = u.bar.close;
          emit(this.nowFor(source));
        },
      }),
    );
    return () => {
      for (const stop of stops.splice(0)) stop();
      this.latestByKey.delete(key);
    };
  }
}
