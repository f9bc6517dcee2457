import type { Settings } from '../../shared/contract';
import type { FeedId } from '../../shared/domain/feed';
import type { Interval } from '../../shared/domain/interval';
import type { SourceId } from '../../shared/domain/source';
import type { SymbolId } from '../../shared/domain/symbol';
import type { FeedSituation } from '../feeds/feed-situation';
import { resolveSource } from '../feeds/source-resolution';

/** The series the chart shows. */
export interface ChartTarget {
  readonly source: SourceId;
  readonly symbol: SymbolId;
  readonly interval: Interval;
}

/** What the workspace holds for the chart; null fields follow the settings and the feeds. */
export interface ChartChoice {
  readonly activeSymbol: SymbolId | null;
  readonly chartSource: SourceId | null;
  readonly interval: Interval | null;
}

export interface ResolvedChart {
  readonly source: SourceId | null;
  readonly symbol: SymbolId | null;
  readonly interval: Interval | null;
  /** A better feed for the symbol that is OFFLINE, so the chart fell back to `source`. */
  readonly offlineFeed: FeedId | null;
  /** All three known: the stream to subscribe to. */
  readonly target: ChartTarget | null;
}

/**
 * The symbol follows the user's pick while it is still watched, else the first
 * watched symbol; a source chosen for the chart (a replay) pins the pick even
 * when it is not watched. Without a pinned source the symbol's source is
 * resolved from the feeds and their health (pending until both are known);
 * the interval falls back to the settings.
 */
export function resolveChart(choice: ChartChoice, settings: Settings | null, situation: FeedSituation | null): ResolvedChart {
  const watchlist = settings?.watchlist ?? [];
  const active = choice.activeSymbol;
  const pinned = choice.chartSource !== null && active !== null;
  const symbol = pinned || (active !== null && watchlist.includes(active)) ? active : (watchlist[0] ?? null);
  const resolution =
    symbol === null || settings === null ? null : resolveSource(symbol, settings.defaultFeed, situation, choice.chartSource);
  const source = resolution?.source ?? choice.chartSource;
  const interval = choice.interval ?? settings?.defaultInterval ?? null;
  const target = source !== null && symbol !== null && interval !== null ? { source, symbol, interval } : null;
  return { source, symbol, interval, offlineFeed: resolution?.offlineFeed ?? null, target };
}
