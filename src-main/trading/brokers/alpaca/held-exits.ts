import type { EpochMs } from '../../../../shared/domain/epoch';
import { resolveExitPrice, type ExitLeg } from '../../../../shared/trading/exit-resolution';
import type { Order } from '../../../../shared/trading/order';
import type { TradedInstrument } from '../../../../shared/trading/traded-instrument';
import { isFinalStatus, transition, type OrderEvent } from '../../orders';

/**
 * The exits Tapedeck holds for an Alpaca entry (an option's take-profit,
 * exits given as distances) follow their entry as the paper broker's do
 * (orders/order-group.ts), pure: once the entry is completely filled — or
 * ends with part of it filled — each is resolved to a price from the
 * entry's average fill and armed for the filled quantity (status new, not
 * yet at Alpaca: the broker persists that, then sends it); an entry that
 * ends unfilled takes them with it. An exit that cannot be resolved is
 * rejected with its reason.
 */
export interface HeldExitsOutcome {
  /** The exits as they now are (armed, rejected or canceled). */
  readonly orders: readonly Order[];
  /** Exits now armed: to be sent to Alpaca once the change is stored. */
  readonly armed: readonly Order[];
  readonly notes: readonly { readonly orderId: string; readonly message: string }[];
}

const LEG: Partial<Record<Order['role'], ExitLeg>> = { take_profit: 'takeProfit', stop_loss: 'stopLoss' };

function step(o: Order, event: OrderEvent, now: EpochMs, change: Partial<Order> = {}): Order {
  const t = transition({ ...o, ...change }, event);
  if (!t.ok) throw new Error(`exit ${o.id}: ${t.message}`);
  return { ...o, ...change, status: t.status, qty: t.qty, filledQty: t.filledQty, avgFillPrice: t.avgFillPrice, updatedAt: now };
}

/** What the entry's state means for its held exits (nothing while it is still working with something left to fill). */
export function settleHeldExits(entry: Order, held: readonly Order[], instrument: TradedInstrument, now: EpochMs): HeldExitsOutcome {
  const waiting = held.filter((x) => x.status === 'held' && x.parentId === entry.id);
  const done = entry.status === 'filled' || isFinalStatus(entry.status);
  if (waiting.length === 0 || !done) return { orders: [], armed: [], notes: [] };
  if (entry.filledQty <= 0 || entry.avgFillPrice === null) {
    return { orders: waiting.map((x) => step(x, { type: 'canceled' }, now)), armed: [], notes: [] };
  }
  const orders: Order[] = [];
  const armed: Order[] = [];
  const notes: { orderId: string; message: string }[] = [];
  for (const x of waiting) {
    const leg = LEG[x.role];
    const spec = leg === undefined ? null : leg === 'takeProfit' ? entry.takeProfit : entry.stopLoss;
    const r = leg === undefined || spec === null ? null : resolveExitPrice(spec, leg, entry.side, entry.avgFillPrice, instrument, { clamp: true });
    if (r === null || !r.ok) {
      const reason = r === null ? 'its entry carries no exit of this kind' : r.message;
      orders.push(step(step(x, { type: 'arm' }, now), { type: 'reject', reason }, now, { rejectReason: reason }));
      notes.push({ orderId: x.id, message: `exit not armed: ${reason}` });
      continue;
    }
    const prices = leg === 'takeProfit' ? { limitPrice: r.value.price } : { stopPrice: r.value.price };
    const next = step(x, { type: 'arm' }, now, { ...prices, qty: entry.filledQty });
    orders.push(next);
    armed.push(next);
    if (r.value.adjusted !== null) notes.push({ orderId: x.id, message: r.value.adjusted });
  }
  return { orders, armed, notes };
}
