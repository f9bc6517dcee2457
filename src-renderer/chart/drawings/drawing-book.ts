import { createStore, type StoreApi } from 'zustand/vanilla';
import { drawingInputOf, sameDrawing, type DrawingInput, type DrawingSeries } from '../../../shared/chart/drawing';
import type { ContractError } from '../../../shared/contract';
import type { TapedeckClient } from '../../api/tapedeck-client';
import { toContractError } from '../../app/to-contract-error';

type Pending = { readonly kind: 'upsert'; readonly drawing: DrawingInput } | { readonly kind: 'delete' };

export interface DrawingBookState {
  /** The series' drawings as shown: the stored ones with this window's edits not yet confirmed applied. */
  readonly drawings: readonly DrawingInput[];
  /** Whether the stored list has arrived. */
  readonly loaded: boolean;
  /** Why the last edit was refused (it was undone), or null. */
  readonly error: ContractError | null;
  /** Stores a drawing (new or changed); shown at once. */
  readonly upsert: (drawing: DrawingInput) => void;
  /** Deletes a drawing; gone at once. */
  readonly remove: (id: string) => void;
  /** Follows `drawings.updates` for the series; returns the function that stops it. */
  readonly start: () => () => void;
}

export type DrawingBook = StoreApi<DrawingBookState>;

/**
 * One window's view of a series' drawings: the stored list as
 * `drawings.updates` pushes it (after any window's change), with this
 * window's own edits shown at once, before the core confirms them. An edit
 * stays pending until the pushed list reflects it, and is undone (with the
 * reason in `error`) if the core refuses it.
 */
export function createDrawingBook(client: Pick<TapedeckClient, 'call' | 'subscribe'>, series: DrawingSeries): DrawingBook {
  let stored: readonly DrawingInput[] = [];
  const pending = new Map<string, Pending>();

  return createStore<DrawingBookState>()((set) => {
    const show = (): void => {
      const shown: DrawingInput[] = [];
      for (const d of stored) {
        const p = pending.get(d.id);
        if (p === undefined) shown.push(d);
        else if (p.kind === 'upsert') shown.push(p.drawing);
      }
      for (const [id, p] of pending) if (p.kind === 'upsert' && !stored.some((d) => d.id === id)) shown.push(p.drawing);
      set({ drawings: shown });
    };
    const settle = (): void => {
      for (const [id, p] of pending) {
        const have = stored.find((d) => d.id === id);
        if (p.kind === 'delete' ? have === undefined : have !== undefined && sameDrawing(have, p.drawing)) pending.delete(id);
      }
    };
    const track = (id: string, p: Pending, call: Promise<unknown>): void => {
      pending.set(id, p);
      show();
      call.then(
        () => {
          set({ error: null });
        },
        (reason: unknown) => {
          if (pending.get(id) === p) pending.delete(id);
          set({ error: toContractError(reason) });
          show();
        },
      );
    };

    return {
      drawings: [],
      loaded: false,
      error: null,
      upsert: (drawing) => {
        track(drawing.id, { kind: 'upsert', drawing }, client.call('drawings.upsert', drawing));
      },
      remove: (id) => {
        track(id, { kind: 'delete' }, client.call('drawings.delete', { id }));
      },
      start: () =>
        client.subscribe('drawings.updates', series, (update) => {
          stored = update.drawings.map(drawingInputOf);
          settle();
          set({ loaded: true });
          show();
        }),
    };
  });
}
