import { CandlestickSeries, createSeriesMarkers, type ISeriesApi } from 'lightweight-charts';
import { useEffect, useMemo, useRef, useState, type ReactElement } from 'react';
import type { BacktestTrade } from '../../shared/contract';
import type { Bar } from '../../shared/domain/bar';
import { INTERVAL_MS, type Interval } from '../../shared/domain/interval';
import { CANDLE_OPTIONS } from '../chart/chart-theme';
import { toCandle } from '../chart/series-data';
import { pricePrecision } from '../format/price-precision';
import { BACKTEST_COLORS } from './backtest-chart-theme';
import { tradeMarkers, tradeRange } from './trade-markers';
import { useBacktestChart } from './use-backtest-chart';

export interface PriceChartProps {
  readonly bars: readonly Bar[];
  readonly trades: readonly BacktestTrade[];
  readonly interval: Interval;
  /** Markers carry the entry and exit reasons (else only each exit's return). */
  readonly withReasons: boolean;
  /** The trade to bring into view (index into `trades`), or null to show everything. */
  readonly focus: number | null;
}

const COLORS = { win: BACKTEST_COLORS.win, loss: BACKTEST_COLORS.loss } as const;

/** The run's bars as candles, with its trades as entry and exit markers. */
export function PriceChart({ bars, trades, interval, withReasons, focus }: PriceChartProps): ReactElement {
  const hostRef = useRef<HTMLDivElement>(null);
  const chart = useBacktestChart(hostRef);
  const [candles, setCandles] = useState<ISeriesApi<'Candlestick'> | null>(null);
  const barTimes = useMemo(() => bars.map((b) => b.time), [bars]);

  useEffect(() => {
    if (chart === null) return undefined;
    const precision = pricePrecision(null, bars[0]?.close ?? null);
    const series = chart.addSeries(CandlestickSeries, { ...CANDLE_OPTIONS, priceFormat: { type: 'price', precision, minMove: 10 ** -precision } });
    series.setData(bars.map(toCandle));
    chart.timeScale().fitContent();
    setCandles(series);
    return () => {
      setCandles(null);
      chart.removeSeries(series);
    };
  }, [chart, bars]);

  useEffect(() => {
    if (candles === null) return undefined;
    const markers = createSeriesMarkers(candles, tradeMarkers(trades, barTimes, COLORS, withReasons, focus));
    return () => {
      markers.detach();
    };
  }, [candles, trades, barTimes, withReasons, focus]);

  useEffect(() => {
    if (chart === null || candles === null) return;
    const trade = focus === null ? undefined : trades[focus];
    if (trade === undefined) chart.timeScale().fitContent();
    else chart.timeScale().setVisibleRange(tradeRange(trade, INTERVAL_MS[interval]));
  }, [chart, candles, trades, focus, interval]);

  return <div ref={hostRef} className="backtest-chart-host" data-testid="backtest-price-chart" data-bars={bars.length} />;
}
