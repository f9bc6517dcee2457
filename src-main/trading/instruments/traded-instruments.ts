import type { Instrument } from '../../../shared/domain/instrument';
import type { TradedInstrument } from '../../../shared/trading/traded-instrument';
import type { FeedRegistry } from '../../market-data/feed-registry';

/**
 * What can be traded: (source, symbol) → the instrument an order, a fee and
 * a P&L depend on, or null for a symbol nobody lists. Several catalogs chain
 * (the feeds' instruments, an options chain's contracts).
 */
export interface TradedInstruments {
  resolve(source: string, symbol: string): TradedInstrument | null;
}

/** Quote currencies recognised at the end of a pair's symbol, longest first (FDUSD before USD). */
const QUOTE_SUFFIXES = ['FDUSD', 'USDT', 'USDC', 'BUSD', 'TUSD', 'BTC', 'ETH', 'BNB', 'EUR', 'USD', 'JPY', 'GBP'] as const;

/** The quote currency of a crypto or FX pair from its symbol (BTCUSDT → USDT, EURUSD → USD); USD when none is recognised. */
export function quoteCurrencyOf(symbol: string): string {
  for (const q of QUOTE_SUFFIXES) if (symbol.length > q.length && symbol.endsWith(q)) return q;
  return 'USD';
}

/** A feed's instrument as traded: US equities in USD, one share a unit; pairs in their quote currency. */
export function tradedFromFeed(i: Instrument): TradedInstrument {
  const assetClass = i.market === 'us-equity' ? 'equity' : i.market;
  return {
    source: i.source,
    symbol: i.symbol,
    assetClass,
    tickSize: i.tickSize,
    lotSize: i.lotSize,
    multiplier: 1,
    currency: i.market === 'us-equity' ? 'USD' : quoteCurrencyOf(i.symbol),
    underlying: null,
  };
}

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
