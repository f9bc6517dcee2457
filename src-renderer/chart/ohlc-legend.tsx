import type { ReactElement } from 'react';
import { useStore } from 'zustand';
import type { TimeLabelContext } from '../format/chart-time-format';
import type { ChartStore } from './chart-store';
import { legendModel } from './legend-model';

export interface OhlcLegendProps {
  readonly summary: ChartStore;
  readonly precision: number;
  /** Null until the pane's market is known. */
  readonly labels: TimeLabelContext | null;
}

/**
 * The bar under the crosshair, else the last bar: its date and time in the
 * pane's zone, open, high, low, close, volume, and its change against the
 * previous bar's close. Drawn over the chart.
 */
export function OhlcLegend({ summary, precision, labels }: OhlcLegendProps): ReactElement | null {
  const lastBar = useStore(summary, (s) => s.lastBar);
  const lastPrevClose = useStore(summary, (s) => s.lastPrevClose);
  const hoverBar = useStore(summary, (s) => s.hoverBar);
  const hoverPrevClose = useStore(summary, (s) => s.hoverPrevClose);
  const hovered = hoverBar !== null;
  const bar = hoverBar ?? lastBar;
  if (bar === null || labels === null) return null;
  const model = legendModel(bar, hovered ? hoverPrevClose : lastPrevClose, precision, labels);
  return (
    <span className={hovered ? 'chart-ohlc num is-hovered' : 'chart-ohlc num'} data-testid="chart-legend" data-time={bar.time}>
      <span className="ohlc-time" data-testid="chart-legend-time">
        {model.time}
      </span>
      {model.fields.map(([label, value]) => (
        <span key={label} className="ohlc-field">
          <span className="ohlc-label">{label}</span> {value}
        </span>
      ))}
      <span className={`ohlc-change tone-${model.tone}`} data-testid="chart-legend-change">
        {model.change} ({model.changePct})
      </span>
      {model.forming && <span className="ohlc-forming muted">forming</span>}
    </span>
  );
}
