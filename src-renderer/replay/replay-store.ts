import { createStore, type StoreApi } from 'zustand/vanilla';
import type { ContractError, ParamsIn, ReplayState } from '../../shared/contract';
import type { TapedeckClient } from '../api/tapedeck-client';
import { toContractError } from '../app/to-contract-error';

/** One thing the user asks the replay to do. */
export type ReplayAction =
  | { readonly kind: 'start'; readonly params: ParamsIn<'replay.start'> }
  | { readonly kind: 'pause' }
  | { readonly kind: 'resume' }
  | { readonly kind: 'step' }
  | { readonly kind: 'seek'; readonly time: number }
  | { readonly kind: 'setSpeed'; readonly speed: number }
  | { readonly kind: 'stop' };

export interface ReplayStoreState {
  /** The replay state as last reported (pushed or answered); null until known. */
  readonly replay: ReplayState | null;
  /** Why the last action (or the first read) failed; cleared by the next action. */
  readonly error: ContractError | null;
  readonly busy: boolean;
  /** Follows `replay.changed` (after a `replay.state` read); returns the function that stops it. */
  readonly start: () => () => void;
  /** Sends one action; never rejects (a refusal lands in `error`). */
  readonly run: (action: ReplayAction) => Promise<void>;
  /** Shows an error found before calling the core (e.g. an unreadable date). */
  readonly fail: (error: ContractError) => void;
}

export type ReplayStore = StoreApi<ReplayStoreState>;

function send(client: Pick<TapedeckClient, 'call'>, action: ReplayAction): Promise<ReplayState> {
  switch (action.kind) {
    case 'start':
      return client.call('replay.start', action.params);
    case 'pause':
      return client.call('replay.pause', {});
    case 'resume':
      return client.call('replay.resume', {});
    case 'step':
      return client.call('replay.step', {});
    case 'seek':
      return client.call('replay.seek', { time: action.time });
    case 'setSpeed':
      return client.call('replay.setSpeed', { speed: action.speed });
    case 'stop':
      return client.call('replay.stop', {});
  }
}

export function createReplayStore(client: Pick<TapedeckClient, 'call' | 'subscribe'>): ReplayStore {
  return createStore<ReplayStoreState>()((set) => ({
    replay: null,
    error: null,
    busy: false,
    start: () => {
      let stopped = false;
      let pushed = false;
      const unsubscribe = client.subscribe('replay.changed', {}, (replay) => {
        pushed = true;
        set({ replay });
      });
      client.call('replay.state', {}).then(
        (replay) => {
          if (!stopped && !pushed) set({ replay });
        },
        (reason: unknown) => {
          if (!stopped && !pushed) set({ error: toContractError(reason) });
        },
      );
      return () => {
        stopped = true;
        unsubscribe();
      };
    },
    run: async (action) => {
      set({ busy: true, error: null });
      try {
        const replay = await send(client, action);
        set({ replay, busy: false });
      } catch (reason: unknown) {
        set({ busy: false, error: toContractError(reason) });
      }
    },
    fail: (error) => {
      set({ error });
    },
  }));
}
