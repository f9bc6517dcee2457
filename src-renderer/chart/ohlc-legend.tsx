import type { ReactElement } from 'react';
import { useStore } from 'zustand';
import { useAppStores } from '../app/app-context';
import { changePercent } from '../bars/daily-change';
import { changeTone, formatChangePct } from '../format/format-change';
import { formatPrice, formatVolume } from '../format/price-precision';

export interface OhlcLegendProps {
  readonly precision: number;
}

/**
 * Open, high, low, close and volume of the bar under the crosshair, else of
 * the last bar, with its change from open to close. Drawn over the chart.
 */
export function OhlcLegend({ precision }: OhlcLegendProps): ReactElement | null {
  const stores = useAppStores();
  const lastBar = useStore(stores.chart, (s) => s.lastBar);
  const hoverBar = useStore(stores.chart, (s) => s.hoverBar);
  const bar = hoverBar ?? lastBar;
  const hovered = hoverBar !== null;
  if (bar === null) return null;
  const change = changePercent(bar.open, bar.close);
  const fields: readonly (readonly [string, string])[] = [
    ['O', formatPrice(bar.open, precision)],
    ['H', formatPrice(bar.high, precision)],
    ['L', formatPrice(bar.low, precision)],
    ['C', formatPrice(bar.close, precision)],
    ['V', formatVolume(bar.volume)],
  ];
  return (
    <span className={hovered ? 'chart-ohlc num is-hovered' : 'chart-ohlc num'} data-testid="chart-legend" data-time={bar.time}>
      {fields.map(([label, value]) => (
        <span key={label} className="ohlc-field">
          <span className="ohlc-label">{label}</span> {value}
        </span>
      ))}
      <span className={`ohlc-change tone-${changeTone(change)}`}>{formatChangePct(change)}</span>
      {!bar.final && <span className="ohlc-forming muted">forming</span>}
    </span>
  );
}
