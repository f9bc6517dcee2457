import { CandlestickSeries, createChart, HistogramSeries, type MouseEventParams, type LogicalRange } from 'lightweight-charts';
import { useEffect, useState, type RefObject } from 'react';
import { indexAtOrBefore } from '../bars/bar-book';
import { CANDLE_OPTIONS, CHART_OPTIONS, VOLUME_OPTIONS, VOLUME_SCALE_ID, VOLUME_SCALE_MARGINS } from './chart-theme';
import { createPanePointer } from './interaction/pane-pointer';
import type { PaneHandle, PaneView } from './pane-handle';
import { fromChartTime, toChartTime } from './series-data';
import { createSeriesSink, type DrawKind, type SeriesSink } from './series-sink';

/** What the chart tells its pane. */
export interface PaneChartEvents {
  /** The crosshair is on the bar opening at `time` (ms), or off the bars (null); `byUser` for the mouse, not a sync. */
  crosshair(time: number | null, byUser: boolean): void;
  /** The visible logical range changed; `from` is the logical index at the left edge. */
  visibleFrom(from: number): void;
}

export interface PaneChart {
  readonly handle: PaneHandle;
  readonly sink: SeriesSink;
}

/**
 * Creates pane `index`'s chart in `hostRef` (candles and a volume overlay),
 * sized to the host, the sink its stream draws through (a window of the
 * bars held) and the handle its layers use. `view` holds the pane's latest view.
 */
export function usePaneChart(
  index: number,
  hostRef: RefObject<HTMLDivElement | null>,
  events: RefObject<PaneChartEvents | null>,
  view: RefObject<PaneView>,
): PaneChart | null {
  const [parts, setParts] = useState<PaneChart | null>(null);

  useEffect(() => {
    const host = hostRef.current;
    if (host === null) return undefined;
    const chart = createChart(host, { ...CHART_OPTIONS, width: Math.floor(host.clientWidth), height: Math.floor(host.clientHeight) });
    const candles = chart.addSeries(CandlestickSeries, CANDLE_OPTIONS);
    const volume = chart.addSeries(HistogramSeries, VOLUME_OPTIONS);
    chart.priceScale(VOLUME_SCALE_ID).applyOptions({ scaleMargins: VOLUME_SCALE_MARGINS });

    const listeners = new Set<(kind: DrawKind) => void>();
    const sink = createSeriesSink(chart, candles, volume, (kind) => {
      for (const listener of listeners) listener(kind);
    });
    const pointer = createPanePointer(chart, host);

    const crosshair = (param: MouseEventParams): void => {
      const time = typeof param.time === 'number' ? fromChartTime(param.time) : null;
      events.current?.crosshair(time, param.sourceEvent !== undefined);
    };
    const leave = (): void => {
      events.current?.crosshair(null, true);
    };
    const range = (logical: LogicalRange | null): void => {
      if (logical !== null) events.current?.visibleFrom(logical.from);
    };
    chart.subscribeCrosshairMove(crosshair);
    chart.timeScale().subscribeVisibleLogicalRangeChange(range);
    host.addEventListener('pointerleave', leave);

    const observer = new ResizeObserver((entries) => {
      const box = entries[0]?.contentRect;
      if (box === undefined) return;
      chart.resize(Math.floor(box.width), Math.floor(box.height));
    });
    observer.observe(host);

    const handle: PaneHandle = {
      index,
      chart,
      candles,
      volume,
      host,
      pointer,
      // The bars drawn (a window of those held) and the view over them, for tests and benchmarks.
      probes: new Map([['window', () => ({ drawn: sink.drawn().length, setAside: sink.setAside(), range: chart.timeScale().getVisibleLogicalRange() })]]),
      bars: () => sink.drawn(),
      flushLive: () => sink.flushLive(),
      view: () => view.current,
      onDraw: (listener) => {
        listeners.add(listener);
        return () => {
          listeners.delete(listener);
        };
      },
      scrollBy: (n) => {
        const timeScale = chart.timeScale();
        timeScale.scrollToPosition(timeScale.scrollPosition() + n, false);
      },
      showCrosshairAt: (time) => {
        const list = sink.drawn();
        const at = time === null ? -1 : indexAtOrBefore(list, time);
        const bar = list[at];
        // A crosshair set from code does not call the crosshair listeners: the pane's legend is told here.
        if (bar === undefined) chart.clearCrosshairPosition();
        else chart.setCrosshairPosition(bar.close, toChartTime(bar.time), candles);
        events.current?.crosshair(bar?.time ?? null, false);
      },
      drawSnapshot: (bars) => {
        sink.replace(bars, true);
      },
      drawUpdate: (bars) => {
        sink.update(bars);
      },
    };
    setParts({ handle, sink });

    return () => {
      setParts(null);
      sink.dispose();
      listeners.clear();
      pointer.dispose();
      observer.disconnect();
      host.removeEventListener('pointerleave', leave);
      chart.timeScale().unsubscribeVisibleLogicalRangeChange(range);
      chart.unsubscribeCrosshairMove(crosshair);
      chart.remove();
    };
  }, [index, hostRef, events, view]);

  return parts;
}
