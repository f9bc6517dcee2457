import type { ReactElement } from 'react';
import { useStore } from 'zustand';
import type { Interval } from '../../shared/domain/interval';
import { formatPrice } from '../format/price-precision';
import type { ChartStore } from './chart-store';
import type { ResolvedChart } from './chart-target';
import { IntervalButtons } from './interval-buttons';
import { SourceChip } from './source-chip';

export interface PaneHeaderProps {
  readonly chart: ResolvedChart;
  readonly summary: ChartStore;
  readonly simulated: boolean;
  /** The fallback note for the source chip, or null. */
  readonly fallback: string | null;
  readonly precision: number;
  readonly showVolume: boolean;
  /** The pane shows a pinned source (a replay): offer the way back. */
  readonly pinned: boolean;
  readonly onInterval: (interval: Interval) => void;
  readonly onSymbol: () => void;
  readonly onVolume: (show: boolean) => void;
  readonly onBackToLive: () => void;
}

/** A pane's symbol (click to search), source chip, intervals, volume toggle, last close and bars loaded. */
export function PaneHeader(props: PaneHeaderProps): ReactElement {
  const { chart, summary, simulated, fallback, precision, showVolume, pinned } = props;
  const lastBar = useStore(summary, (s) => s.lastBar);
  const barCount = useStore(summary, (s) => s.barCount);

  return (
    <header className="chart-header">
      <button type="button" className="chart-symbol" data-testid="chart-symbol" title="Change symbol (or just type it)" onClick={props.onSymbol}>
        {chart.symbol ?? '—'}
      </button>
      <IntervalButtons selected={chart.interval} onSelect={props.onInterval} />
      <button
        type="button"
        className="interval-button chart-volume-toggle"
        aria-pressed={showVolume}
        title={showVolume ? 'Hide volume' : 'Show volume'}
        data-testid="chart-volume-toggle"
        onClick={() => {
          props.onVolume(!showVolume);
        }}
      >
        Vol
      </button>
      <SourceChip source={chart.source} simulated={simulated} fallback={fallback} onBackToLive={pinned ? props.onBackToLive : undefined} />
      <span className="chart-header-spacer" />
      <span className="chart-last num" title="Last close">
        <span className="chart-last-label">Last</span>{' '}
        <span data-testid="chart-last-close">{lastBar === null ? '—' : formatPrice(lastBar.close, precision)}</span>
      </span>
      <span className="chart-bar-count num" title="Bars loaded">
        <span data-testid="chart-bar-count">{barCount}</span> bars
      </span>
    </header>
  );
}
