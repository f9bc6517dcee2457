import type { Execution } from '../../shared/trading/execution';
import type { Db } from '../platform/store/database';
import { EXECUTION_COLUMNS, executionFromRow, ExecutionsRepository, type ExecutionRow } from '../trading/store/executions-repository';

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

interface Row extends ExecutionRow {
  readonly epoch: number;
}

const COLUMNS = `${EXECUTION_COLUMNS}, epoch`;

const fromRow = (r: Row): StoredExecution => ({ execution: executionFromRow(r), epoch: r.epoch });

/**
 * The journal's reads and writes of the executions table: every fill of
 * every account and epoch (the truth round trips are built from), and the
 * imported and manual fills the journal itself stores. Inserting an id that
 * is already there changes nothing (an import twice adds nothing).
 */
export class JournalExecutions {
  private readonly stmts;
  private readonly executions: ExecutionsRepository;

  constructor(private readonly db: Db) {
    this.executions = new ExecutionsRepository(db);
    this.stmts = {
      all: db.prepare(`SELECT ${COLUMNS} FROM executions ORDER BY time, id`),
      byId: db.prepare(`SELECT ${COLUMNS} FROM executions WHERE id = ?`),
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
    for (const f of fills) if (this.executions.insert(f, JOURNAL_EPOCH)) added++;
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
