import type { RoundTrip } from '../../shared/journal/round-trips';
import type { MarketKind } from '../../shared/market/market-kind';
import type { FeedRegistry } from '../market-data/feed-registry';

export const NEW_YORK = 'America/New_York';

/** The zone a market's trades are read in: New York for US instruments, UTC for crypto and FX. */
export function zoneOfMarket(market: MarketKind): string {
  return market === 'us-equity' ? NEW_YORK : 'UTC';
}

const CRYPTO_QUOTES = /(USDT|USDC|BUSD|FDUSD|BTC|ETH)$/;

/**
 * The zone of a trip's instrument (its hour and weekday statistics, its
 * holding time across days): the market a feed lists it under (or its
 * option's underlying), else a guess from the symbol for imports: a crypto
 * pair's quote currency means UTC, anything else is taken as a US
 * instrument (New York).
 */
export function tripZones(feeds: FeedRegistry): (trip: Pick<RoundTrip, 'source' | 'symbol' | 'underlying'>) => string {
  const cache = new Map<string, string>();
  return (trip) => {
    const key = `${trip.source}\u0000${trip.symbol}`;
    let zone = cache.get(key);
    if (zone === undefined) {
      const instrument = feeds.instrument(trip.source, trip.symbol) ?? (trip.underlying === null ? undefined : feeds.instrument(trip.source, trip.underlying));
      if (instrument !== undefined) zone = zoneOfMarket(instrument.market);
      else zone = trip.underlying === null && CRYPTO_QUOTES.test(trip.symbol) && trip.symbol.length > 5 ? 'UTC' : NEW_YORK;
      cache.set(key, zone);
    }
    return zone;
  };
}
