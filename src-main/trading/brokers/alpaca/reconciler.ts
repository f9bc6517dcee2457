import type { Order } from '../../../../shared/trading/order';
import { AlpacaApiError } from '../../../market-data/feeds/alpaca/alpaca-errors';
import type { AlpacaSync } from './alpaca-sync';
import type { AlpacaTradingRest } from './trading-rest';
import type { AlpacaOrder } from './trading-wire';

export interface ReconcileOutcome {
  /** Orders whose state Alpaca's answers changed. */
  readonly corrected: number;
  /** Exits armed on a fill that are not at Alpaca yet: the broker sends them (each looked up by its client order id first). */
  readonly toSend: readonly Order[];
  /** Symbols whose quantity differs from Alpaca's. */
  readonly differences: number;
}

/** How many replacements of one order are followed (A replaced by B replaced by C …). */
const MAX_REPLACEMENTS = 8;

/**
 * Brings Tapedeck in line with Alpaca over REST, at start and after every
 * reconnect of trade_updates (whatever changed while the stream was down):
 * 1. Alpaca's open orders (legs nested): each applied; an open order
 *    Tapedeck did not place is adopted, so nothing at Alpaca goes unseen;
 * 2. each of our live orders Alpaca no longer lists as open: fetched by its
 *    id (following replacements) and applied — filled, canceled, expired,
 *    rejected meanwhile;
 * 3. each of ours not confirmed yet (no Alpaca id): looked up by its client
 *    order id; found, it is that order; absent, an entry is marked rejected
 *    (it never reached Alpaca) and an exit Tapedeck armed is sent now;
 * 4. positions compared with Alpaca's (differences audited) and the money.
 * `inFlight` holds client order ids being submitted right now: left alone.
 */
export async function reconcile(rest: AlpacaTradingRest, sync: AlpacaSync, inFlight: ReadonlySet<string>): Promise<ReconcileOutcome> {
  let corrected = 0;
  const toSend: Order[] = [];
  const seen = new Set<string>();
  const take = (theirs: AlpacaOrder, adopt: boolean): void => {
    seen.add(theirs.id);
    for (const leg of theirs.legs) seen.add(leg.id);
    const r = sync.apply(theirs, null, adopt);
    if (r.changed) corrected++;
    toSend.push(...r.armed);
  };

  for (const theirs of await rest.orders('open')) take(theirs, true);

  for (const ours of sync.book.live()) {
    if (ours.brokerOrderId === null || seen.has(ours.brokerOrderId)) continue;
    let id: string | null = ours.brokerOrderId;
    for (let hops = 0; id !== null && hops < MAX_REPLACEMENTS; hops++) {
      let theirs: AlpacaOrder;
      try {
        theirs = await rest.order(id);
      } catch (err) {
        if (err instanceof AlpacaApiError && err.status === 404) break;
        throw err;
      }
      take(theirs, false);
      id = theirs.status === 'replaced' ? theirs.replacedBy : null;
    }
  }

  for (const ours of sync.book.live()) {
    if (ours.brokerOrderId !== null || ours.status !== 'new' || inFlight.has(ours.clientOrderId)) continue;
    const theirs = await rest.orderByClientId(ours.clientOrderId);
    if (theirs !== null) {
      take(theirs, false);
      continue;
    }
    const current = sync.book.get(ours.id) ?? ours;
    if (current.brokerOrderId !== null || current.status !== 'new') continue;
    if (current.role === 'entry' || current.role === 'oco_leg') {
      if (sync.reject(current.id, 'not at Alpaca: Tapedeck could not confirm it was placed, and Alpaca has no order with its client order id')) corrected++;
    } else {
      toSend.push(current);
    }
  }

  const differences = sync.setHoldings(await rest.positions()).length;
  sync.setFunds(await rest.account());
  return { corrected, toSend, differences };
}
