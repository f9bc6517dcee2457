import type { ContractError } from '../../shared/contract';
import type { Bar } from '../../shared/domain/bar';
import type { MarketKind } from '../../shared/market/market-kind';

/**
 * Where the chart's stream stands: `idle` with nothing to show, `loading`
 * until the snapshot, `empty` when it had no bars, `error` when the core
 * refused the series (until a snapshot arrives after all).
 */
export type StreamStatus = 'idle' | 'loading' | 'ready' | 'empty' | 'error';

/** What the header and overlay show about the chart's stream; published at most once a frame. */
export interface ChartSummary {
  readonly status: StreamStatus;
  readonly error: ContractError | null;
  readonly market: MarketKind | null;
  readonly barCount: number;
  readonly lastBar: Bar | null;
  /** The bar under the crosshair, when there is one. */
  readonly hoverBar: Bar | null;
}

export const IDLE_SUMMARY: ChartSummary = {
  status: 'idle',
  error: null,
  market: null,
  barCount: 0,
  lastBar: null,
  hoverBar: null,
};
