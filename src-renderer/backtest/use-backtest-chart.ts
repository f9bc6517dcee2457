import { createChart, type IChartApi } from 'lightweight-charts';
import { useEffect, useState, type RefObject } from 'react';
import { BACKTEST_CHART_OPTIONS } from './backtest-chart-theme';

/**
 * A chart in `hostRef`, sized to it, for as long as the host is mounted (null
 * before). Components add their series in their own effects and remove them
 * in those effects' cleanups.
 */
export function useBacktestChart(hostRef: RefObject<HTMLDivElement | null>): IChartApi | null {
  const [chart, setChart] = useState<IChartApi | null>(null);

  useEffect(() => {
    const host = hostRef.current;
    if (host === null) return undefined;
    const created = createChart(host, { ...BACKTEST_CHART_OPTIONS, width: Math.floor(host.clientWidth), height: Math.floor(host.clientHeight) });
    const observer = new ResizeObserver((entries) => {
      const box = entries[0]?.contentRect;
      if (box !== undefined) created.resize(Math.floor(box.width), Math.floor(box.height));
    });
    observer.observe(host);
    setChart(created);
    return () => {
      setChart(null);
      observer.disconnect();
      // On unmount React runs this before the cleanups of the effects that added
      // series and markers to the chart; remove it once they have let go.
      queueMicrotask(() => {
        created.remove();
      });
    };
  }, [hostRef]);

  return chart;
}
