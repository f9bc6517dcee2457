import { createStore, type StoreApi } from 'zustand/vanilla';
import type { ContractError } from '../../shared/contract';
import type { SymbolId } from '../../shared/domain/symbol';
import { chainRowSchema, type ChainRow } from '../../shared/options/wire/chain-row';
import type { ChainSnapshot, ExpirationInfo } from '../../shared/options/wire/chain-snapshot';
import type { Side } from '../../shared/trading/order';
import type { TapedeckClient } from '../api/tapedeck-client';
import { createFrameFlush, type FrameScheduler } from '../app/frame-flush';
import { toContractError } from '../app/to-contract-error';
import { DEFAULT_CHAIN_VIEW, limitAtMid, type ChainView } from './chain-view';

/** A contract picked off the chain for the option ticket: a click on its ask buys, on its bid sells, at that price. */
export interface OptionSelection {
  readonly symbol: SymbolId;
  readonly side: Side;
  readonly price: number;
  /** Its chain row when picked (the ticket follows the live one while the chain shows it). */
  readonly row: ChainRow;
}

export interface OptionsState {
  /** The chain's source: 'alpaca' for an underlying charted from Alpaca, else 'sim' (chain-source.ts). */
  readonly source: string;
  readonly underlying: SymbolId | null;
  readonly expirations: readonly ExpirationInfo[] | null;
  readonly expiry: string | null;
  /** The shown expiration's chain, live (options.chainUpdates). */
  readonly snapshot: ChainSnapshot | null;
  readonly error: ContractError | null;
  /** Bumped each time the chain is asked to be shown (the bottom panel brings the Options tab forward). */
  readonly reveals: number;
  readonly selection: OptionSelection | null;
  /** Columns, strikes around the money and filters of the chain table. */
  readonly view: ChainView;
  /** When (this window's clock) the shown snapshot arrived: the chain is flagged stale when updates stop. */
  readonly receivedAt: number | null;
  /** The last "calls" / "puts" pick refused (no contract matches the rule). */
  readonly pickError: ContractError | null;
  /** The trader's rule for "calls" / "puts" (the Calls / Puts buttons and Alt+C / Alt+P). */
  readonly pickRule: PickRule;
  readonly setPickRule: (rule: PickRule) => void;
  /** Shows the chain of `underlying` from `source` (default: the shown one) — its expirations, then the nearest one live; `reveal` brings the tab forward. */
  readonly open: (underlying: string, reveal?: boolean, source?: string) => void;
  readonly selectExpiry: (expiry: string) => void;
  readonly select: (selection: OptionSelection | null) => void;
  readonly setView: (change: Partial<ChainView>) => void;
  /** "Calls" or "puts" on the shown underlying by the trader's rule (options.pick): shows its expiration and fills the ticket at the mid. */
  readonly pick: (side: 'calls' | 'puts', rule?: PickRule) => Promise<void>;
  /** Follows the shown expiration live again (the tab is shown). */
  readonly resume: () => void;
  /** Stops the live chain (the tab was closed). */
  readonly stop: () => void;
}

export type OptionsStore = StoreApi<OptionsState>;

/** The trader's rule from a direction to a contract: the nearest expiration at least minDays out, the strike nearest a |delta|. */
export interface PickRule {
  readonly minDays: number;
  readonly delta: number;
}

/** The swing traders' default: the expiration at least 30 days out ("because of theta"), the at-the-money delta. */
export const DEFAULT_PICK_RULE: PickRule = { minDays: 30, delta: 0.5 };

/** Which expiration to show from a fresh list: the one shown before if still listed, else the nearest. */
export function defaultExpiry(list: readonly ExpirationInfo[], before: string | null): string | null {
  if (before !== null && list.some((e) => e.expiry === before)) return before;
  return list[0]?.expiry ?? null;
}

/** The options chain view of one window: which underlying and expiration, the live snapshot, and the contract picked for the ticket. */
export function createOptionsStore(client: Pick<TapedeckClient, 'call' | 'subscribe'>, frames?: FrameScheduler, wallNow: () => number = Date.now): OptionsStore {
  let stopChain: (() => void) | null = null;
  let latest: ChainSnapshot | null = null;
  let loads = 0;
  return createStore<OptionsState>()((set, get) => {
    const flush = createFrameFlush(() => {
      set({ snapshot: latest, receivedAt: wallNow() });
    }, frames);

    const follow = (): void => {
      stopChain?.();
      stopChain = null;
      latest = null;
      flush.cancel();
      const { source, underlying, expiry, view } = get();
      set({ snapshot: null, receivedAt: null });
      if (underlying === null || expiry === null) return;
      stopChain = client.subscribe('options.chainUpdates', { source, underlying, expiry, ...(view.strikes === null ? {} : { strikesAround: view.strikes }) }, (s) => {
        latest = s;
        flush.schedule();
      });
    };

    return {
      source: 'sim',
      underlying: null,
      expirations: null,
      expiry: null,
      snapshot: null,
      error: null,
      reveals: 0,
      selection: null,
      view: DEFAULT_CHAIN_VIEW,
      receivedAt: null,
      pickError: null,
      pickRule: DEFAULT_PICK_RULE,
      setPickRule: (pickRule) => {
        set({ pickRule });
      },
      open: (raw, reveal = false, given) => {
        const underlying = raw.trim().toUpperCase() as SymbolId;
        const source = given ?? get().source;
        if (reveal) set({ reveals: get().reveals + 1 });
        if (underlying === get().underlying && source === get().source && get().error === null && get().expirations !== null) return;
        const load = ++loads;
        set({ source, underlying, expirations: null, snapshot: null, error: null, selection: null, pickError: null });
        stopChain?.();
        stopChain = null;
        client
          .call('options.expirations', { source: get().source, underlying })
          .then((r) => {
            if (load !== loads) return;
            set({ expirations: r.expirations, expiry: defaultExpiry(r.expirations, get().expiry) });
            follow();
          })
          .catch((reason: unknown) => {
            if (load === loads) set({ error: toContractError(reason) });
          });
      },
      selectExpiry: (expiry) => {
        if (expiry === get().expiry) return;
        set({ expiry });
        follow();
      },
      select: (selection) => {
        set({ selection });
      },
      setView: (change) => {
        const before = get().view;
        set({ view: { ...before, ...change } });
        if (change.strikes !== undefined && change.strikes !== before.strikes && stopChain !== null) follow();
      },
      pick: async (side, given) => {
        const { source, underlying, pickRule } = get();
        const rule = given ?? pickRule;
        if (underlying === null) return;
        set({ pickError: null });
        try {
          const q = await client.call('options.pick', { source, underlying, side, minDays: rule.minDays, strike: { kind: 'delta', target: rule.delta } });
          if (get().underlying !== underlying) return;
          // The contract's chain row (the quote's extra fields stripped).
          const row = chainRowSchema.parse(q);
          if (get().expiry !== q.expiry) {
            set({ expiry: q.expiry });
            follow();
          }
          set({ selection: { symbol: q.symbol, side: 'buy', price: limitAtMid(row), row } });
        } catch (reason: unknown) {
          set({ pickError: toContractError(reason) });
        }
      },
      resume: () => {
        if (stopChain === null) follow();
      },
      stop: () => {
        stopChain?.();
        stopChain = null;
        flush.cancel();
      },
    };
  });
}
