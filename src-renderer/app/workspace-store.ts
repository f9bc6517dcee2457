import { createStore, type StoreApi } from 'zustand/vanilla';
import type { SymbolId } from '../../shared/domain/symbol';

/** UI-only state shared between panels: which instrument the user is looking at. */
export interface WorkspaceState {
  readonly activeSymbol: SymbolId | null;
  readonly selectSymbol: (symbol: SymbolId) => void;
}

export type WorkspaceStore = StoreApi<WorkspaceState>;

export function createWorkspaceStore(): WorkspaceStore {
  return createStore<WorkspaceState>()((set) => ({
    activeSymbol: null,
    selectSymbol: (symbol) => {
      set({ activeSymbol: symbol });
    },
  }));
}
