import type { AccountsStore } from './accounts-store';
import { liveOrdersOf, type OrdersStore } from './orders-store';
import { positionsOf, type PositionsStore } from './positions-store';
import type { QuoteBook } from './quote-book';
import { instrumentKey } from './quote-key';

/**
 * Keeps the quotes of the active account's open positions and working
 * orders followed (the matrix, the P&L, the equity on the account chip),
 * whichever panel is open. Returns the function that stops it.
 */
export function followPositionQuotes(accounts: AccountsStore, positions: PositionsStore, orders: OrdersStore, quotes: QuoteBook): () => void {
  const watching = new Map<string, () => void>();
  const follow = (): void => {
    const activeId = accounts.getState().activeId;
    const wanted = new Map<string, { source: string; symbol: string }>();
    for (const p of positionsOf(positions.getState().byAccount, activeId)) if (p.qty !== 0) wanted.set(instrumentKey(p.source, p.symbol), p);
    for (const o of liveOrdersOf(orders.getState().live, activeId)) wanted.set(instrumentKey(o.source, o.symbol), o);
    for (const [key, stop] of [...watching]) {
      if (wanted.has(key)) continue;
      stop();
      watching.delete(key);
    }
    for (const [key, { source, symbol }] of wanted) if (!watching.has(key)) watching.set(key, quotes.getState().watch(source, symbol));
  };
  follow();
  const stops = [
    accounts.subscribe((s, p) => {
      if (s.activeId !== p.activeId) follow();
    }),
    positions.subscribe(follow),
    orders.subscribe(follow),
  ];
  return () => {
    for (const stop of stops) stop();
    for (const stop of watching.values()) stop();
    watching.clear();
  };
}
