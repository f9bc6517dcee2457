import { useEffect, useRef, type ReactElement } from 'react';
import { useAppContext } from '../app/app-context';
import { startBarStream } from './bar-stream';
import { IDLE_SUMMARY } from './chart-summary';
import type { ChartTarget } from './chart-target';
import { useChartParts, type HoverListener } from './use-chart-parts';

export interface ChartViewProps {
  /** The series to show; null shows an empty chart. */
  readonly target: ChartTarget | null;
  /** Decimal places and smallest move of the price scale (from the instrument's tick). */
  readonly priceFormat: { readonly precision: number; readonly minMove: number };
}

/**
 * A lightweight-charts chart following one `bars.updates` stream: re-subscribed
 * (old stream first) whenever the source, symbol or interval changes.
 */
export function ChartView({ target, priceFormat }: ChartViewProps): ReactElement {
  const { client, stores } = useAppContext();
  const hostRef = useRef<HTMLDivElement>(null);
  const hoverRef = useRef<HoverListener | null>(null);
  const parts = useChartParts(hostRef, hoverRef);
  const publish = stores.chart.getState().publish;

  const source = target?.source;
  const symbol = target?.symbol;
  const interval = target?.interval;
  useEffect(() => {
    if (parts === null || source === undefined || symbol === undefined || interval === undefined) {
      parts?.sink.replace([], false);
      publish(IDLE_SUMMARY);
      return undefined;
    }
    const stream = startBarStream({ client, target: { source, symbol, interval }, sink: parts.sink, publish });
    hoverRef.current = (time) => {
      stream.hover(time);
    };
    return () => {
      hoverRef.current = null;
      stream.stop();
    };
  }, [client, parts, publish, source, symbol, interval]);

  const { precision, minMove } = priceFormat;
  useEffect(() => {
    if (parts === null) return;
    parts.candles.applyOptions({ priceFormat: { type: 'price', precision, minMove } });
  }, [parts, precision, minMove]);

  return <div ref={hostRef} className="chart-host" data-testid="chart-host" />;
}
