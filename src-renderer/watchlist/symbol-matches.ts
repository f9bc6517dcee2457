import type { FeedInfo } from '../../shared/contract';
import type { FeedId } from '../../shared/domain/feed';
import type { SymbolId } from '../../shared/domain/symbol';
import type { MarketKind } from '../../shared/market/market-kind';
import { PREFERRED_FEEDS } from '../feeds/source-resolution';

/** A feed that lists a matched symbol, for its source tag. */
export interface MatchSource {
  readonly id: FeedId;
  readonly simulated: boolean;
}

/** One symbol found by the search, with every feed (but a replay) that lists it. */
export interface SymbolMatch {
  readonly symbol: SymbolId;
  /** From the most preferred feed listing it (Binance's words before the simulated market's). */
  readonly description: string;
  readonly market: MarketKind;
  /** Preferred feeds first, then in `feeds.list` order. */
  readonly sources: readonly MatchSource[];
  readonly watched: boolean;
}

/** At most this many matches are listed. */
export const MAX_MATCHES = 20;

/** A replay plays stored series back; its symbols are not new instruments to watch. */
const NOT_SEARCHED: readonly FeedId[] = ['replay'];

/** Upper case without separators, so "btc/usdt", "BTC-USDT" and "BTCUSDT" compare equal. */
const compact = (text: string): string => text.toUpperCase().replace(/[^A-Z0-9]/g, '');

const preference = (id: FeedId): number => {
  const index = PREFERRED_FEEDS.indexOf(id);
  return index === -1 ? PREFERRED_FEEDS.length : index;
};

/** 0 exact symbol, 1 symbol prefix, 2 inside the symbol, 3 inside the description; null for no match. */
function rank(match: SymbolMatch, key: string, words: string): number | null {
  const symbol = compact(match.symbol);
  if (symbol === key) return 0;
  if (symbol.startsWith(key)) return 1;
  if (symbol.includes(key)) return 2;
  if (match.description.toLowerCase().includes(words)) return 3;
  return null;
}

/** Every searchable symbol once, with the feeds that list it; in no particular order. */
export function searchableSymbols(feeds: readonly FeedInfo[], watchlist: readonly SymbolId[]): SymbolMatch[] {
  const ordered = feeds.filter((f) => !NOT_SEARCHED.includes(f.id)).sort((a, b) => preference(a.id) - preference(b.id));
  const bySymbol = new Map<SymbolId, SymbolMatch>();
  for (const feed of ordered) {
    const source: MatchSource = { id: feed.id, simulated: feed.simulated };
    for (const instrument of feed.instruments) {
      const known = bySymbol.get(instrument.symbol);
      if (known !== undefined) {
        if (!known.sources.some((s) => s.id === feed.id)) bySymbol.set(instrument.symbol, { ...known, sources: [...known.sources, source] });
        continue;
      }
      const { symbol, description, market } = instrument;
      bySymbol.set(symbol, { symbol, description, market, sources: [source], watched: watchlist.includes(symbol) });
    }
  }
  return [...bySymbol.values()];
}

/** The symbols matching `query`, best first (then alphabetical), at most `limit`. Empty for a blank query. */
export function matchSymbols(
  feeds: readonly FeedInfo[] | null,
  query: string,
  watchlist: readonly SymbolId[],
  limit: number = MAX_MATCHES,
): SymbolMatch[] {
  const key = compact(query);
  const words = query.trim().toLowerCase();
  if (feeds === null || key === '') return [];
  const ranked: { readonly match: SymbolMatch; readonly rank: number }[] = [];
  for (const match of searchableSymbols(feeds, watchlist)) {
    const r = rank(match, key, words);
    if (r !== null) ranked.push({ match, rank: r });
  }
  ranked.sort((a, b) => a.rank - b.rank || (a.match.symbol < b.match.symbol ? -1 : a.match.symbol > b.match.symbol ? 1 : 0));
  return ranked.slice(0, limit).map((r) => r.match);
}
