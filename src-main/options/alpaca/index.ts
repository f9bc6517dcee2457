import type { AlpacaFeed } from '../../market-data/feeds/alpaca/alpaca-feed';
import { AlpacaChainProvider } from './alpaca-chain-provider';
import { UnderlyingPrices } from './underlying-prices';

export { AlpacaChainProvider, type AlpacaChainDeps, type AlpacaDataGet } from './alpaca-chain-provider';

/** Alpaca's option chain on the Alpaca feed: its keys and rate budget for the snapshots, its stock stream for the underlyings' prices. */
export function alpacaChainOn(feed: AlpacaFeed, now: () => number, refreshMs?: number): AlpacaChainProvider {
  const prices = new UnderlyingPrices(feed);
  return new AlpacaChainProvider({
    get: (path, params) => feed.dataGet(path, params),
    now,
    underlyingPrice: (u) => prices.price(u),
    watchUnderlying: (u, listener) => prices.watch(u, listener),
    feed: feed.optionFeed,
    ...(refreshMs === undefined ? {} : { refreshMs }),
    onClose: () => prices.close(),
  });
}
