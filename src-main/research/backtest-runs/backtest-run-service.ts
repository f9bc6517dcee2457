import { z } from 'zod';
import { randomUUID } from 'node:crypto';
import {
  backtestRequestSchema,
  backtestResultSchema,
  backtestStatsSchema,
  ContractFailure,
  coverageSchema,
  type BacktestProgress,
  type BacktestRequest,
  type BacktestRun,
  type BacktestRunSummary,
  type StrategyInfo,
} from '../../../shared/contract';
import { marketKindSchema } from '../../../shared/market/market-kind';
import type { MarkerSchedule } from '../../../shared/strategy/marker-schedule';
import { findStrategy, STRATEGIES } from '../../../shared/strategy/strategy-registry';
import type { StrategyParams } from '../../../shared/strategy/strategy';
import type { Clock } from '../../platform/app/clock';
import { DataSetError } from '../backtest-data/data-set-error';
import { MAX_SERIES_BARS } from '../backtest-data/series-bars';
import type { BarService } from '../../market-data/bar-service';
import type { Logger } from '../../platform/rpc';
import type { BacktestRunRepository, StoredBacktestSummary } from '../../platform/store';
import type { JobPool } from '../../platform/workers/job-pool';
import { JobCancelled } from '../../platform/workers/jobs';

const RUN_NOTES = z.array(z.string());

/** Runs whose latest progress a new subscriber is told at once. */
const RECENT_RUNS = 20;

/**
 * Backtests started from the UI: checked before anything runs (unknown
 * strategy, bad parameters: BAD_REQUEST naming the field), run in the worker
 * pool (never on the event loop), reported through `backtest.progress`,
 * cancelled when asked or when the client that started them goes away, and saved
 * to the store with the request that produced them, so a run can be opened,
 * compared or repeated later. The statistics are computed on every bar; the
 * saved equity curve is thinned for drawing (thinEquity).
 */
export class BacktestRunService {
  private readonly listeners = new Set<(p: BacktestProgress) => void>();
  /** The latest progress of the most recent runs, replayed to a new subscriber (a client that reconnected mid-run). */
  private readonly recent = new Map<string, BacktestProgress>();
  /** Runs going on now, to cancel them. */
  private readonly running = new Map<string, AbortController>();

  constructor(
    private readonly bars: BarService,
    private readonly runs: BacktestRunRepository,
    private readonly pool: JobPool,
    /** The store file the worker saves runs into. */
    private readonly dbFile: string,
    private readonly clock: Clock,
    private readonly log: Logger,
    /** The user's marker schedules (from the settings), read when a run starts. */
    private readonly schedules: () => readonly MarkerSchedule[] = () => [],
  ) {}

  strategies(): StrategyInfo[] {
    return STRATEGIES.map((s) => ({
      id: s.id,
      name: s.name,
      description: s.description,
      params: s.params.map(({ choices, ...p }) => ({ ...p, ...(choices === undefined ? {} : { choices: [...choices] }) })),
      shortsByDefault: s.shortsByDefault,
    }));
  }

  /** Follows every run's progress, starting with the latest status of the recent ones. */
  onProgress(listener: (p: BacktestProgress) => void): () => void {
    for (const p of this.recent.values()) listener(p);
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /**
   * Checks the request, answers with the run's id at once and runs it in the
   * worker pool. `requester` is the client's lifetime: when it goes away the
   * run is cancelled.
   */
  start(request: BacktestRequest, requester?: AbortSignal): { id: string } {
    const def = findStrategy(request.strategy);
    if (def === undefined) {
      throw new ContractFailure('BAD_REQUEST', `unknown strategy "${request.strategy}" (known: ${STRATEGIES.map((s) => s.id).join(', ')})`, 'params.strategy');
    }
    const resolved = def.resolveParams(request.params);
    if (!resolved.ok) throw new ContractFailure('BAD_REQUEST', resolved.message, `params.params.${resolved.field}`);
    // Shorts left unsaid follow the strategy; the saved run records what it ran with.
    const ran = { ...request, costs: { ...request.costs, allowShort: request.costs.allowShort ?? def.shortsByDefault } };
    const id = randomUUID();
    setImmediate(() => {
      void this.run(id, ran, resolved.params, requester);
    });
    return { id };
  }

  get(id: string): BacktestRun {
    const stored = this.runs.get(id);
    if (stored === undefined) throw new ContractFailure('NOT_FOUND', `no saved backtest "${id}"`, 'params.id');
    const { summary, market, notes, coverage } = this.summaryOf(stored);
    return { ...summary, market, notes, coverage, result: backtestResultSchema.parse(JSON.parse(stored.result)) };
  }

  list(limit: number): BacktestRunSummary[] {
    return this.runs.list(limit).map((r) => this.summaryOf(r).summary);
  }

  delete(id: string): boolean {
    return this.runs.delete(id);
  }

  /** Stops a run still going (its worker job is cancelled); false when it is not running. */
  cancel(id: string): boolean {
    const running = this.running.get(id);
    if (running === undefined) return false;
    running.abort();
    return true;
  }

  private async run(id: string, request: BacktestRequest, params: StrategyParams, requester: AbortSignal | undefined): Promise<void> {
    const emit = (p: Omit<BacktestProgress, 'id'>): void => {
      const progress = { id, ...p };
      this.recent.delete(id);
      this.recent.set(id, progress);
      if (this.recent.size > RECENT_RUNS) this.recent.delete(this.recent.keys().next().value ?? id);
      for (const listener of this.listeners) listener(progress);
    };
    const abort = new AbortController();
    this.running.set(id, abort);
    const onGone = (): void => abort.abort();
    requester?.addEventListener('abort', onGone, { once: true });
    emit({ status: 'running', fraction: 0, error: null });
    try {
      // The range is completed here (venue fetches); reading, running and serialising happen in the worker pool.
      const { truth, window } = await this.bars.runWindow(request, MAX_SERIES_BARS);
      // The worker saves the run itself: a result of megabytes never crosses to (or is written from) the event loop.
      const save = { file: this.dbFile, id, createdAt: this.clock.now() };
      await this.pool.run(
        { kind: 'backtest', truth, window, request, params, schedules: this.schedules(), save },
        { signal: abort.signal, onProgress: (fraction) => emit({ status: 'running', fraction, error: null }) },
      );
      emit({ status: 'done', fraction: 1, error: null });
    } catch (err) {
      if (err instanceof JobCancelled || abort.signal.aborted) {
        emit({ status: 'canceled', fraction: 1, error: null });
        return;
      }
      const error =
        err instanceof DataSetError
          ? { field: err.field, message: err.message }
          : err instanceof ContractFailure
            ? { field: err.error.path.replace(/^params\./, ''), message: err.error.message }
            : { field: '', message: err instanceof Error ? err.message : String(err) };
      if (!(err instanceof DataSetError) && !(err instanceof ContractFailure)) this.log.error(`backtest ${id} failed`, err);
      emit({ status: 'failed', fraction: 1, error });
    } finally {
      this.running.delete(id);
      requester?.removeEventListener('abort', onGone);
    }
  }

  /** What the store holds, checked again on the way out (a file is a boundary too). */
  private summaryOf(stored: StoredBacktestSummary): { summary: BacktestRunSummary; market: BacktestRun['market']; notes: string[]; coverage: BacktestRun['coverage'] } {
    const config = JSON.parse(stored.config) as { request: unknown; market: unknown; notes?: unknown; coverage?: unknown };
    const request = backtestRequestSchema.parse(config.request);
    const stats = backtestStatsSchema.parse(JSON.parse(stored.stats));
    return {
      summary: { id: stored.id, createdAt: stored.createdAt as BacktestRun['createdAt'], label: stored.label, strategy: stored.strategy, request, stats },
      market: marketKindSchema.parse(config.market),
      // Runs saved before notes (or coverage) existed have none.
      notes: RUN_NOTES.parse(config.notes ?? []),
      coverage: coverageSchema.nullable().parse(config.coverage ?? null),
    };
  }
}
