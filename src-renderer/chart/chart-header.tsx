import type { ReactElement } from 'react';
import { useStore } from 'zustand';
import { useAppStores } from '../app/app-context';
import { formatPrice } from '../format/price-precision';
import { IntervalButtons } from './interval-buttons';
import { SourceChip } from './source-chip';
import type { ResolvedChart } from './chart-target';

export interface ChartHeaderProps {
  readonly chart: ResolvedChart;
  readonly simulated: boolean;
  /** The fallback note for the source chip, or null. */
  readonly fallback: string | null;
  readonly precision: number;
}

/** Symbol, source chip, interval buttons, the last close and the number of bars loaded. */
export function ChartHeader({ chart, simulated, fallback, precision }: ChartHeaderProps): ReactElement {
  const stores = useAppStores();
  const lastBar = useStore(stores.chart, (s) => s.lastBar);
  const barCount = useStore(stores.chart, (s) => s.barCount);
  const pinnedSource = useStore(stores.workspace, (s) => s.chartSource);
  const { selectInterval, showLive } = stores.workspace.getState();

  return (
    <header className="chart-header">
      <span className="chart-symbol" data-testid="chart-symbol">
        {chart.symbol ?? '—'}
      </span>
      <SourceChip source={chart.source} simulated={simulated} fallback={fallback} onBackToLive={pinnedSource === null ? undefined : showLive} />
      <IntervalButtons selected={chart.interval} onSelect={selectInterval} />
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
