import type { Order } from '../../../shared/trading/order';
import { formatQty } from '../../../shared/trading/format-amount';
import { transition } from '../orders/order-machine';
import { keyOf, type PaperDraft } from './paper-draft';
import type { LiveOrder } from './paper-state';

/** What a replace may change. */
export interface ReplaceChange {
  readonly qty?: number;
  readonly limitPrice?: number;
  readonly stopPrice?: number;
}

/**
 * A replace at the paper broker: pending_replace, then replaced with the new
 * quantity/prices at once (two transitions, two effects). The order is sent
 * again: latency from `now`, it arrives anew, a stop-limit whose stop moved
 * is no longer triggered. A price the order type does not have, or a
 * quantity not above what has filled, is refused.
 */
export function replaceInDraft(d: PaperDraft, lo: LiveOrder, change: ReplaceChange, now: number): ({ ok: true; order: Order }) | { ok: false; field: string; message: string } {
  const o = lo.order;
  const hasLimit = o.type === 'limit' || o.type === 'stop_limit';
  const hasStop = o.type === 'stop' || o.type === 'stop_limit';
  if (change.limitPrice !== undefined && !hasLimit) return { ok: false, field: 'limitPrice', message: `a ${o.type} order has no limitPrice` };
  if (change.stopPrice !== undefined && !hasStop) return { ok: false, field: 'stopPrice', message: `a ${o.type} order has no stopPrice` };
  const qty = change.qty ?? o.qty;
  if (qty <= o.filledQty) return { ok: false, field: 'qty', message: `qty ${formatQty(qty)} is not above the ${formatQty(o.filledQty)} already filled` };
  const pending = transition(o, { type: 'replaceRequest' });
  if (!pending.ok) return { ok: false, field: 'id', message: pending.message };
  const first: Order = { ...o, status: pending.status, updatedAt: now as Order['updatedAt'] };
  const done = transition(first, { type: 'replaced', qty });
  if (!done.ok) return { ok: false, field: 'qty', message: done.message };
  const order: Order = {
    ...first,
    status: done.status,
    qty: done.qty,
    limitPrice: change.limitPrice ?? o.limitPrice,
    stopPrice: change.stopPrice ?? o.stopPrice,
  };
  d.adopt(keyOf(o), [{ kind: 'update', order: first }, { kind: 'update', order }], now);
  const latency = o.role === 'entry' || o.role === 'oco_leg' ? d.latencyMs : 0;
  d.patch(o.id, {
    submittedAt: now,
    eligibleAt: now + latency,
    sinceEvent: d.eventSeq - 1,
    met: false,
    triggered: change.stopPrice !== undefined && change.stopPrice !== o.stopPrice ? false : lo.triggered,
  });
  return { ok: true, order };
}
