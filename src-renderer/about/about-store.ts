import { createStore, type StoreApi } from 'zustand/vanilla';
import type { AppHealth, AppInfo, ContractError } from '../../shared/contract';
import type { TapedeckClient } from '../api/tapedeck-client';
import { toContractError } from '../app/to-contract-error';

export interface AboutState {
  readonly info: AppInfo | null;
  readonly health: AppHealth | null;
  readonly loading: boolean;
  readonly error: ContractError | null;
  /** Local wall-clock time (ms) of the last successful refresh. */
  readonly fetchedAt: number | null;
  /** Asks the core for `app.info` and a fresh `app.health`; never rejects. */
  readonly refresh: () => Promise<void>;
}

export type AboutStore = StoreApi<AboutState>;

export function createAboutStore(client: TapedeckClient, now: () => number = Date.now): AboutStore {
  let latest = 0;
  return createStore<AboutState>()((set) => ({
    info: null,
    health: null,
    loading: false,
    error: null,
    fetchedAt: null,
    refresh: async () => {
      const request = ++latest;
      set({ loading: true, error: null });
      try {
        const [info, health] = await Promise.all([client.call('app.info', {}), client.call('app.health', {})]);
        if (request === latest) set({ info, health, loading: false, fetchedAt: now() });
      } catch (reason: unknown) {
        // A newer refresh owns the state; an older failure must not clobber it.
        if (request === latest) set({ loading: false, error: toContractError(reason) });
      }
    },
  }));
}
