import type { ChartIndicator } from '../../shared/chart/chart-indicator-settings';
import type { ChartLayoutKind } from '../../shared/chart/chart-layout-settings';
import type { ChartLevels } from '../../shared/chart/chart-levels-settings';
import type { Interval } from '../../shared/domain/interval';
import type { SymbolId } from '../../shared/domain/symbol';
import type { SettingsSlice } from '../settings/settings-slice';
import {
  withActivePane,
  withLayoutKind,
  withLinkedSymbols,
  withPaneIndicators,
  withPaneInterval,
  withPaneLevels,
  withPaneLive,
  withPaneSource,
  withPaneSymbol,
  withPaneVolume,
  withSyncedCrosshair,
} from './layout-edit';

/** What the UI does to the chart layout; each edit shows at once and is saved debounced. */
export interface LayoutActions {
  /** Charts `symbol` in the active pane (every pane when linked): the watchlist and the symbol search. */
  readonly selectSymbol: (symbol: SymbolId) => void;
  readonly setPaneInterval: (index: number, interval: Interval) => void;
  /** Sets the active pane's interval (the keyboard). */
  readonly setActiveInterval: (interval: Interval) => void;
  readonly setActivePane: (index: number) => void;
  readonly setLayout: (kind: ChartLayoutKind) => void;
  /** Shows `symbol` from the `replay` stream in the active pane. */
  readonly showReplay: (symbol: SymbolId) => void;
  /** Returns pane `index` to its symbol's resolved source. */
  readonly showLive: (index: number) => void;
  readonly setVolume: (index: number, show: boolean) => void;
  /** Replaces pane `index`'s indicators (validated by the caller against chartIndicatorsSchema). */
  readonly setIndicators: (index: number, indicators: readonly ChartIndicator[]) => void;
  readonly setLevels: (index: number, levels: ChartLevels) => void;
  /** `activeSymbol`: the active pane's symbol as resolved, which linked panes take. */
  readonly setLinked: (on: boolean, activeSymbol: SymbolId | null) => void;
  readonly setSynced: (on: boolean) => void;
}

export function layoutActions(slice: SettingsSlice<'chartLayout'>): LayoutActions {
  const { update } = slice.getState();
  return {
    selectSymbol: (symbol) => {
      update((l) => withPaneSymbol(l, l.activePane, symbol));
    },
    setPaneInterval: (index, interval) => {
      update((l) => withPaneInterval(l, index, interval));
    },
    setActiveInterval: (interval) => {
      update((l) => withPaneInterval(l, l.activePane, interval));
    },
    setActivePane: (index) => {
      update((l) => withActivePane(l, index));
    },
    setLayout: (kind) => {
      update((l) => withLayoutKind(l, kind));
    },
    showReplay: (symbol) => {
      update((l) => withPaneSource(l, l.activePane, symbol, 'replay'));
    },
    showLive: (index) => {
      update((l) => withPaneLive(l, index));
    },
    setVolume: (index, show) => {
      update((l) => withPaneVolume(l, index, show));
    },
    setIndicators: (index, indicators) => {
      update((l) => withPaneIndicators(l, index, indicators));
    },
    setLevels: (index, levels) => {
      update((l) => withPaneLevels(l, index, levels));
    },
    setLinked: (on, activeSymbol) => {
      update((l) => withLinkedSymbols(l, on, activeSymbol));
    },
    setSynced: (on) => {
      update((l) => withSyncedCrosshair(l, on));
    },
  };
}
