import type { BacktestRequest, ContractError, Coverage, StrategyOverlay } from '../../../shared/contract';
import type { BarColumns } from '../../../shared/domain/bar-columns';
import type { MarketKind } from '../../../shared/market/market-kind';
import type { MarkerSchedule } from '../../../shared/strategy/marker-schedule';
import type { StrategyParams } from '../../../shared/strategy/strategy';
import type { FeedGenerator } from '../../market-data/feeds/feed';
import type { GymIndicatorSeries } from '../../research/gym/gym-session';
import type { BarsRead, WindowRequest } from '../../market-data/window-read';

/**
 * Heavy work the core hands to its worker pool (ARCHITECTURE principle 9):
 * plain data in, plain data out, so it runs the same in a worker thread and
 * inline (tests run from sources, where there is no worker bundle).
 */

/** Where a job reads a series' base bars: the simulated market's generator, or the SQLite store (a read-only connection of its own). */
export type TruthSource = FeedGenerator | { readonly kind: 'store'; readonly file: string };

/** Reads a window of a series: bars at the interval, the paging cursor and the coverage. */
export interface ReadJob {
  readonly kind: 'read';
  readonly truth: TruthSource;
  readonly window: WindowRequest;
}

/** The closed bars of a window, for a run (limit is MAX_SERIES_BARS). */
interface SeriesJob {
  readonly truth: TruthSource;
  readonly window: WindowRequest;
}

export interface BacktestJob extends SeriesJob {
  readonly kind: 'backtest';
  readonly request: BacktestRequest;
  readonly params: StrategyParams;
  readonly schedules: readonly MarkerSchedule[];
  /** Where the run is saved, by the thread that ran it (a large result never crosses to the event loop). */
  readonly save: { readonly file: string; readonly id: string; readonly createdAt: number };
}

export interface OverlayJob extends SeriesJob {
  readonly kind: 'overlay';
  readonly strategy: string;
  readonly params: StrategyParams;
  readonly schedules: readonly MarkerSchedule[];
}

export interface GymJob extends SeriesJob {
  readonly kind: 'gym';
  readonly indicators: readonly string[];
}

export type Job = ReadJob | BacktestJob | OverlayJob | GymJob;

export interface GymSeries {
  readonly market: MarketKind;
  readonly columns: BarColumns;
  readonly indicators: readonly GymIndicatorSeries[];
  readonly coverage: Coverage;
}

/** What each job kind answers. */
export interface JobResults {
  readonly read: BarsRead;
  /** The saved run's id and its statistics' JSON (what a caller may want without reading the store). */
  readonly backtest: { readonly id: string; readonly stats: string };
  readonly overlay: StrategyOverlay;
  readonly gym: GymSeries;
}

export type JobResult<J extends Job> = JobResults[J['kind']];

/** A failure that crosses the thread boundary: a data set problem (names its field) or a contract failure. */
export type JobFailure = { readonly kind: 'data'; readonly field: string; readonly message: string } | { readonly kind: 'contract'; readonly error: ContractError } | { readonly kind: 'internal'; readonly message: string };

/** Raised on the caller's side when its job was cancelled (the requester went away). */
export class JobCancelled extends Error {
  constructor() {
    super('cancelled: the requester went away');
    this.name = 'JobCancelled';
  }
}
