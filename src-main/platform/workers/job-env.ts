import { EMPTY_COLUMNS } from '../../../shared/domain/bar-columns';
import { MINUTE_MS } from '../../../shared/domain/interval';
import { SimMarket } from '../../market-data/feeds/sim/sim-market';
import type { BaseBars, SeriesRef } from '../../market-data/window-read';
import { BacktestRunRepository, type StoredBacktestRun } from '../store/backtest-run-repository';
import { BarStore } from '../store/bar-store';
import { openDatabase, type Db } from '../store/database';
import type { JobEnv } from './run-job';
import type { TruthSource } from './jobs';

/**
 * Generated bars a worker's sim keeps (about 14 MB): the newest window of one
 * chart at any interval (LATEST_BASE_SLOTS in bar-service.ts), so switching
 * its timeframe finds the sessions generated; a larger read bypasses the
 * cache. Each worker has its own, and what a thread allocated stays resident
 * in its malloc arena even after the thread exits: a cache of a million bars
 * per worker left ~40 MB behind in the process after the load of issue 10.
 */
const WORKER_SIM_CACHE_BARS = 250_000;

/**
 * A thread's way to the truth: one SimMarket per seed (with its session
 * cache) and one read-only store connection per database file, kept for the
 * thread's life; and one writing connection per file for the results it
 * saves. WAL lets these run beside the main thread's connection (a write
 * waits its turn: busy_timeout).
 */
export class ThreadJobEnv implements JobEnv {
  private readonly markets = new Map<number, SimMarket>();
  private readonly stores = new Map<string, { db: Db; store: BarStore }>();
  private readonly writers = new Map<string, BacktestRunRepository>();

  baseBars(truth: TruthSource, ref: SeriesRef, clock: number): BaseBars {
    if (truth.kind === 'sim') {
      const market = this.market(truth.seed);
      // Never a minute that has not closed by the series' clock.
      const cut = Math.floor(clock / MINUTE_MS) * MINUTE_MS;
      return (from, to) => (market.instruments().some((i) => i.symbol === ref.symbol) ? market.columns(ref.symbol, from, Math.min(to, cut)) : EMPTY_COLUMNS);
    }
    const { store } = this.store(truth.file);
    return (from, to) => store.range({ source: ref.source, symbol: ref.symbol, interval: ref.base }, from, to);
  }

  saveRun(file: string, run: StoredBacktestRun): void {
    let runs = this.writers.get(file);
    if (runs === undefined) {
      runs = new BacktestRunRepository(openDatabase(file));
      this.writers.set(file, runs);
    }
    runs.save(run);
  }

  close(): void {
    for (const { db } of this.stores.values()) db.close();
    this.stores.clear();
    for (const runs of this.writers.values()) runs.close();
    this.writers.clear();
  }

  private market(seed: number): SimMarket {
    let m = this.markets.get(seed);
    if (m === undefined) {
      m = new SimMarket(seed, undefined, WORKER_SIM_CACHE_BARS);
      this.markets.set(seed, m);
    }
    return m;
  }

  private store(file: string): { db: Db; store: BarStore } {
    let s = this.stores.get(file);
    if (s === undefined) {
      const db = openDatabase(file, { readonly: true });
      s = { db, store: new BarStore(db) };
      this.stores.set(file, s);
    }
    return s;
  }
}
