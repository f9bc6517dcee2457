import { CandlestickSeries, createSeriesMarkers } from 'lightweight-charts';
import { useEffect, useRef, useState, type ReactElement } from 'react';
import type { TradeDetail } from '../../shared/contract';
import type { Bar } from '../../shared/domain/bar';
import { MINUTE_MS } from '../../shared/domain/interval';
import { useAppContext } from '../app/app-context';
import { toContractError } from '../app/to-contract-error';
import { BACKTEST_COLORS } from '../backtest/backtest-chart-theme';
import { useBacktestChart } from '../backtest/use-backtest-chart';
import { CANDLE_OPTIONS } from '../chart/chart-theme';
import { toCandle } from '../chart/series-data';
import { fillMarkers } from './fill-markers';

/** Bars shown before the entry and after the exit. */
export const CONTEXT_BARS = 60;
const MAX_BARS = 5_000;

/** The 1m bars around a trade with its fills marked at their prices (an option's on its underlying). */
export function TradeChart({ detail }: { readonly detail: TradeDetail }): ReactElement {
  const { client } = useAppContext();
  const hostRef = useRef<HTMLDivElement>(null);
  const chart = useBacktestChart(hostRef);
  const [bars, setBars] = useState<readonly Bar[] | null>(null);
  const [note, setNote] = useState<string | null>(null);
  const { trade, chart: series, executions } = detail;

  useEffect(() => {
    let live = true;
    const from = Math.floor(trade.openedAt / MINUTE_MS) * MINUTE_MS - CONTEXT_BARS * MINUTE_MS;
    const end = trade.closedAt ?? Date.now();
    const to = Math.min(from + MAX_BARS * MINUTE_MS, Math.floor(end / MINUTE_MS) * MINUTE_MS + CONTEXT_BARS * MINUTE_MS);
    setBars(null);
    setNote(null);
    client.call('bars.get', { source: series.source, symbol: series.symbol, interval: '1m', from, to, limit: MAX_BARS }).then(
      (r) => {
        if (!live) return;
        setBars(r.bars);
        if (r.bars.length === 0) setNote(`no ${series.source}:${series.symbol} bars around the trade`);
      },
      (reason: unknown) => {
        if (live) setNote(toContractError(reason).message);
      },
    );
    return () => {
      live = false;
    };
  }, [client, series.source, series.symbol, trade.openedAt, trade.closedAt]);

  useEffect(() => {
    if (chart === null || bars === null || bars.length === 0) return undefined;
    const candles = chart.addSeries(CandlestickSeries, { ...CANDLE_OPTIONS, priceLineVisible: false });
    candles.setData(bars.map(toCandle));
    const markers = createSeriesMarkers(candles, fillMarkers(executions, bars.map((b) => b.time), { buy: BACKTEST_COLORS.win, sell: BACKTEST_COLORS.loss }, series.underlying));
    chart.timeScale().fitContent();
    return () => {
      markers.detach();
      chart.removeSeries(candles);
    };
  }, [chart, bars, executions, series.underlying]);

  return (
    <div className="journal-chart">
      <div ref={hostRef} className="journal-chart-host" data-testid="journal-trade-chart" data-bars={bars?.length ?? 0} />
      {note !== null && <p className="muted journal-chart-note">{note}</p>}
    </div>
  );
}
