import { CandlestickSeries, createChart, HistogramSeries, type IChartApi, type ISeriesApi, type MouseEventParams } from 'lightweight-charts';
import { useEffect, useState, type RefObject } from 'react';
import type { BarSink } from './bar-stream';
import { CANDLE_OPTIONS, CHART_OPTIONS, VOLUME_OPTIONS, VOLUME_SCALE_ID, VOLUME_SCALE_MARGINS } from './chart-theme';
import { fromChartTime } from './series-data';
import { createSeriesSink } from './series-sink';

/** The live chart objects, for as long as the host element is mounted. */
export interface ChartParts {
  readonly chart: IChartApi;
  readonly candles: ISeriesApi<'Candlestick'>;
  readonly sink: BarSink;
}

/** Called with the open time (ms) of the bar under the crosshair, or null. */
export type HoverListener = (time: number | null) => void;

/**
 * Creates a chart in `hostRef` with a candlestick series and a volume overlay,
 * sized to the host; reports crosshair moves to `onHover.current`.
 */
export function useChartParts(hostRef: RefObject<HTMLDivElement | null>, onHover: RefObject<HoverListener | null>): ChartParts | null {
  const [parts, setParts] = useState<ChartParts | null>(null);

  useEffect(() => {
    const host = hostRef.current;
    if (host === null) return undefined;
    const chart = createChart(host, { ...CHART_OPTIONS, width: Math.floor(host.clientWidth), height: Math.floor(host.clientHeight) });
    const candles = chart.addSeries(CandlestickSeries, CANDLE_OPTIONS);
    const volume = chart.addSeries(HistogramSeries, VOLUME_OPTIONS);
    chart.priceScale(VOLUME_SCALE_ID).applyOptions({ scaleMargins: VOLUME_SCALE_MARGINS });

    const crosshair = (param: MouseEventParams): void => {
      const time = typeof param.time === 'number' ? fromChartTime(param.time) : null;
      onHover.current?.(time);
    };
    chart.subscribeCrosshairMove(crosshair);

    const observer = new ResizeObserver((entries) => {
      const box = entries[0]?.contentRect;
      if (box === undefined) return;
      chart.resize(Math.floor(box.width), Math.floor(box.height));
    });
    observer.observe(host);
    setParts({ chart, candles, sink: createSeriesSink(chart, candles, volume) });

    return () => {
      setParts(null);
      observer.disconnect();
      chart.unsubscribeCrosshairMove(crosshair);
      chart.remove();
    };
  }, [hostRef, onHover]);

  return parts;
}
