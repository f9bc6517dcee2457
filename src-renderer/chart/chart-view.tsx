import { CandlestickSeries, createChart } from 'lightweight-charts';
import { useEffect, useRef, type ReactElement } from 'react';
import { CANDLE_OPTIONS, CHART_OPTIONS } from './chart-theme';

/**
 * One lightweight-charts chart with an (as yet empty) candlestick series,
 * sized to its container. The chart lives exactly as long as this component.
 */
export function ChartView(): ReactElement {
  const hostRef = useRef<HTMLDivElement>(null);

  useEffect(() => {
    const host = hostRef.current;
    if (host === null) return undefined;
    const chart = createChart(host, {
      ...CHART_OPTIONS,
      width: Math.floor(host.clientWidth),
      height: Math.floor(host.clientHeight),
    });
    chart.addSeries(CandlestickSeries, CANDLE_OPTIONS);

    const observer = new ResizeObserver((entries) => {
      const box = entries[0]?.contentRect;
      if (box === undefined) return;
      chart.resize(Math.floor(box.width), Math.floor(box.height));
    });
    observer.observe(host);

    return () => {
      observer.disconnect();
      chart.remove();
    };
  }, []);

  return <div ref={hostRef} className="chart-host" data-testid="chart-host" />;
}
