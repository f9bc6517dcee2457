import { createStore, type StoreApi } from 'zustand/vanilla';
import type { AppHealth } from '../../shared/contract';
import type { TapedeckClient } from '../api/tapedeck-client';

export interface HealthState {
  /** The latest pushed health snapshot, or null until the first one arrives. */
  readonly health: AppHealth | null;
  /** Local wall-clock time (ms) the latest snapshot was received. */
  readonly receivedAt: number | null;
  /** Sequence number of the latest snapshot on its subscription. */
  readonly seq: number;
  /** Subscribes to the live `app.health` event; returns the function that stops it. */
  readonly start: () => () => void;
}

export type HealthStore = StoreApi<HealthState>;

export function createHealthStore(client: TapedeckClient, now: () => number = Date.now): HealthStore {
  return createStore<HealthState>()((set) => ({
    health: null,
    receivedAt: null,
    seq: 0,
    start: () =>
      client.subscribe('app.health', {}, (health, seq) => {
        set({ health, seq, receivedAt: now() });
      }),
  }));
}
