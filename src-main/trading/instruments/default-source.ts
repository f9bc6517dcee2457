import type { FeedRegistry } from '../../market-data/feed-registry';

/**
 * The source an order on `symbol` goes to when a program names none: a real
 * venue listing it whose feed is LIVE, else the first feed listing it (the
 * simulator), never a replay; null when nobody lists it.
 */
export function defaultSourceOf(feeds: FeedRegistry, symbol: string): string | null {
  const listing = feeds.all().filter((f) => f.id !== 'replay' && f.instruments().some((i) => i.symbol === symbol));
  const live = listing.find((f) => !f.simulated && f.health().status === 'LIVE');
  return (live ?? listing[0])?.id ?? null;
}
