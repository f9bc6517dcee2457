import { quoteCurrencyOf, tradedFromInstrument, type TradedInstrument } from '../../../shared/trading/traded-instrument';
import type { FeedRegistry } from '../../market-data/feed-registry';

/**
 * What can be traded: (source, symbol) → the instrument an order, a fee and
 * a P&L depend on, or null for a symbol nobody lists. Several catalogs chain
 * (the feeds' instruments, an options chain's contracts).
 */
export interface TradedInstruments {
  resolve(source: string, symbol: string): TradedInstrument | null;
}

/** A feed's instrument as traded (shared with the renderer's ticket). */
export const tradedFromFeed = tradedFromInstrument;
export { quoteCurrencyOf };

/** The instruments the run's feeds list. */
export class FeedTradedInstruments implements TradedInstruments {
  constructor(private readonly feeds: FeedRegistry) {}

  resolve(source: string, symbol: string): TradedInstrument | null {
    const i = this.feeds.instrument(source, symbol);
    return i === undefined ? null : tradedFromFeed(i);
  }
}

/** The first catalog that knows the symbol answers. */
export class ChainedTradedInstruments implements TradedInstruments {
  constructor(private readonly catalogs: readonly TradedInstruments[]) {}

  resolve(source: string, symbol: string): TradedInstrument | null {
    for (const c of this.catalogs) {
      const i = c.resolve(source, symbol);
      if (i !== null) return i;
    }
    return null;
  }
}
