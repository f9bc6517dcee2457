import type { EpochMs } from '../../../shared/domain/epoch';
import type { Order } from '../../../shared/trading/order';
import type { TradedInstrument } from '../../../shared/trading/traded-instrument';

/** What the group logic needs besides the orders: the instant (market clock) and the instrument (its tick for exits). */
export interface GroupContext {
  readonly now: EpochMs;
  readonly instrument: TradedInstrument;
}

/**
 * What the service does with a group's change, in this order, each persisted
 * before it is acted on:
 * - update: store the order as it now is (created, or status/qty/prices changed);
 * - place: send it to the broker (a new entry, an OCO leg, an exit just armed);
 * - cancel: ask the broker to cancel it (it is pending_cancel until confirmed);
 * - resize: ask the broker to change its quantity (an OCO sibling after a partial fill; already updated);
 * - note: a line for the audit log (an exit moved onto the right side of the fill, an exit that could not be armed).
 */
export type GroupEffect =
  | { readonly kind: 'update'; readonly order: Order }
  | { readonly kind: 'place'; readonly orderId: string }
  | { readonly kind: 'cancel'; readonly orderId: string }
  | { readonly kind: 'resize'; readonly orderId: string; readonly qty: number }
  | { readonly kind: 'note'; readonly orderId: string; readonly message: string };

export interface GroupResult {
  /** The orders given, changed where the event changed them (same order; new ones appended). */
  readonly orders: readonly Order[];
  readonly effects: readonly GroupEffect[];
}

export type GroupOutcome = ({ readonly ok: true } & GroupResult) | { readonly ok: false; readonly orderId: string; readonly message: string };

/**
 * What happened to a group:
 * - accepted / rejected: the broker's answer to a placed order;
 * - fill: a fill of `qty` at `price` (the broker's or the paper fill model's);
 * - cancel: the trader (or a rule) asks to cancel an order — with its group;
 * - canceled / expired: the broker says the order is done (confirmed cancel, an IOC remainder, the day's end);
 * - kill: the kill switch — cancel every live order of the set, held exits included.
 */
export type GroupEvent =
  | { readonly kind: 'accepted'; readonly orderId: string }
  | { readonly kind: 'rejected'; readonly orderId: string; readonly reason: string }
  | { readonly kind: 'fill'; readonly orderId: string; readonly qty: number; readonly price: number }
  | { readonly kind: 'cancel'; readonly orderId: string }
  | { readonly kind: 'canceled'; readonly orderId: string }
  | { readonly kind: 'expired'; readonly orderId: string }
  | { readonly kind: 'kill' };
