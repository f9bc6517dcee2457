import type { ChartLayout } from '../../shared/chart/chart-layout-settings';
import type { Settings } from '../../shared/contract';
import type { FeedId } from '../../shared/domain/feed';
import type { Interval } from '../../shared/domain/interval';
import type { SourceId } from '../../shared/domain/source';
import type { SymbolId } from '../../shared/domain/symbol';
import type { FeedSituation } from '../feeds/feed-situation';
import { resolveSource } from '../feeds/source-resolution';

/** The series a pane shows. */
export interface ChartTarget {
  readonly source: SourceId;
  readonly symbol: SymbolId;
  readonly interval: Interval;
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

export const UNRESOLVED: ResolvedChart = { source: null, symbol: null, interval: null, offlineFeed: null, target: null };

/**
 * The symbol of pane `index`: the one the user chose for it (watched or
 * not), else the watchlist's symbol at the pane's position (the first one
 * when symbols are linked, or when the list is shorter).
 */
export function paneSymbol(layout: ChartLayout, index: number, watchlist: readonly SymbolId[]): SymbolId | null {
  const chosen = layout.panes[index]?.symbol ?? null;
  if (chosen !== null) return chosen;
  return (layout.linkSymbols ? undefined : watchlist[index]) ?? watchlist[0] ?? null;
}

/**
 * Pane `index`'s series: its symbol (paneSymbol), its pinned source (a
 * replay) or else the symbol's source resolved from the feeds and their
 * health (pending until both are known), and its interval.
 */
export function resolvePane(layout: ChartLayout | null, index: number, settings: Settings | null, situation: FeedSituation | null): ResolvedChart {
  const pane = layout?.panes[index];
  if (layout === null || pane === undefined || settings === null) return UNRESOLVED;
  const symbol = paneSymbol(layout, index, settings.watchlist);
  const resolution = symbol === null ? null : resolveSource(symbol, settings.defaultFeed, situation, pane.source);
  const source = resolution?.source ?? pane.source;
  const interval = pane.interval;
  const target = source !== null && symbol !== null ? { source, symbol, interval } : null;
  return { source, symbol, interval, offlineFeed: resolution?.offlineFeed ?? null, target };
}
