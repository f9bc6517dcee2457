import type { ReactElement } from 'react';

export interface SourceChipProps {
  readonly source: string | null;
  readonly simulated: boolean;
  /** Why the chart is not on its preferred feed (e.g. "Binance offline — showing SIM"); null when it is. */
  readonly fallback: string | null;
  /** Shown while the chart follows a source the user pinned (a replay). */
  readonly onBackToLive?: () => void;
}

/** Where the chart's bars come from, with a SIMULATED badge that cannot be missed for simulated data. */
export function SourceChip({ source, simulated, fallback, onBackToLive }: SourceChipProps): ReactElement {
  const label = source === null ? '—' : source.toUpperCase();
  return (
    <span className="chart-source-group">
      <span
        className={simulated ? 'chart-chip chart-source is-simulated' : 'chart-chip chart-source'}
        data-testid="chart-source"
        data-source={source ?? ''}
        data-simulated={simulated}
        title={`${simulated ? `${label}: simulated market data, not real prices` : `Source: ${label}`}${fallback === null ? '' : ` (${fallback})`}`}
      >
        {label}
      </span>
      {simulated && <span className="tag tag-sim chart-sim-badge">SIMULATED</span>}
      {fallback !== null && (
        <span className="chart-fallback" data-testid="chart-fallback" role="status">
          {fallback}
        </span>
      )}
      {onBackToLive !== undefined && (
        <button type="button" className="button chart-live-button" onClick={onBackToLive} data-testid="chart-back-to-live">
          Back to live
        </button>
      )}
    </span>
  );
}
