import { resolveExitPrice, type ExitLeg } from '../../../shared/trading/exit-resolution';
import type { Order } from '../../../shared/trading/order';
import { addDecimal, subDecimal } from '../../../shared/trading/decimal-steps';
import { isFinalStatus, isWorkingStatus, transition, type OrderEvent } from './order-machine';
import type { GroupContext, GroupEffect, GroupEvent, GroupOutcome } from './order-group-types';

/**
 * The rules that tie an entry, its exits and OCO legs together (one account
 * and symbol), as a pure reducer: orders + event → new orders + effects.
 * Following Alpaca's bracket rules (PROTOCOLS.md):
 * - exits are held until the entry is COMPLETELY filled; then each is
 *   resolved to a price from the entry's average fill (exit-resolution.ts,
 *   clamped to the first tick beyond the fill if a price ended up on the
 *   wrong side) and armed for the filled quantity;
 * - an entry that ends partly filled (canceled, expired, an IOC remainder)
 *   arms its exits for the quantity that did fill; one that ends unfilled
 *   (or rejected) cancels its held exits;
 * - exits of one OCO group share one quantity: a fill of one shrinks the
 *   others to what is left (a partial take-profit fill resizes the stop), a
 *   complete fill cancels them; both can fill in a fast market;
 * - cancelling any leg of a bracket cancels the group: its siblings, and the
 *   entry while it is still live (held exits are canceled outright, working
 *   orders are asked to cancel); cancelling an entry leaves its exits to the
 *   entry's outcome (a fill may still arrive while the cancel is in flight);
 * - kill: every live order is canceled, held exits first-hand, so nothing is
 *   armed afterwards.
 */
export function reduceGroup(orders: readonly Order[], event: GroupEvent, ctx: GroupContext): GroupOutcome {
  const draft = new GroupDraft(orders, ctx);
  try {
    draft.apply(event);
  } catch (e) {
    if (e instanceof Refusal) return { ok: false, orderId: e.orderId, message: e.message };
    throw e;
  }
  return { ok: true, orders: draft.list(), effects: draft.effects };
}

class Refusal extends Error {
  constructor(
    readonly orderId: string,
    message: string,
  ) {
    super(message);
  }
}

const EXIT_LEG: Partial<Record<Order['role'], ExitLeg>> = { take_profit: 'takeProfit', stop_loss: 'stopLoss' };

class GroupDraft {
  readonly effects: GroupEffect[] = [];
  private readonly byId = new Map<string, Order>();

  constructor(
    orders: readonly Order[],
    private readonly ctx: GroupContext,
  ) {
    for (const o of orders) this.byId.set(o.id, o);
  }

  list(): Order[] {
    return [...this.byId.values()];
  }

  apply(event: GroupEvent): void {
    switch (event.kind) {
      case 'kill':
        for (const o of this.list()) if (!isFinalStatus(o.status)) this.cancelOne(o.id);
        return;
      case 'accepted':
        this.step(event.orderId, { type: 'accept' });
        return;
      case 'rejected': {
        const o = this.step(event.orderId, { type: 'reject', reason: event.reason }, { rejectReason: event.reason });
        if (o.role === 'entry') this.settleExits(o);
        return;
      }
      case 'fill':
        this.fill(event.orderId, event.qty, event.price);
        return;
      case 'cancel':
        this.cancelWithGroup(event.orderId);
        return;
      case 'canceled':
      case 'expired': {
        const o = this.step(event.orderId, { type: event.kind === 'canceled' ? 'canceled' : 'expire' });
        if (o.role === 'entry') this.settleExits(o);
        else if (event.kind === 'canceled') this.cancelSiblings(o);
        return;
      }
    }
  }

  private get(id: string): Order {
    const o = this.byId.get(id);
    if (o === undefined) throw new Refusal(id, `no order ${id} in this group`);
    return o;
  }

  /** Runs one transition of the machine and records the order's new state. */
  private step(id: string, event: OrderEvent, change: Partial<Order> = {}): Order {
    const o = { ...this.get(id), ...change };
    const t = transition(o, event);
    if (!t.ok) throw new Refusal(id, t.message);
    return this.put({ ...o, status: t.status, qty: t.qty, filledQty: t.filledQty, avgFillPrice: t.avgFillPrice });
  }

  private put(o: Order): Order {
    const next = { ...o, updatedAt: this.ctx.now };
    this.byId.set(o.id, next);
    this.effects.push({ kind: 'update', order: next });
    return next;
  }

  private fill(id: string, qty: number, price: number): void {
    const o = this.step(id, { type: 'fill', qty, price });
    if (o.role === 'entry') {
      if (o.status === 'filled') this.armExits(o);
    } else if (o.ocoGroup !== null) {
      this.rebalance(o);
    }
  }

  /** Exits of `entry` still held. */
  private heldExits(entry: Order): Order[] {
    return this.list().filter((x) => x.parentId === entry.id && x.status === 'held');
  }

  /** The entry is done: arm its exits for what filled, or cancel them when nothing did. */
  private settleExits(entry: Order): void {
    if (entry.filledQty > 0) this.armExits(entry);
    else for (const x of this.heldExits(entry)) this.step(x.id, { type: 'canceled' });
  }

  private armExits(entry: Order): void {
    const fill = entry.avgFillPrice;
    for (const x of this.heldExits(entry)) {
      const leg = EXIT_LEG[x.role];
      const spec = leg === undefined ? null : leg === 'takeProfit' ? entry.takeProfit : entry.stopLoss;
      if (leg === undefined || spec === null || fill === null) {
        this.reject(x, 'its entry carries no exit of this kind');
        continue;
      }
      const r = resolveExitPrice(spec, leg, entry.side, fill, this.ctx.instrument, { clamp: true });
      if (!r.ok) {
        this.reject(x, r.message);
        continue;
      }
      const prices = leg === 'takeProfit' ? { limitPrice: r.value.price } : { stopPrice: r.value.price };
      this.step(x.id, { type: 'arm' }, { ...prices, qty: entry.filledQty });
      if (r.value.adjusted !== null) this.effects.push({ kind: 'note', orderId: x.id, message: r.value.adjusted });
      this.effects.push({ kind: 'place', orderId: x.id });
    }
  }

  private reject(x: Order, reason: string): void {
    this.step(x.id, { type: 'arm' });
    this.step(x.id, { type: 'reject', reason }, { rejectReason: reason });
    this.effects.push({ kind: 'note', orderId: x.id, message: `exit not armed: ${reason}` });
  }

  /** Live orders sharing `o`'s OCO group, `o` excluded. */
  private siblings(o: Order): Order[] {
    if (o.ocoGroup === null) return [];
    return this.list().filter((x) => x.id !== o.id && x.ocoGroup === o.ocoGroup);
  }

  /**
   * After a fill of `filled`, every other leg of its OCO group keeps only
   * what is left of the shared quantity P (P = the filled leg's qty plus what
   * the others have filled): resized to its own filled + left, canceled when
   * nothing is left.
   */
  private rebalance(filled: Order): void {
    const others = this.siblings(filled);
    const shared = others.reduce((sum, x) => addDecimal(sum, x.filledQty), filled.qty);
    const left = others.reduce((rest, x) => subDecimal(rest, x.filledQty), subDecimal(shared, filled.filledQty));
    for (const x of others) {
      if (isFinalStatus(x.status)) continue;
      if (left <= 0) {
        this.cancelOne(x.id);
        continue;
      }
      const qty = addDecimal(x.filledQty, left);
      if (qty === x.qty || x.status === 'pending_cancel') continue;
      this.put({ ...x, qty });
      this.effects.push({ kind: 'resize', orderId: x.id, qty });
    }
  }

  /** Cancels one live order: a held one outright, a working one by request (pending_cancel); one already pending or final is left. */
  private cancelOne(id: string): void {
    const o = this.get(id);
    if (o.status === 'held') this.step(id, { type: 'canceled' });
    else if (isWorkingStatus(o.status) && o.status !== 'pending_cancel') {
      this.step(id, { type: 'cancelRequest' });
      this.effects.push({ kind: 'cancel', orderId: id });
    }
  }

  private cancelSiblings(o: Order): void {
    for (const x of this.siblings(o)) this.cancelOne(x.id);
  }

  /** The trader's cancel: the order (refused when it cannot be canceled), and for an exit or OCO leg its group. */
  private cancelWithGroup(id: string): void {
    const o = this.get(id);
    if (isFinalStatus(o.status) || o.status === 'pending_cancel') {
      const t = transition(o, { type: 'cancelRequest' });
      throw new Refusal(id, t.ok ? `order ${id} cannot be canceled now` : t.message);
    }
    this.cancelOne(id);
    if (o.role === 'entry') return;
    this.cancelSiblings(o);
    if (o.parentId === null) return;
    const entry = this.byId.get(o.parentId);
    if (entry === undefined) return;
    for (const x of this.list()) if (x.parentId === entry.id && x.id !== o.id) this.cancelOne(x.id);
    if (!isFinalStatus(entry.status)) this.cancelOne(entry.id);
  }
}
