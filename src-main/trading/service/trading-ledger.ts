import type { AuditEntry } from '../../../shared/trading/audit';
import type { Execution } from '../../../shared/trading/execution';
import type { Order } from '../../../shared/trading/order';
import type { Db } from '../../platform/store/database';
import type { PaperEffect } from '../paper/paper-effect';
import type { AuditInput, AuditLog } from '../store/audit-log';
import type { ExecutionsRepository } from '../store/executions-repository';
import type { TradingActivity } from './trading-activity';
import type { OrdersRepository } from '../store/orders-repository';
import { fillAuditText, orderAuditText, transitionName } from './order-audit-text';
import type { TradingEvents } from './trading-events';

/** Whose effects these are, and what the ledger cannot know by itself. */
export interface LedgerContext {
  readonly accountId: string;
  readonly epoch: number;
  /** The order as it was before these effects (undefined: it is new). */
  readonly before: (id: string) => Order | undefined;
  /** The request a new order was placed with (kept for idempotency by client order id). */
  readonly requestOf?: (id: string) => unknown;
}

/** What one commit wrote, to be published once the broker holds its new state. */
export interface Committed {
  readonly orders: readonly Order[];
  readonly executions: readonly Execution[];
  readonly audit: readonly AuditEntry[];
  /** A fill changed a position. */
  readonly positionsChanged: boolean;
}

/** Persists one step inside a commitTogether transaction (in a savepoint); throws when the store refuses it. */
export type Stage = (ctx: LedgerContext, effects: readonly PaperEffect[], extra?: readonly AuditInput[]) => Committed;

const NOTHING: Committed = { orders: [], executions: [], audit: [], positionsChanged: false };

/**
 * Where every broker's effects become durable: the orders' new states with
 * the transitions that made them, the fills (an id already recorded is not
 * recorded again), and an audit line for each, in one transaction, before
 * the broker acts on them (keeps its new state, sends a child order) or
 * anyone hears of them. Nothing is published from a transaction that failed.
 */
export class TradingLedger {
  private readonly write;
  private readonly together;

  constructor(
    db: Db,
    private readonly orders: OrdersRepository,
    private readonly executions: ExecutionsRepository,
    private readonly audit: AuditLog,
    private readonly events: TradingEvents,
    /** Told of every commit (work that can wait yields to the order path). */
    private readonly activity: TradingActivity | null = null,
  ) {
    this.write = db.transaction((ctx: LedgerContext, effects: readonly PaperEffect[], extra: readonly AuditInput[]) => this.persist(ctx, effects, extra));
    this.together = db.transaction((body: (stage: Stage) => void) => {
      body((ctx, effects, extra = []) => (effects.length === 0 && extra.length === 0 ? NOTHING : this.write(ctx, effects, extra)));
    });
  }

  /**
   * Group commit: every stage `body` makes lands in one transaction (one
   * sync to disk for all of them), each stage in its own savepoint, so a
   * stage the store refuses throws to `body` and leaves the others. Returns
   * once the whole transaction is committed; throws (nothing written) when
   * the commit fails. Nothing may be published before this returns.
   */
  commitTogether(body: (stage: Stage) => void): void {
    const end = this.activity?.begin();
    try {
      this.together.immediate(body);
    } finally {
      end?.();
    }
  }

  /** Persists effects (and extra audit lines) in one transaction; throws (nothing written) when the store refuses. */
  commit(ctx: LedgerContext, effects: readonly PaperEffect[], extra: readonly AuditInput[] = []): Committed {
    if (effects.length === 0 && extra.length === 0) return NOTHING;
    const end = this.activity?.begin();
    try {
      return this.write.immediate(ctx, effects, extra);
    } finally {
      end?.();
    }
  }

  /** Tells followers what a commit wrote (after the broker took its new state). */
  publish(c: Committed): void {
    for (const o of c.orders) this.events.emit('order', o);
    for (const e of c.executions) this.events.emit('fill', e);
    this.audit.publish(c.audit);
  }

  private persist(ctx: LedgerContext, effects: readonly PaperEffect[], extra: readonly AuditInput[]): Committed {
    const latest = new Map<string, Order>();
    const orders: Order[] = [];
    const executions: Execution[] = [];
    const audit: AuditEntry[] = [];
    let positionsChanged = false;
    for (const effect of effects) {
      switch (effect.kind) {
        case 'order': {
          const o = effect.order;
          const before = latest.get(o.id) ?? ctx.before(o.id);
          const transition = { event: transitionName(before, o), from: before?.status ?? null, data: { filledQty: o.filledQty, avgFillPrice: o.avgFillPrice, qty: o.qty, limitPrice: o.limitPrice, stopPrice: o.stopPrice } };
          if (before === undefined) this.orders.insert(o, ctx.requestOf?.(o.id) ?? null, ctx.epoch, transition);
          else this.orders.save(o, transition);
          latest.set(o.id, o);
          orders.push(o);
          audit.push(this.audit.append({ kind: 'order', accountId: o.accountId, symbol: o.symbol, message: orderAuditText(before, o), data: { order: o, event: transition.event } }));
          break;
        }
        case 'execution':
          if (!this.executions.insert(effect.execution, ctx.epoch)) break;
          executions.push(effect.execution);
          audit.push(this.audit.append({ kind: 'fill', accountId: effect.execution.accountId, symbol: effect.execution.symbol, message: fillAuditText(effect.execution), data: { execution: effect.execution } }));
          break;
        case 'position':
          positionsChanged = true;
          break;
        case 'note': {
          const o = latest.get(effect.orderId) ?? ctx.before(effect.orderId);
          audit.push(this.audit.append({ kind: 'order', accountId: ctx.accountId, symbol: o?.symbol ?? null, message: effect.message, data: { orderId: effect.orderId } }));
          break;
        }
      }
    }
    for (const input of extra) audit.push(this.audit.append(input));
    // Only the latest state of each order is news.
    const newest = [...new Map(orders.map((o) => [o.id, o])).values()];
    return { orders: newest, executions, audit, positionsChanged };
  }
}
