import type { ContractError, MissingSpan } from '../../shared/contract';
import type { Bar } from '../../shared/domain/bar';
import type { MarketKind } from '../../shared/market/market-kind';

/**
 * Where the chart's stream stands: `idle` with nothing to show, `loading`
 * until the snapshot, `empty` when it had no bars, `error` when the core
 * refused the series (until a snapshot arrives after all).
 */
export type StreamStatus = 'idle' | 'loading' | 'ready' | 'empty' | 'error';

/** What the header, legend and notices show about a pane's stream; published at most once a frame. */
export interface ChartSummary {
  readonly status: StreamStatus;
  readonly error: ContractError | null;
  readonly market: MarketKind | null;
  readonly barCount: number;
  /** Open time (ms) of the first bar drawn. */
  readonly firstTime: number | null;
  readonly lastBar: Bar | null;
  /** Close of the bar before the last one. */
  readonly lastPrevClose: number | null;
  /** The bar under the crosshair, when there is one. */
  readonly hoverBar: Bar | null;
  /** Close of the bar before the hovered one. */
  readonly hoverPrevClose: number | null;
  /** The source has bars older than the first one drawn (a paging cursor is held). */
  readonly hasOlder: boolean;
  /** A page of older bars is being read. */
  readonly loadingOlder: boolean;
  /** Why the last page of older bars could not be read. */
  readonly olderError: ContractError | null;
  /** Holes reported by the coverage of the snapshot and of every page drawn (not the start of the source). */
  readonly holes: readonly MissingSpan[];
}

export const IDLE_SUMMARY: ChartSummary = {
  status: 'idle',
  error: null,
  market: null,
  barCount: 0,
  firstTime: null,
  lastBar: null,
  lastPrevClose: null,
  hoverBar: null,
  hoverPrevClose: null,
  hasOlder: false,
  loadingOlder: false,
  olderError: null,
  holes: [],
};
