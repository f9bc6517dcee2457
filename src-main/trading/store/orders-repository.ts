import { FINAL_STATUSES, orderSchema, type Order, type OrderStatus } from '../../../shared/trading/order';
import type { Db } from '../../platform/store/database';

interface Row {
  readonly state: string;
  readonly request: string;
}

/** An order transition as recorded (order_events): written in the same transaction as the order's new state. */
export interface OrderTransition {
  readonly event: string;
  readonly from: OrderStatus | null;
  readonly data: Record<string, unknown>;
}

const WORKING = `status NOT IN (${FINAL_STATUSES.map((s) => `'${s}'`).join(', ')})`;

/**
 * Orders and their transitions. Every change of an order is one `save`: the
 * order's state and the event that changed it, in the caller's transaction,
 * before anything acts on it (ARCHITECTURE principle 7). The request as placed
 * is kept beside the state, so a retried client order id is answered with the
 * same order or refused when its contents differ.
 */
export class OrdersRepository {
  private readonly stmts;

  constructor(db: Db) {
    this.stmts = {
      insert: db.prepare(
        'INSERT INTO orders (id, account_id, client_order_id, request, state, status, source, symbol, epoch, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)',
      ),
      update: db.prepare('UPDATE orders SET state = ?, status = ?, updated_at = ? WHERE id = ?'),
      event: db.prepare('INSERT INTO order_events (order_id, time, event, from_status, to_status, data) VALUES (?, ?, ?, ?, ?, ?)'),
      byId: db.prepare('SELECT state, request FROM orders WHERE id = ?'),
      byClientId: db.prepare('SELECT state, request FROM orders WHERE account_id = ? AND client_order_id = ?'),
      working: db.prepare(`SELECT state, request FROM orders WHERE account_id = ? AND epoch = ? AND ${WORKING} ORDER BY created_at DESC, id DESC LIMIT ?`),
      all: db.prepare('SELECT state, request FROM orders WHERE account_id = ? AND epoch = ? ORDER BY created_at DESC, id DESC LIMIT ?'),
      everyWorking: db.prepare(`SELECT state, request FROM orders WHERE ${WORKING} ORDER BY created_at, id`),
      events: db.prepare('SELECT time, event, from_status, to_status, data FROM order_events WHERE order_id = ? ORDER BY seq'),
    };
  }

  /** A new order (with the request that made it) and its first transition. */
  insert(order: Order, request: unknown, epoch: number, transition: OrderTransition): void {
    // Orders come typed from the pure core; they are parsed when read back, not on every write.
    const o = order;
    this.stmts.insert.run(o.id, o.accountId, o.clientOrderId, JSON.stringify(request), JSON.stringify(o), o.status, o.source, o.symbol, epoch, o.createdAt, o.updatedAt);
    this.stmts.event.run(o.id, o.updatedAt, transition.event, transition.from, o.status, JSON.stringify(transition.data));
  }

  /** The order's new state and the transition that made it. */
  save(order: Order, transition: OrderTransition): void {
    const o = order;
    this.stmts.update.run(JSON.stringify(o), o.status, o.updatedAt, o.id);
    this.stmts.event.run(o.id, o.updatedAt, transition.event, transition.from, o.status, JSON.stringify(transition.data));
  }

  get(id: string): Order | undefined {
    const row = this.stmts.byId.get(id) as Row | undefined;
    return row === undefined ? undefined : orderSchema.parse(JSON.parse(row.state));
  }

  /** The order a client order id made, with the request it was placed with. */
  byClientOrderId(accountId: string, clientOrderId: string): { order: Order; request: unknown } | undefined {
    const row = this.stmts.byClientId.get(accountId, clientOrderId) as Row | undefined;
    return row === undefined ? undefined : { order: orderSchema.parse(JSON.parse(row.state)), request: JSON.parse(row.request) as unknown };
  }

  list(accountId: string, epoch: number, which: 'working' | 'all', limit: number): Order[] {
    const rows = (which === 'working' ? this.stmts.working : this.stmts.all).all(accountId, epoch, limit) as Row[];
    return rows.map((r) => orderSchema.parse(JSON.parse(r.state)));
  }

  /** Every order not final, of every account: what a restart resumes. */
  everyWorking(): Order[] {
    return (this.stmts.everyWorking.all() as Row[]).map((r) => orderSchema.parse(JSON.parse(r.state)));
  }

  transitions(id: string): { time: number; event: string; from: string | null; to: string; data: unknown }[] {
    const rows = this.stmts.events.all(id) as { time: number; event: string; from_status: string | null; to_status: string; data: string }[];
    return rows.map((r) => ({ time: r.time, event: r.event, from: r.from_status, to: r.to_status, data: JSON.parse(r.data) as unknown }));
  }
}
