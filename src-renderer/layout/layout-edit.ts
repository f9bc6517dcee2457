import { MAX_PANES, paneCountOf, type ChartLayout, type ChartLayoutKind } from '../../shared/chart/chart-layout-settings';
import type { ChartIndicator } from '../../shared/chart/chart-indicator-settings';
import type { ChartLevels } from '../../shared/chart/chart-levels-settings';
import type { ChartPane } from '../../shared/chart/chart-pane-settings';
import type { Interval } from '../../shared/domain/interval';
import type { SourceId } from '../../shared/domain/source';
import type { SymbolId } from '../../shared/domain/symbol';

/**
 * Edits of the chart layout as pure functions (the layout store applies
 * them). None mutates its input; each keeps the active pane among those shown.
 */

/** Panes the layout shows. */
export function visiblePaneCount(layout: ChartLayout): number {
  return paneCountOf(layout.layout);
}

function clampActive(layout: ChartLayout): ChartLayout {
  const last = Math.min(visiblePaneCount(layout), layout.panes.length) - 1;
  return layout.activePane > last ? { ...layout, activePane: Math.max(0, last) } : layout;
}

function editPanes(layout: ChartLayout, indexes: readonly number[], edit: (pane: ChartPane) => ChartPane): ChartLayout {
  const panes = layout.panes.map((pane, i) => (indexes.includes(i) ? edit(pane) : pane));
  return { ...layout, panes };
}

/** The panes a symbol change applies to: every pane shown when symbols are linked, else just `index`. */
function symbolTargets(layout: ChartLayout, index: number): number[] {
  if (!layout.linkSymbols) return [index];
  return Array.from({ length: visiblePaneCount(layout) }, (_, i) => i);
}

/**
 * Switches the layout; panes it needs and the layout does not have yet copy
 * the interval and volume choice of the last pane, with the symbol left to
 * the watchlist. Panes beyond the new layout's count are kept for later.
 */
export function withLayoutKind(layout: ChartLayout, kind: ChartLayoutKind): ChartLayout {
  const count = paneCountOf(kind);
  const panes = [...layout.panes];
  const template = panes.at(-1);
  while (panes.length < count && panes.length < MAX_PANES && template !== undefined) {
    panes.push({ ...template, symbol: layout.linkSymbols ? template.symbol : null, source: null });
  }
  return clampActive({ ...layout, layout: kind, panes });
}

export function withActivePane(layout: ChartLayout, index: number): ChartLayout {
  if (index < 0 || index >= Math.min(visiblePaneCount(layout), layout.panes.length) || index === layout.activePane) return layout;
  return { ...layout, activePane: index };
}

/** Shows `symbol` from its resolved source in pane `index` (every pane when linked). */
export function withPaneSymbol(layout: ChartLayout, index: number, symbol: SymbolId): ChartLayout {
  return editPanes(layout, symbolTargets(layout, index), (pane) => ({ ...pane, symbol, source: null }));
}

/** Shows `symbol` from a pinned source (`replay`) in pane `index`. */
export function withPaneSource(layout: ChartLayout, index: number, symbol: SymbolId, source: SourceId): ChartLayout {
  return editPanes(layout, [index], (pane) => ({ ...pane, symbol, source }));
}

/** Returns pane `index` to its symbol's resolved source. */
export function withPaneLive(layout: ChartLayout, index: number): ChartLayout {
  return editPanes(layout, [index], (pane) => ({ ...pane, source: null }));
}

export function withPaneInterval(layout: ChartLayout, index: number, interval: Interval): ChartLayout {
  return editPanes(layout, [index], (pane) => ({ ...pane, interval }));
}

export function withPaneVolume(layout: ChartLayout, index: number, showVolume: boolean): ChartLayout {
  return editPanes(layout, [index], (pane) => ({ ...pane, showVolume }));
}

export function withPaneIndicators(layout: ChartLayout, index: number, indicators: readonly ChartIndicator[]): ChartLayout {
  return editPanes(layout, [index], (pane) => ({ ...pane, indicators: [...indicators] }));
}

export function withPaneLevels(layout: ChartLayout, index: number, levels: ChartLevels): ChartLayout {
  return editPanes(layout, [index], (pane) => ({ ...pane, levels }));
}

/** Turning the link on gives every pane shown the active pane's symbol (`activeSymbol`, as resolved) and source. */
export function withLinkedSymbols(layout: ChartLayout, linkSymbols: boolean, activeSymbol: SymbolId | null): ChartLayout {
  const next = { ...layout, linkSymbols };
  const active = layout.panes[layout.activePane];
  if (!linkSymbols || active === undefined) return next;
  return editPanes(next, symbolTargets(next, layout.activePane), (pane) => ({ ...pane, symbol: activeSymbol, source: active.source }));
}

export function withSyncedCrosshair(layout: ChartLayout, syncCrosshair: boolean): ChartLayout {
  return { ...layout, syncCrosshair };
}
