import { executionSchema, type Execution } from '../../../shared/trading/execution';
import type { Db } from '../../platform/store/database';

/** An executions row as SQLite gives it (shared with the journal's reads of the same table). */
export interface ExecutionRow {
  readonly id: string;
  readonly account_id: string;
  readonly order_id: string | null;
  readonly source: string;
  readonly symbol: string;
  readonly side: string;
  readonly qty: number;
  readonly price: number;
  readonly fee: number;
  readonly multiplier: number;
  readonly underlying: string | null;
  readonly underlying_price: number | null;
  readonly time: number;
  readonly origin: string;
}

/** The columns of ExecutionRow, in insert order (the epoch comes after them). */
export const EXECUTION_COLUMNS = 'id, account_id, order_id, source, symbol, side, qty, price, fee, multiplier, underlying, underlying_price, time, origin';

export function executionFromRow(r: ExecutionRow): Execution {
  return executionSchema.parse({
    id: r.id,
    orderId: r.order_id,
    accountId: r.account_id,
    source: r.source,
    symbol: r.symbol,
    side: r.side,
    qty: r.qty,
    price: r.price,
    fee: r.fee,
    multiplier: r.multiplier,
    underlying: r.underlying,
    underlyingPrice: r.underlying_price,
    time: r.time,
    origin: r.origin,
  });
}

/**
 * Fills, the truth of trading. An execution's id is fixed by whoever made it
 * (the paper broker: the order and its fill number; Alpaca: its execution
 * id), and inserting an id that is already there changes nothing: a fill is
 * never recorded twice, whatever is retried after a crash.
 */
export class ExecutionsRepository {
  private readonly stmts;

  constructor(db: Db) {
    this.stmts = {
      insert: db.prepare(`INSERT INTO executions (${EXECUTION_COLUMNS}, epoch) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (id) DO NOTHING`),
      byAccount: db.prepare(`SELECT ${EXECUTION_COLUMNS} FROM executions WHERE account_id = ? AND epoch = ? ORDER BY time, id`),
      recent: db.prepare(`SELECT ${EXECUTION_COLUMNS} FROM executions WHERE account_id = ? AND time >= ? AND time < ? ORDER BY time DESC, id DESC LIMIT ?`),
    };
  }

  /** Records a fill; false when its id was already recorded. */
  insert(e: Execution, epoch: number): boolean {
    const x = executionSchema.parse(e);
    const info = this.stmts.insert.run(x.id, x.accountId, x.orderId, x.source, x.symbol, x.side, x.qty, x.price, x.fee, x.multiplier, x.underlying, x.underlyingPrice, x.time, x.origin, epoch);
    return info.changes === 1;
  }

  /** The fills that make an account's positions and cash now (its current epoch), oldest first. */
  ofEpoch(accountId: string, epoch: number): Execution[] {
    return (this.stmts.byAccount.all(accountId, epoch) as ExecutionRow[]).map(executionFromRow);
  }

  /** Fills of an account in [from, to), newest first (every epoch: the history). */
  list(accountId: string, from: number, to: number, limit: number): Execution[] {
    return (this.stmts.recent.all(accountId, from, to, limit) as ExecutionRow[]).map(executionFromRow);
  }
}
