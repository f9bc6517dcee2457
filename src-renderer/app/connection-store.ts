import { createStore, type StoreApi } from 'zustand/vanilla';
import type { ConnectionState } from '../api/connection';
import type { TapedeckClient } from '../api/tapedeck-client';

export interface ConnectionStoreState {
  readonly state: ConnectionState;
  readonly transport: TapedeckClient['transport'];
  /** Follows the client's connection state; returns the function that stops it. */
  readonly start: () => () => void;
}

export type ConnectionStore = StoreApi<ConnectionStoreState>;

export function createConnectionStore(client: TapedeckClient): ConnectionStore {
  return createStore<ConnectionStoreState>()((set) => ({
    state: client.connectionState(),
    transport: client.transport,
    start: () => {
      // The state may have moved between store creation and start.
      set({ state: client.connectionState() });
      return client.onConnectionState((state) => {
        set({ state });
      });
    },
  }));
}
