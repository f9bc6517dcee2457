import { HistogramSeries, LineSeries, LineStyle, type AutoscaleInfo, type IChartApi, type ISeriesApi, type UTCTimestamp, type WhitespaceData, type LineData, type HistogramData } from 'lightweight-charts';
import type { ChartIndicator } from '../../../shared/chart/chart-indicator-settings';
import { indicatorLabel } from '../../../shared/chart/chart-indicator-settings';
import type { BarList } from '../../bars/bar-book';
import { toChartTime } from '../series-data';

/** Indicator colours, by the indicator's place in the pane's list (kept in step with the menu's swatches). */
export const INDICATOR_COLORS = ['#f0b429', '#58a6ff', '#d2a8ff', '#3fb950', '#ff7b72', '#79c0ff', '#ffa657', '#e3b341'] as const;
const SIGNAL_COLOR = '#ff7b72';
const HIST_UP = 'rgba(38, 166, 154, 0.6)';
const HIST_DOWN = 'rgba(239, 83, 80, 0.6)';
const GUIDE_COLOR = 'rgba(139, 148, 158, 0.45)';

/** One series drawing one output of an indicator. */
export interface IndicatorPlot {
  readonly output: number;
  readonly series: ISeriesApi<'Line'> | ISeriesApi<'Histogram'>;
  readonly histogram: boolean;
}

type Point = LineData<UTCTimestamp> | HistogramData<UTCTimestamp> | WhitespaceData<UTCTimestamp>;

const lineOptions = (color: string, title: string, dashed = false) => ({
  color,
  lineWidth: 1 as const,
  lineStyle: dashed ? LineStyle.Dashed : LineStyle.Solid,
  title,
  priceLineVisible: false,
  crosshairMarkerVisible: false,
  lastValueVisible: true,
});

const RSI_RANGE: AutoscaleInfo = { priceRange: { minValue: 0, maxValue: 100 } };
const rsiRange = (): AutoscaleInfo => RSI_RANGE;

/**
 * The series that draw an indicator: overlays (SMA, EMA, VWAP, Bollinger) on
 * the price pane's scale, the others in chart pane `paneIndex` below it
 * (RSI with its 30/70 guides, MACD line, signal and histogram, ATR).
 */
export function createIndicatorPlots(chart: IChartApi, ind: ChartIndicator, color: string, paneIndex: number): IndicatorPlot[] {
  const title = indicatorLabel(ind);
  const line = (output: number, c: string, t: string, dashed = false): IndicatorPlot => ({
    output,
    series: chart.addSeries(LineSeries, lineOptions(c, t, dashed), paneIndex),
    histogram: false,
  });
  switch (ind.kind) {
    case 'sma':
    case 'ema':
    case 'vwap':
    case 'atr':
      return [line(0, color, title)];
    case 'rsi': {
      const plot = line(0, color, title);
      // RSI is bounded: a fixed 0-100 scale, no min/max over the bars in view at each paint.
      plot.series.applyOptions({ autoscaleInfoProvider: rsiRange });
      for (const price of [30, 70]) plot.series.createPriceLine({ price, color: GUIDE_COLOR, lineWidth: 1, lineStyle: LineStyle.Dotted, axisLabelVisible: false, title: '' });
      return [plot];
    }
    case 'bb':
      return [line(0, color, `${title} up`), line(1, color, '', true), line(2, color, `${title} low`)];
    case 'macd':
      return [
        { output: 2, series: chart.addSeries(HistogramSeries, { priceLineVisible: false, lastValueVisible: false, title: '' }, paneIndex), histogram: true },
        line(0, color, title),
        line(1, SIGNAL_COLOR, 'signal'),
      ];
  }
}

function point(time: UTCTimestamp, value: number | undefined, histogram: boolean): Point {
  if (value === undefined || !Number.isFinite(value)) return { time };
  return histogram ? { time, value, color: value >= 0 ? HIST_UP : HIST_DOWN } : { time, value };
}

/** Draws `values` (one per bar of `bars`) whole. */
export function setPlot(plot: IndicatorPlot, values: readonly number[], bars: BarList): void {
  const data: Point[] = new Array<Point>(bars.length);
  for (let i = 0; i < bars.length; i++) data[i] = point(toChartTime(bars[i]?.time ?? 0), values[i], plot.histogram);
  plot.series.setData(data);
}

/** Draws the values of bars `from`.. in place (the forming bar and any new ones). */
export function updatePlot(plot: IndicatorPlot, values: readonly number[], bars: BarList, from: number): void {
  for (let i = Math.max(0, from); i < bars.length; i++) {
    const bar = bars[i];
    if (bar !== undefined) plot.series.update(point(toChartTime(bar.time), values[i], plot.histogram));
  }
}
