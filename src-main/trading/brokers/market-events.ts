import type { SymbolId } from '../../../shared/domain/symbol';
import type { FeedRegistry } from '../../market-data/feed-registry';
import type { MarketEvent } from '../paper/market-event';
import type { QuoteService } from '../quotes/quote-service';

/** The market a paper broker fills against: one instrument's quotes and prints, as they happen. */
export interface MarketEventSource {
  /** Follows one instrument; returns the function that stops. */
  watch(source: string, symbol: string, onEvent: (e: MarketEvent) => void): () => void;
}

/**
 * The live market (or a replay) as paper-fill events: the quote service's
 * bid/ask (the venue's book, or last ± a half-spread where there is none)
 * and the feed's prints with their sizes (the participation cap); an
 * option's quote carries its underlying's price onto the fills. A quote
 * carries no sizes (the venues' top-of-book sizes are not kept), so it fills
 * whole; prints fill at most their share.
 */
export class LiveMarketEvents implements MarketEventSource {
  constructor(
    private readonly quotes: QuoteService,
    private readonly feeds: FeedRegistry,
  ) {}

  watch(source: string, symbol: string, onEvent: (e: MarketEvent) => void): () => void {
    const sym = symbol as SymbolId;
    const stops: (() => void)[] = [];
    stops.push(
      this.quotes.subscribe(source, symbol, {
        deliver: (q) => onEvent({ kind: 'quote', source, symbol: sym, time: q.time, bid: q.bid, ask: q.ask, underlyingPrice: q.underlyingPrice ?? null }),
      }),
    );
    // Prints come from a feed that lists the instrument (an option contract is quoted from its chain, without prints).
    const feed = this.feeds.instrument(source, symbol) === undefined ? undefined : this.feeds.get(source);
    if (feed !== undefined) {
      stops.push(feed.subscribeTrades(symbol, (t) => onEvent({ kind: 'trade', source, symbol: sym, time: t.time, price: t.price, size: t.size })));
    }
    return () => {
      for (const stop of stops.splice(0)) stop();
    };
  }
}
