import { addDecimal, cleanAmount, subDecimal } from '../../../shared/trading/decimal-steps';
import { formatQty } from '../../../shared/trading/format-amount';
import { FINAL_STATUSES, type OrderStatus } from '../../../shared/trading/order';

/**
 * An order's life as a pure transition function: (where it is, what
 * happened) → where it goes, or a refusal saying why that cannot happen now.
 * The service persists the result before acting on it.
 *
 *   held ──arm──► new ──accept──► accepted ──fill──► partially_filled ──fill──► filled
 *                  │                 │  ▲                  │  ▲
 *                  └─reject─► rejected   cancelRequest / replaceRequest ─► pending_cancel / pending_replace
 *                                        (canceled, cancelRejected, replaced, replaceRejected bring them out)
 *   canceled (held, new and every working state) · expired (new and every working state)
 *
 * - A fill is a fact from the venue: it is taken in `new` (a venue may report
 *   the fill before its acknowledgement), `accepted`, `partially_filled` and
 *   while a cancel or replace is in flight (the race is real); a partial fill
 *   there keeps the pending status. A fill larger than what is left is refused.
 * - A held exit is not at any broker: it is armed (→ new) or canceled outright;
 *   it does not expire on its own (its entry's fate decides).
 * - cancelRejected / replaced / replaceRejected return to `accepted`, or
 *   `partially_filled` when something has filled; `replaced` may carry the new
 *   quantity (not below what has filled).
 * - The final statuses (filled, canceled, rejected, expired) take no event.
 */
export type OrderEvent =
  | { readonly type: 'accept' }
  | { readonly type: 'reject'; readonly reason: string }
  | { readonly type: 'fill'; readonly qty: number; readonly price: number }
  | { readonly type: 'cancelRequest' }
  | { readonly type: 'canceled' }
  | { readonly type: 'cancelRejected' }
  | { readonly type: 'replaceRequest' }
  | { readonly type: 'replaced'; readonly qty?: number }
  | { readonly type: 'replaceRejected' }
  | { readonly type: 'expire' }
  | { readonly type: 'arm' };
export type OrderEventType = OrderEvent['type'];
export const ORDER_EVENT_TYPES: readonly OrderEventType[] = ['accept', 'reject', 'fill', 'cancelRequest', 'canceled', 'cancelRejected', 'replaceRequest', 'replaced', 'replaceRejected', 'expire', 'arm'];

/** What the machine reads of an order. */
export interface OrderProgress {
  readonly status: OrderStatus;
  readonly qty: number;
  readonly filledQty: number;
  readonly avgFillPrice: number | null;
}

export type Transition = ({ readonly ok: true } & OrderProgress) | { readonly ok: false; readonly message: string };

/** Statuses in which an order is at the broker and can still fill. */
export const WORKING_STATUSES: readonly OrderStatus[] = ['new', 'accepted', 'partially_filled', 'pending_cancel', 'pending_replace'];

export function isFinalStatus(status: OrderStatus): boolean {
  return FINAL_STATUSES.includes(status);
}

export function isWorkingStatus(status: OrderStatus): boolean {
  return WORKING_STATUSES.includes(status);
}

/** Not final: working, or held waiting for its entry. */
export function isLiveStatus(status: OrderStatus): boolean {
  return !isFinalStatus(status);
}

const EVENT_WORDS: Record<OrderEventType, string> = {
  accept: 'accept',
  reject: 'reject',
  fill: 'fill',
  cancelRequest: 'cancel',
  canceled: 'confirm the cancel of',
  cancelRejected: 'reject the cancel of',
  replaceRequest: 'replace',
  replaced: 'confirm the replace of',
  replaceRejected: 'reject the replace of',
  expire: 'expire',
  arm: 'arm',
};

function refused(order: OrderProgress, event: OrderEvent, why?: string): Transition {
  const base = `cannot ${EVENT_WORDS[event.type]} an order that is ${order.status.replace('_', ' ')}`;
  return { ok: false, message: why === undefined ? base : `${base}: ${why}` };
}

function to(order: OrderProgress, status: OrderStatus, change: Partial<OrderProgress> = {}): Transition {
  return { ok: true, ...order, ...change, status };
}

/** accepted, or partially_filled once something has filled. */
function working(order: OrderProgress): OrderStatus {
  return order.filledQty > 0 ? 'partially_filled' : 'accepted';
}

function fill(order: OrderProgress, event: { qty: number; price: number }): Transition {
  if (!(Number.isFinite(event.qty) && event.qty > 0)) return { ok: false, message: `a fill needs a positive quantity (got ${String(event.qty)})` };
  if (!(Number.isFinite(event.price) && event.price > 0)) return { ok: false, message: `a fill needs a positive price (got ${String(event.price)})` };
  const left = subDecimal(order.qty, order.filledQty);
  if (event.qty > left) return { ok: false, message: `a fill of ${formatQty(event.qty)} is more than the ${formatQty(left)} left` };
  const filledQty = addDecimal(order.filledQty, event.qty);
  const avgFillPrice = order.avgFillPrice === null ? event.price : cleanAmount((order.avgFillPrice * order.filledQty + event.price * event.qty) / filledQty);
  const complete = filledQty >= order.qty;
  const status: OrderStatus = complete ? 'filled' : order.status === 'pending_cancel' || order.status === 'pending_replace' ? order.status : 'partially_filled';
  return to(order, status, { filledQty, avgFillPrice });
}

/** The next state of `order` after `event`, or a refusal with a plain message. */
export function transition(order: OrderProgress, event: OrderEvent): Transition {
  const s = order.status;
  if (isFinalStatus(s)) return refused(order, event);
  switch (event.type) {
    case 'arm':
      return s === 'held' ? to(order, 'new') : refused(order, event, 'only a held exit is armed');
    case 'accept':
      return s === 'new' ? to(order, 'accepted') : refused(order, event);
    case 'reject':
      return s === 'new' ? to(order, 'rejected') : refused(order, event);
    case 'fill':
      return s === 'held' ? refused(order, event, 'it is not live yet') : fill(order, event);
    case 'cancelRequest':
      if (s === 'held') return refused(order, event, 'a held exit is canceled outright');
      if (s === 'pending_cancel') return refused(order, event, 'a cancel is already in flight');
      return to(order, 'pending_cancel');
    case 'canceled':
      return to(order, 'canceled');
    case 'cancelRejected':
      return s === 'pending_cancel' ? to(order, working(order)) : refused(order, event, 'no cancel is in flight');
    case 'replaceRequest':
      if (s === 'accepted' || s === 'partially_filled') return to(order, 'pending_replace');
      return refused(order, event, s === 'new' ? 'it is not acknowledged yet' : s === 'held' ? 'it is not live yet' : 'a change is already in flight');
    case 'replaced': {
      if (s !== 'pending_replace') return refused(order, event, 'no replace is in flight');
      const qty = event.qty ?? order.qty;
      if (!(Number.isFinite(qty) && qty > order.filledQty)) return refused(order, event, `the new quantity ${formatQty(qty)} is not above the ${formatQty(order.filledQty)} filled`);
      return to(order, working(order), { qty });
    }
    case 'replaceRejected':
      return s === 'pending_replace' ? to(order, working(order)) : refused(order, event, 'no replace is in flight');
    case 'expire':
      return s === 'held' ? refused(order, event, 'a held exit goes with its entry') : to(order, 'expired');
  }
}
