import { LineSeries } from 'lightweight-charts';
import { useEffect, useRef, type ReactElement } from 'react';
import type { EquityCurve } from '../../shared/contract';
import { BACKTEST_COLORS, lineOptions } from './backtest-chart-theme';
import { compareCurves } from './equity-series';
import { useBacktestChart } from './use-backtest-chart';

export interface CompareChartProps {
  readonly a: EquityCurve;
  readonly b: EquityCurve;
}

/** Both runs' equity on one chart (as return in percent when they start from different cash). */
export function CompareChart({ a, b }: CompareChartProps): ReactElement {
  const hostRef = useRef<HTMLDivElement>(null);
  const chart = useBacktestChart(hostRef);

  useEffect(() => {
    if (chart === null) return undefined;
    const curves = compareCurves(a, b);
    const suffix = curves.unit === 'returnPct' ? ' %' : '';
    const lineA = chart.addSeries(LineSeries, lineOptions(BACKTEST_COLORS.runA, `A${suffix}`, curves.unit));
    const lineB = chart.addSeries(LineSeries, lineOptions(BACKTEST_COLORS.runB, `B${suffix}`, curves.unit));
    lineA.setData(curves.a);
    lineB.setData(curves.b);
    chart.timeScale().fitContent();
    return () => {
      chart.removeSeries(lineB);
      chart.removeSeries(lineA);
    };
  }, [chart, a, b]);

  return <div ref={hostRef} className="backtest-chart-host" data-testid="backtest-compare-chart" />;
}
