import type { FeedInfo } from '../../shared/contract';

/** The display name of feed `id` from `feeds.list`, else its id in capitals. */
export function feedName(feeds: readonly FeedInfo[] | null, id: string): string {
  return feeds?.find((feed) => feed.id === id)?.name ?? id.toUpperCase();
}

/** "Binance offline — showing SIM" when `source` stands in for the OFFLINE `offlineFeed`; else null. */
export function fallbackNote(offlineFeed: string | null, source: string | null, feeds: readonly FeedInfo[] | null): string | null {
  if (offlineFeed === null || source === null || offlineFeed === source) return null;
  return `${feedName(feeds, offlineFeed)} offline — showing ${source.toUpperCase()}`;
}
