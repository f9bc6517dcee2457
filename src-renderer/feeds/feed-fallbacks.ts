import type { FeedId } from '../../shared/domain/feed';
import type { SourceId } from '../../shared/domain/source';
import type { FeedSituation } from './feed-situation';
import { PREFERRED_FEEDS, resolveSource } from './source-resolution';

/** Per OFFLINE preferred feed: the sources now serving the symbols it lists, in first-seen order. */
export type FeedFallbacks = ReadonlyMap<FeedId, readonly SourceId[]>;

/**
 * Which OFFLINE preferred feeds (Binance, Alpaca) are covered by another
 * source, e.g. binance → [sim] while the simulated market serves the crypto
 * symbols. A feed whose symbols have nowhere else to go is not listed.
 */
export function feedFallbacks(situation: FeedSituation | null, defaultFeed: FeedId): FeedFallbacks {
  const fallbacks = new Map<FeedId, SourceId[]>();
  if (situation === null) return fallbacks;
  for (const id of PREFERRED_FEEDS) {
    if (situation.statuses[id] !== 'OFFLINE') continue;
    const symbols = situation.feeds.find((feed) => feed.id === id)?.instruments.map((i) => i.symbol) ?? [];
    const sources: SourceId[] = [];
    for (const symbol of symbols) {
      const resolution = resolveSource(symbol, defaultFeed, situation);
      if (resolution === null || resolution.source === id || sources.includes(resolution.source)) continue;
      sources.push(resolution.source);
    }
    if (sources.length > 0) fallbacks.set(id, sources);
  }
  return fallbacks;
}
