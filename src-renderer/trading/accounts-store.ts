import { createStore, type StoreApi } from 'zustand/vanilla';
import type { ContractError } from '../../shared/contract';
import type { KillSwitchState } from '../../shared/contract/trading-contract';
import type { Account, RiskSettings } from '../../shared/trading/account';
import type { TapedeckClient } from '../api/tapedeck-client';
import { toContractError } from '../app/to-contract-error';

export interface AccountsState {
  readonly accounts: readonly Account[];
  /** The account the ticket sends to; null until the first `accounts.updates`. */
  readonly activeId: string | null;
  readonly killSwitch: KillSwitchState | null;
  /** A call in flight (select, create, reset, kill switch). */
  readonly busy: boolean;
  /** Why the last account or kill-switch call was refused (cleared by the next one). */
  readonly error: ContractError | null;
  /** Follows `accounts.updates`; returns the function that stops it. */
  readonly start: () => () => void;
  /** Each resolves null once done, else why the core refused (also kept in `error`). */
  readonly select: (id: string) => Promise<ContractError | null>;
  readonly create: (name: string, startingCash: number) => Promise<ContractError | null>;
  readonly reset: (id: string) => Promise<ContractError | null>;
  /** Changes an account's risk limits (all of the patch or none; `accounts.updates` brings the account back). */
  readonly setRisk: (id: string, patch: Partial<RiskSettings>) => Promise<ContractError | null>;
  readonly setKillSwitch: (engage: boolean) => Promise<ContractError | null>;
  readonly clearError: () => void;
}

export type AccountsStore = StoreApi<AccountsState>;

/** The active account of the ticket. */
export function activeAccount(state: Pick<AccountsState, 'accounts' | 'activeId'>): Account | null {
  return state.accounts.find((a) => a.id === state.activeId) ?? null;
}

/** The paper accounts, which one is active and the kill switch, as `accounts.updates` tells them. */
export function createAccountsStore(client: Pick<TapedeckClient, 'call' | 'subscribe'>): AccountsStore {
  return createStore<AccountsState>()((set) => {
    const run = async (call: () => Promise<unknown>): Promise<ContractError | null> => {
      set({ busy: true, error: null });
      try {
        await call();
        set({ busy: false });
        return null;
      } catch (reason: unknown) {
        const error = toContractError(reason);
        set({ busy: false, error });
        return error;
      }
    };
    return {
      accounts: [],
      activeId: null,
      killSwitch: null,
      busy: false,
      error: null,
      start: () =>
        client.subscribe('accounts.updates', {}, ({ accounts, activeId, killSwitch }) => {
          set({ accounts, activeId, killSwitch });
        }),
      select: (id) =>
        run(async () => {
          const account = await client.call('accounts.select', { id });
          set({ activeId: account.id });
        }),
      create: (name, startingCash) =>
        run(async () => {
          const account = await client.call('accounts.create', { name, startingCash });
          await client.call('accounts.select', { id: account.id });
          set({ activeId: account.id });
        }),
      reset: (id) => run(() => client.call('accounts.reset', { id })),
      setRisk: (id, patch) => run(() => client.call('risk.set', { accountId: id, patch })),
      setKillSwitch: (engage) =>
        run(async () => {
          const killSwitch = await client.call('risk.killSwitch', { engage });
          set({ killSwitch });
        }),
      clearError: () => {
        set({ error: null });
      },
    };
  });
}
