import type { PaneHandle } from './pane-handle';

/**
 * The panes mounted now, by index: what the keyboard (scroll the active
 * pane), crosshair sync and the e2e hook reach a pane through.
 */
export interface PaneRegistry {
  /** Adds a pane's handle; returns the function that removes it. */
  register(handle: PaneHandle): () => void;
  get(index: number): PaneHandle | undefined;
  /** The crosshair of pane `from` moved to `time` (ms) or left (null): shown on every other pane. */
  syncCrosshair(from: number, time: number | null): void;
}

export function createPaneRegistry(): PaneRegistry {
  const panes = new Map<number, PaneHandle>();
  return {
    register(handle) {
      panes.set(handle.index, handle);
      return () => {
        if (panes.get(handle.index) === handle) panes.delete(handle.index);
      };
    },
    get: (index) => panes.get(index),
    syncCrosshair(from, time) {
      for (const [index, pane] of panes) if (index !== from) pane.showCrosshairAt(time);
    },
  };
}
