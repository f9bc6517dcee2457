import { createStore, type StoreApi } from 'zustand/vanilla';
import type { HistoryProgress } from '../../shared/contract';
import type { TapedeckClient } from '../api/tapedeck-client';

export interface HistoryProgressState {
  /** The latest `bars.progress` per series (historyKey). */
  readonly bySeries: Readonly<Record<string, HistoryProgress>>;
  /** Follows `bars.progress`; returns the function that stops it. */
  readonly start: () => () => void;
}

export type HistoryProgressStore = StoreApi<HistoryProgressState>;

export function historyKey(source: string, symbol: string): string {
  return `${source}\u0000${symbol}`;
}

/** History loads from venues (a range the store did not hold), as the panes show them. */
export function createHistoryProgressStore(client: Pick<TapedeckClient, 'subscribe'>): HistoryProgressStore {
  return createStore<HistoryProgressState>()((set, get) => ({
    bySeries: {},
    start: () =>
      client.subscribe('bars.progress', {}, (progress) => {
        set({ bySeries: { ...get().bySeries, [historyKey(progress.source, progress.symbol)]: progress } });
      }),
  }));
}
