import type { FeedId } from '../../shared/domain/feed';
import type { SourceId } from '../../shared/domain/source';
import type { FeedSituation } from './feed-situation';

/** Feeds with real prices, preferred over the default feed, best first. */
export const PREFERRED_FEEDS: readonly FeedId[] = ['binance', 'alpaca'];

/** The simulated market: the last resort for any symbol it lists. */
export const SIM_FEED: FeedId = 'sim';

/** Where a symbol's bars come from, and the better feed it fell back from, if any. */
export interface SourceResolution {
  readonly source: SourceId;
  /** A feed ahead of `source` that lists the symbol but is OFFLINE. */
  readonly offlineFeed: FeedId | null;
}

/** The feeds tried in order: the preferred ones, the default feed, then the simulated market. */
export function candidateFeeds(defaultFeed: FeedId): readonly FeedId[] {
  return [...new Set<FeedId>([...PREFERRED_FEEDS, defaultFeed, SIM_FEED])];
}

/** Whether feed `id` lists `symbol` in `feeds.list`. */
export function feedLists(situation: FeedSituation, id: string, symbol: string): boolean {
  return situation.feeds.some((feed) => feed.id === id && feed.instruments.some((i) => i.symbol === symbol));
}

/**
 * The source of `symbol`: the one the user pinned; else the first candidate
 * feed that lists it and is not OFFLINE (DEGRADED and BACKFILLING keep the
 * feed, so a wobbling feed does not flap); else `sim` if it lists it; else the
 * default feed. Null while the situation is pending (and nothing is pinned).
 */
export function resolveSource(
  symbol: string,
  defaultFeed: FeedId,
  situation: FeedSituation | null,
  pinned: SourceId | null = null,
): SourceResolution | null {
  if (pinned !== null) return { source: pinned, offlineFeed: null };
  if (situation === null) return null;
  let offlineFeed: FeedId | null = null;
  const resolved = (source: SourceId): SourceResolution => ({ source, offlineFeed: offlineFeed === source ? null : offlineFeed });
  for (const id of candidateFeeds(defaultFeed)) {
    if (!feedLists(situation, id, symbol)) continue;
    if (situation.statuses[id] !== 'OFFLINE') return resolved(id);
    offlineFeed ??= id;
  }
  return resolved(feedLists(situation, SIM_FEED, symbol) ? SIM_FEED : defaultFeed);
}
