import { orderSchema, type Order } from '../../shared/trading/order';
import type { Db } from '../platform/store/database';

/** What the order that opened a trip says about it: its setup (the signal or strategy) and the stop its bracket armed. */
export interface OpeningOrder {
  readonly setup: string | null;
  /** The stop-loss exit's price (its planned stop), when it had one. */
  readonly stopPrice: number | null;
}

/**
 * Reads the orders behind fills for the journal: a trip's strategy is its
 * opening order's setup, and without a stop the trader set, its R comes
 * from the stop the order's bracket armed.
 */
export class OrderContext {
  private readonly stmts;

  constructor(db: Db) {
    this.stmts = {
      entries: db.prepare("SELECT id, json_extract(state, '$.setup') AS setup FROM orders WHERE json_extract(state, '$.role') = 'entry'"),
      stops: db.prepare("SELECT json_extract(state, '$.parentId') AS parent, json_extract(state, '$.stopPrice') AS stop FROM orders WHERE json_extract(state, '$.role') = 'stop_loss' ORDER BY created_at, id"),
      byId: db.prepare('SELECT state FROM orders WHERE id = ?'),
      children: db.prepare("SELECT state FROM orders WHERE account_id = ? AND json_extract(state, '$.parentId') = ? ORDER BY created_at, id"),
    };
  }

  /** Every entry order's setup and armed stop, by order id. */
  openings(): Map<string, OpeningOrder> {
    const stops = new Map<string, number>();
    for (const r of this.stmts.stops.all() as { parent: unknown; stop: unknown }[]) {
      if (typeof r.parent === 'string' && typeof r.stop === 'number' && r.stop > 0 && !stops.has(r.parent)) stops.set(r.parent, r.stop);
    }
    const out = new Map<string, OpeningOrder>();
    for (const r of this.stmts.entries.all() as { id: string; setup: unknown }[]) {
      out.set(r.id, { setup: typeof r.setup === 'string' ? r.setup : null, stopPrice: stops.get(r.id) ?? null });
    }
    return out;
  }

  /** The orders with these ids and their exits, in time order (duplicates once). */
  withExits(ids: readonly string[]): Order[] {
    const seen = new Map<string, Order>();
    for (const id of ids) {
      const row = this.stmts.byId.get(id) as { state: string } | undefined;
      if (row === undefined) continue;
      const order = orderSchema.parse(JSON.parse(row.state));
      seen.set(order.id, order);
      for (const c of this.stmts.children.all(order.accountId, order.id) as { state: string }[]) {
        const child = orderSchema.parse(JSON.parse(c.state));
        seen.set(child.id, child);
      }
    }
    return [...seen.values()].sort((a, b) => a.createdAt - b.createdAt || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  }
}
