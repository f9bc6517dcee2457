import { createStore, type StoreApi } from 'zustand/vanilla';
import type { Position } from '../../shared/trading/position';
import type { TapedeckClient } from '../api/tapedeck-client';

export interface PositionsState {
  /** Each account's positions since its last reset (open ones first, then closed), as `positions.updates` last told them. */
  readonly byAccount: Readonly<Record<string, readonly Position[]>>;
  readonly start: () => () => void;
}

export type PositionsStore = StoreApi<PositionsState>;

const NONE: readonly Position[] = [];

export function positionsOf(byAccount: Readonly<Record<string, readonly Position[]>>, accountId: string | null): readonly Position[] {
  return accountId === null ? NONE : (byAccount[accountId] ?? NONE);
}

/** Positions per account: `positions.updates` sends an account's whole list after every change. */
export function createPositionsStore(client: Pick<TapedeckClient, 'subscribe'>): PositionsStore {
  return createStore<PositionsState>()((set, get) => ({
    byAccount: {},
    start: () =>
      client.subscribe('positions.updates', {}, ({ accountId, positions }) => {
        set({ byAccount: { ...get().byAccount, [accountId]: positions } });
      }),
  }));
}
