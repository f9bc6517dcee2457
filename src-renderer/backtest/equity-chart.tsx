import { BaselineSeries, LineSeries } from 'lightweight-charts';
import { useEffect, useRef, type ReactElement } from 'react';
import type { EquityCurve } from '../../shared/contract';
import { DRAWDOWN_OPTIONS, DRAWDOWN_PANE_SHARE, EQUITY_OPTIONS } from './backtest-chart-theme';
import { drawdownPoints, equityPoints } from './equity-series';
import { useBacktestChart } from './use-backtest-chart';

export interface EquityChartProps {
  readonly curve: EquityCurve;
}

/** The run's equity with its drawdown (in percent below the peak) in a pane underneath. */
export function EquityChart({ curve }: EquityChartProps): ReactElement {
  const hostRef = useRef<HTMLDivElement>(null);
  const chart = useBacktestChart(hostRef);

  useEffect(() => {
    if (chart === null) return undefined;
    const equity = chart.addSeries(LineSeries, EQUITY_OPTIONS, 0);
    const drawdown = chart.addSeries(BaselineSeries, DRAWDOWN_OPTIONS, 1);
    equity.setData(equityPoints(curve));
    drawdown.setData(drawdownPoints(curve));
    const [top, bottom] = chart.panes();
    top?.setStretchFactor(1 - DRAWDOWN_PANE_SHARE);
    bottom?.setStretchFactor(DRAWDOWN_PANE_SHARE);
    chart.timeScale().fitContent();
    return () => {
      chart.removeSeries(drawdown);
      chart.removeSeries(equity);
    };
  }, [chart, curve]);

  return <div ref={hostRef} className="backtest-chart-host" data-testid="backtest-equity-chart" />;
}
