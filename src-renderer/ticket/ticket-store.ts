import { createStore, type StoreApi } from 'zustand/vanilla';
import type { ContractError } from '../../shared/contract';
import type { Order, OrderRequest } from '../../shared/trading/order';
import type { TicketSettings } from '../../shared/trading/ticket-settings';
import type { SettingsStore } from '../settings/settings-store';
import { freshDraft, type ExitDraft, type TicketDraft } from './ticket-draft';

/** Where an order was asked for. */
export type OrderOrigin = 'ticket' | 'chart' | 'watchlist' | 'hotkey';

/** An order waiting for the trader's confirmation (settings.ticket.confirm). */
export interface PendingOrder {
  readonly request: OrderRequest;
  readonly summary: string;
  readonly origin: OrderOrigin;
}

export interface TicketState {
  readonly draft: TicketDraft;
  readonly sending: boolean;
  /** The last refusal (its `path` names the ticket field, `params.<field>`); cleared by an edit or the next send. */
  readonly error: ContractError | null;
  readonly errorOrigin: OrderOrigin | null;
  /** The last order placed from this window. */
  readonly lastOrder: Order | null;
  readonly pending: PendingOrder | null;
  readonly edit: (patch: Partial<TicketDraft>) => void;
  readonly editExit: (leg: 'takeProfit' | 'stopLoss', patch: Partial<ExitDraft>) => void;
  readonly setPending: (pending: PendingOrder | null) => void;
  readonly sendStarted: () => void;
  readonly sendEnded: (result: { readonly order: Order } | { readonly error: ContractError }, origin: OrderOrigin) => void;
  readonly dismissError: () => void;
  /** Takes the exits of settings.ticket now and whenever they change; returns the stop function. */
  readonly start: () => () => void;
}

export type TicketStore = StoreApi<TicketState>;

const NO_TICKET: TicketSettings = { defaultQty: { crypto: 0.001, equity: 1, fx: 1000, option: 1 }, takeProfit: null, stopLoss: null, confirm: false };

/** The ticket settings now (their defaults until the settings are read). */
export function ticketSettingsOf(settings: SettingsStore): TicketSettings {
  return settings.getState().settings?.ticket ?? NO_TICKET;
}

/** The order ticket's working copy and what happened to its last order. */
export function createTicketStore(settings: SettingsStore): TicketStore {
  const initial = ticketSettingsOf(settings);
  return createStore<TicketState>()((set, get) => ({
    draft: freshDraft(initial.takeProfit, initial.stopLoss),
    sending: false,
    error: null,
    errorOrigin: null,
    lastOrder: null,
    pending: null,
    edit: (patch) => {
      set({ draft: { ...get().draft, ...patch }, error: null, errorOrigin: null });
    },
    editExit: (leg, patch) => {
      const draft = get().draft;
      set({ draft: { ...draft, [leg]: { ...draft[leg], ...patch } }, error: null, errorOrigin: null });
    },
    setPending: (pending) => {
      set({ pending });
    },
    sendStarted: () => {
      set({ sending: true, error: null, errorOrigin: null, pending: null });
    },
    sendEnded: (result, origin) => {
      if ('order' in result) set({ sending: false, lastOrder: result.order, error: null, errorOrigin: null });
      else set({ sending: false, error: result.error, errorOrigin: origin });
    },
    dismissError: () => {
      set({ error: null, errorOrigin: null });
    },
    start: () => {
      let seen = settings.getState().settings?.ticket ?? null;
      const adopt = (ticket: TicketSettings | null): void => {
        if (ticket === null || ticket === seen) return;
        const before = seen;
        seen = ticket;
        if (before !== null && JSON.stringify([before.takeProfit, before.stopLoss]) === JSON.stringify([ticket.takeProfit, ticket.stopLoss])) return;
        const fresh = freshDraft(ticket.takeProfit, ticket.stopLoss);
        set({ draft: { ...get().draft, takeProfit: fresh.takeProfit, stopLoss: fresh.stopLoss } });
      };
      if (seen !== null) {
        const fresh = freshDraft(seen.takeProfit, seen.stopLoss);
        set({ draft: { ...get().draft, takeProfit: fresh.takeProfit, stopLoss: fresh.stopLoss } });
      }
      return settings.subscribe((s) => {
        adopt(s.settings?.ticket ?? null);
      });
    },
  }));
}
