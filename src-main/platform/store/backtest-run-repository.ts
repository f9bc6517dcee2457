import type { Db } from './database';

/** One saved backtest as stored: its config and its result, each a JSON document. */
export interface StoredBacktestRun {
  readonly id: string;
  readonly createdAt: number;
  readonly label: string;
  readonly strategy: string;
  /** JSON text of the run's config (what to run it again with). */
  readonly config: string;
  /** JSON text of the statistics (also inside the result; kept apart so listing runs stays cheap). */
  readonly stats: string;
  /** JSON text of the deterministic result (stats, trades, equity). */
  readonly result: string;
}

/** A saved run without its result. */
export type StoredBacktestSummary = Omit<StoredBacktestRun, 'result'>;

/**
 * Saved backtest runs. A save is one INSERT in its own transaction and is
 * idempotent by id (saving the same run twice keeps the first), so a retry
 * never duplicates a run. Documents are validated by the caller (the contract
 * schemas) before they get here and again when read back.
 */
export class BacktestRunRepository {
  private readonly insert;
  private readonly selectOne;
  private readonly selectList;
  private readonly deleteOne;

  constructor(private readonly db: Db) {
    this.insert = db.prepare(
      `INSERT INTO backtest_runs (id, created_at, label, strategy, config, stats, result) VALUES (?, ?, ?, ?, ?, ?, ?)
       ON CONFLICT (id) DO NOTHING`,
    );
    this.selectOne = db.prepare('SELECT id, created_at, label, strategy, config, stats, result FROM backtest_runs WHERE id = ?');
    this.selectList = db.prepare('SELECT id, created_at, label, strategy, config, stats FROM backtest_runs ORDER BY created_at DESC, id DESC LIMIT ?');
    this.deleteOne = db.prepare('DELETE FROM backtest_runs WHERE id = ?');
  }

  /** Closes the connection (a worker thread's own writer). */
  close(): void {
    this.db.close();
  }

  save(run: StoredBacktestRun): void {
    this.db
      .transaction(() => {
        this.insert.run(run.id, run.createdAt, run.label, run.strategy, run.config, run.stats, run.result);
      })
      .immediate();
  }

  get(id: string): StoredBacktestRun | undefined {
    const row = this.selectOne.get(id) as (Row & { readonly result: string }) | undefined;
    return row === undefined ? undefined : { ...fromRow(row), result: row.result };
  }

  /** The newest runs first, without their results. */
  list(limit: number): StoredBacktestSummary[] {
    return (this.selectList.all(limit) as Row[]).map(fromRow);
  }

  /** Returns whether a run was deleted. */
  delete(id: string): boolean {
    return this.deleteOne.run(id).changes > 0;
  }
}

interface Row {
  readonly id: string;
  readonly created_at: number;
  readonly label: string;
  readonly strategy: string;
  readonly config: string;
  readonly stats: string;
}

function fromRow(r: Row): StoredBacktestSummary {
  return { id: r.id, createdAt: r.created_at, label: r.label, strategy: r.strategy, config: r.config, stats: r.stats };
}
