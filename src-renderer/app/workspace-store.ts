import { createStore, type StoreApi } from 'zustand/vanilla';
import type { Interval } from '../../shared/domain/interval';
import type { SourceId } from '../../shared/domain/source';
import type { SymbolId } from '../../shared/domain/symbol';

/** UI-only state shared between panels: what the chart shows. Never written to settings. */
export interface WorkspaceState {
  readonly activeSymbol: SymbolId | null;
  /** The chart's interval; null follows settings.defaultInterval until the user picks one. */
  readonly interval: Interval | null;
  /** A source pinned for the chart (`replay` to watch a replay); null follows the symbol's resolved source. */
  readonly chartSource: SourceId | null;
  /** Shows a watched symbol from its resolved source. */
  readonly selectSymbol: (symbol: SymbolId) => void;
  readonly selectInterval: (interval: Interval) => void;
  /** Shows `symbol` from the `replay` stream. */
  readonly showReplay: (symbol: SymbolId) => void;
  /** Returns the chart to the symbol's resolved source. */
  readonly showLive: () => void;
}

export type WorkspaceStore = StoreApi<WorkspaceState>;

export function createWorkspaceStore(): WorkspaceStore {
  return createStore<WorkspaceState>()((set) => ({
    activeSymbol: null,
    interval: null,
    chartSource: null,
    selectSymbol: (symbol) => {
      set({ activeSymbol: symbol, chartSource: null });
    },
    selectInterval: (interval) => {
      set({ interval });
    },
    showReplay: (symbol) => {
      set({ activeSymbol: symbol, chartSource: 'replay' });
    },
    showLive: () => {
      set({ chartSource: null });
    },
  }));
}
