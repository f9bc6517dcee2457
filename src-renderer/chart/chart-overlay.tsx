import type { ReactElement } from 'react';
import type { ContractError } from '../../shared/contract';
import type { StreamStatus } from './chart-summary';

export interface ChartOverlayProps {
  readonly status: StreamStatus;
  readonly error: ContractError | null;
  /** `source · symbol · interval` of the stream, for the message. */
  readonly series: string | null;
  /** Settings are in and the watchlist is empty: nothing to chart. */
  readonly noSymbol: boolean;
}

/**
 * Over the chart: "no data" when the snapshot came back empty or the core
 * refused the series (with its reason), a quiet note while loading or when
 * there is no symbol to show; nothing once bars are drawn.
 */
export function ChartOverlay({ status, error, series, noSymbol }: ChartOverlayProps): ReactElement | null {
  switch (status) {
    case 'ready':
      return null;
    case 'loading':
      return (
        <div className="chart-loading muted" data-testid="chart-loading" role="status">
          Loading {series ?? 'bars'}…
        </div>
      );
    case 'idle':
      return noSymbol ? (
        <div className="chart-overlay" data-testid="chart-no-symbol" role="status">
          <span className="chart-overlay-title">No symbol</span>
          <span className="chart-overlay-text">Add a symbol to the watchlist to chart it.</span>
        </div>
      ) : null;
    case 'empty':
    case 'error':
      return (
        <div className="chart-overlay" data-testid="chart-no-data" data-status={status} role="status">
          <span className="chart-overlay-title">No data</span>
          <span className="chart-overlay-text">
            {status === 'empty' || error === null ? `No bars for ${series ?? 'this series'} yet.` : error.message}
          </span>
          {status === 'error' && error !== null && <span className="chart-overlay-code num">{error.code}</span>}
        </div>
      );
  }
}
