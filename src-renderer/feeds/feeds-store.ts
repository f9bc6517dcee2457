import { createStore, type StoreApi } from 'zustand/vanilla';
import type { ContractError, FeedInfo } from '../../shared/contract';
import type { TapedeckClient } from '../api/tapedeck-client';
import type { HealthStore } from '../app/health-store';
import { toContractError } from '../app/to-contract-error';

export interface FeedsState {
  /** `feeds.list`: every feed with its instruments; null until read. */
  readonly feeds: readonly FeedInfo[] | null;
  readonly error: ContractError | null;
  /** Reads `feeds.list`; never rejects. */
  readonly load: () => Promise<void>;
  /** Reads the list now and again whenever a feed joins, leaves or changes status in `app.health`. */
  readonly start: () => () => void;
}

export type FeedsStore = StoreApi<FeedsState>;

/** The feeds and their statuses (not message ages, which change every second). */
const feedKey = (health: HealthStore): string =>
  health.getState().health?.feeds.map((f) => `${f.id}:${f.status}`).join(',') ?? '';

export function createFeedsStore(client: TapedeckClient, health: HealthStore): FeedsStore {
  let latest = 0;
  return createStore<FeedsState>()((set, get) => ({
    feeds: null,
    error: null,
    load: async () => {
      const request = ++latest;
      try {
        const feeds = await client.call('feeds.list', {});
        if (request === latest) set({ feeds, error: null });
      } catch (reason: unknown) {
        if (request === latest) set({ error: toContractError(reason) });
      }
    },
    start: () => {
      let key = feedKey(health);
      void get().load();
      return health.subscribe(() => {
        const next = feedKey(health);
        if (next === key) return;
        key = next;
        void get().load();
      });
    },
  }));
}
