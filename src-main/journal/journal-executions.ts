import { executionSchema, type Execution } from '../../shared/trading/execution';
import type { Db } from '../platform/store/database';

/**
 * The epoch of fills kept for the journal only (imported and manual ones):
 * a paper account's positions and cash come from its current epoch (0, 1,
 * …), so these never change what the account holds or may trade.
 */
export const JOURNAL_EPOCH = -1;

/** An execution with the account epoch it belongs to (round trips never span a reset). */
export interface StoredExecution {
  readonly execution: Execution;
  readonly epoch: number;
}

interface Row {
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
  readonly epoch: number;
}

const COLUMNS = 'id, account_id, order_id, source, symbol, side, qty, price, fee, multiplier, underlying, underlying_price, time, origin, epoch';

function fromRow(r: Row): StoredExecution {
  const execution = executionSchema.parse({
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
  return { execution, epoch: r.epoch };
}

/**
 * The journal's reads and writes of the executions table: every fill of
 * every account and epoch (the truth round trips are built from), and the
 * imported and manual fills the journal itself stores. Inserting an id that
 * is already there changes nothing (an import twice adds nothing).
 */
export class JournalExecutions {
  private readonly stmts;

  constructor(private readonly db: Db) {
    this.stmts = {
      all: db.prepare(`SELECT ${COLUMNS} FROM executions ORDER BY time, id`),
      byId: db.prepare(`SELECT ${COLUMNS} FROM executions WHERE id = ?`),
      insert: db.prepare(`INSERT INTO executions (${COLUMNS}) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (id) DO NOTHING`),
      remove: db.prepare('DELETE FROM executions WHERE id = ? AND epoch = ?'),
    };
  }

  all(): StoredExecution[] {
    return (this.stmts.all.all() as Row[]).map(fromRow);
  }

  get(id: string): StoredExecution | undefined {
    const row = this.stmts.byId.get(id) as Row | undefined;
    return row === undefined ? undefined : fromRow(row);
  }

  /** Stores journal-only fills (in the caller's transaction when it has one): how many were new, how many already there. */
  insertJournalFills(fills: readonly Execution[]): { added: number; alreadyThere: number } {
    let added = 0;
    for (const f of fills) {
      const x = executionSchema.parse(f);
      const info = this.stmts.insert.run(x.id, x.accountId, x.orderId, x.source, x.symbol, x.side, x.qty, x.price, x.fee, x.multiplier, x.underlying, x.underlyingPrice, x.time, x.origin, JOURNAL_EPOCH);
      added += info.changes;
    }
    return { added, alreadyThere: fills.length - added };
  }

  /** Deletes journal-only fills by id (paper and broker fills are never deleted here); how many went. */
  deleteJournalFills(ids: readonly string[]): number {
    let deleted = 0;
    for (const id of ids) deleted += this.stmts.remove.run(id, JOURNAL_EPOCH).changes;
    return deleted;
  }

  transaction<T>(fn: () => T): T {
    return this.db.transaction(fn).immediate();
  }
}
