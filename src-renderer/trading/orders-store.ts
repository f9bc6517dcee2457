import { createStore, type StoreApi } from 'zustand/vanilla';
import { FINAL_STATUSES, type Order } from '../../shared/trading/order';
import type { TapedeckClient } from '../api/tapedeck-client';

export interface OrdersState {
  /** Every live order (working, and exits held until their entry fills) of every account, by id. */
  readonly live: Readonly<Record<string, Order>>;
  /** Follows `orders.updates`; returns the function that stops it. */
  readonly start: () => () => void;
}

export type OrdersStore = StoreApi<OrdersState>;

const FINAL: ReadonlySet<string> = new Set(FINAL_STATUSES);

export function isFinal(order: Pick<Order, 'status'>): boolean {
  return FINAL.has(order.status);
}

/** The account's live orders, newest first (held exits included). */
export function liveOrdersOf(live: Readonly<Record<string, Order>>, accountId: string | null): Order[] {
  if (accountId === null) return [];
  return Object.values(live)
    .filter((o) => o.accountId === accountId)
    .sort((a, b) => b.createdAt - a.createdAt || b.id.localeCompare(a.id));
}

/** The order Esc cancels: the account's newest order working at the broker (not an exit still held). */
export function lastWorkingOrder(live: Readonly<Record<string, Order>>, accountId: string | null): Order | null {
  return liveOrdersOf(live, accountId).find((o) => o.status !== 'held') ?? null;
}

/**
 * The live orders, as `orders.updates` tells them (working orders first,
 * then every change); an order that ends leaves. When the connection drops
 * the list is forgotten: the subscription opened again starts with the
 * working orders as they are then.
 */
export function createOrdersStore(client: Pick<TapedeckClient, 'subscribe' | 'onConnectionState'>): OrdersStore {
  return createStore<OrdersState>()((set, get) => ({
    live: {},
    start: () => {
      const stopOrders = client.subscribe('orders.updates', {}, (order) => {
        const before = get().live;
        if (!isFinal(order)) set({ live: { ...before, [order.id]: order } });
        else if (order.id in before) set({ live: Object.fromEntries(Object.entries(before).filter(([id]) => id !== order.id)) });
      });
      const stopState = client.onConnectionState((state) => {
        if (state === 'open') set({ live: {} });
      });
      return () => {
        stopOrders();
        stopState();
      };
    },
  }));
}
