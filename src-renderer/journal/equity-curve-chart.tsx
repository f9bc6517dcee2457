import { LineSeries, type UTCTimestamp } from 'lightweight-charts';
import { useEffect, useRef, type ReactElement } from 'react';
import type { JournalStatsWire } from '../../shared/contract';
import { EQUITY_OPTIONS } from '../backtest/backtest-chart-theme';
import { useBacktestChart } from '../backtest/use-backtest-chart';
import { toChartTime } from '../chart/series-data';

/** Points of the journal's equity curve for a line series: one per second at most (trips closed in the same second keep the last). */
export function equityLine(equity: JournalStatsWire['equity']): { time: UTCTimestamp; value: number }[] {
  const out: { time: UTCTimestamp; value: number }[] = [];
  for (const p of equity) {
    const time = toChartTime(p.time);
    const last = out.at(-1);
    if (last !== undefined && last.time === time) out[out.length - 1] = { time, value: p.equity };
    else out.push({ time, value: p.equity });
  }
  return out;
}

/** Cumulative net P&L of the closed trips, trade by trade. */
export function EquityCurveChart({ equity }: { readonly equity: JournalStatsWire['equity'] }): ReactElement {
  const hostRef = useRef<HTMLDivElement>(null);
  const chart = useBacktestChart(hostRef);
  useEffect(() => {
    if (chart === null) return undefined;
    const line = chart.addSeries(LineSeries, { ...EQUITY_OPTIONS, title: 'Net P&L' });
    line.setData(equityLine(equity));
    chart.timeScale().fitContent();
    return () => chart.removeSeries(line);
  }, [chart, equity]);
  return <div ref={hostRef} className="journal-equity-host" data-testid="journal-equity" data-points={equity.length} />;
}
