import { createStore, type StoreApi } from 'zustand/vanilla';
import type { ContractError } from '../../shared/contract';
import type { Execution } from '../../shared/trading/execution';
import type { TapedeckClient } from '../api/tapedeck-client';
import { toContractError } from '../app/to-contract-error';
import type { AccountsStore } from './accounts-store';

/** Fills kept for the active account (the history table, the chart's markers). */
export const FILLS_KEPT = 500;

export interface FillsState {
  /** The account these fills are of; null before an account is active. */
  readonly accountId: string | null;
  /** Newest first. */
  readonly fills: readonly Execution[];
  readonly error: ContractError | null;
  /** Follows the active account: reads its fills, then adds each new one; returns the stop function. */
  readonly start: () => () => void;
}

export type FillsStore = StoreApi<FillsState>;

/** Adds `fill` to a newest-first list (once, by id), keeping FILLS_KEPT. */
export function withFill(fills: readonly Execution[], fill: Execution): readonly Execution[] {
  if (fills.some((f) => f.id === fill.id)) return fills;
  const next = [fill, ...fills];
  next.sort((a, b) => b.time - a.time);
  return next.slice(0, FILLS_KEPT);
}

/** The active account's fills: `fills.list` when it becomes active, then `fills.updates`. */
export function createFillsStore(client: Pick<TapedeckClient, 'call' | 'subscribe'>, accounts: AccountsStore): FillsStore {
  return createStore<FillsState>()((set, get) => ({
    accountId: null,
    fills: [],
    error: null,
    start: () => {
      let request = 0;
      const load = (accountId: string | null): void => {
        const mine = ++request;
        set({ accountId, fills: [], error: null });
        if (accountId === null) return;
        client.call('fills.list', { accountId, limit: FILLS_KEPT }).then(
          (listed) => {
            if (mine !== request) return;
            // Fills that arrived while the list was read are kept.
            let fills: readonly Execution[] = listed;
            for (const f of get().fills) fills = withFill(fills, f);
            set({ fills });
          },
          (reason: unknown) => {
            if (mine === request) set({ error: toContractError(reason) });
          },
        );
      };
      const stopFills = client.subscribe('fills.updates', {}, (fill) => {
        if (fill.accountId !== get().accountId) return;
        set({ fills: withFill(get().fills, fill) });
      });
      load(accounts.getState().activeId);
      const stopAccounts = accounts.subscribe((s, prev) => {
        if (s.activeId !== prev.activeId) load(s.activeId);
      });
      return () => {
        request += 1;
        stopFills();
        stopAccounts();
      };
    },
  }));
}

