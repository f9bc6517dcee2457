import {
  LineStyle,
  type BaselineSeriesPartialOptions,
  type ChartOptions,
  type DeepPartial,
  type LineSeriesPartialOptions,
} from 'lightweight-charts';
import { CHART_OPTIONS } from '../chart/chart-theme';

/** Kept in step with styles/theme.css (--accent, --warn, --good, --bad) and styles/backtest.css (the A/B swatches). */
export const BACKTEST_COLORS = {
  equity: '#4c8dff',
  runA: '#4c8dff',
  runB: '#e3b341',
  win: '#26a69a',
  loss: '#ef5350',
  drawdownFill: 'rgba(239, 83, 80, 0.35)',
  drawdownLine: '#ef5350',
  zero: '#303945',
} as const;

/** The workstation chart look without the volume gap at the bottom of the price scale. */
export const BACKTEST_CHART_OPTIONS: DeepPartial<ChartOptions> = {
  ...CHART_OPTIONS,
  rightPriceScale: { ...CHART_OPTIONS.rightPriceScale, scaleMargins: { top: 0.1, bottom: 0.08 } },
  timeScale: { ...CHART_OPTIONS.timeScale, rightOffset: 2 },
};

const percent = (value: number): string => `${value.toFixed(2)}%`;

export const EQUITY_OPTIONS: LineSeriesPartialOptions = {
  color: BACKTEST_COLORS.equity,
  lineWidth: 2,
  priceLineVisible: false,
  title: 'Equity',
};

export function lineOptions(color: string, title: string, unit: 'equity' | 'returnPct'): LineSeriesPartialOptions {
  return {
    color,
    lineWidth: 2,
    priceLineVisible: false,
    title,
    ...(unit === 'returnPct' ? { priceFormat: { type: 'custom', formatter: percent, minMove: 0.01 } } : {}),
  };
}

/** Drawdown fills down from zero. */
export const DRAWDOWN_OPTIONS: BaselineSeriesPartialOptions = {
  baseValue: { type: 'price', price: 0 },
  topLineColor: BACKTEST_COLORS.zero,
  topFillColor1: 'rgba(0, 0, 0, 0)',
  topFillColor2: 'rgba(0, 0, 0, 0)',
  bottomLineColor: BACKTEST_COLORS.drawdownLine,
  bottomFillColor1: BACKTEST_COLORS.drawdownFill,
  bottomFillColor2: BACKTEST_COLORS.drawdownFill,
  lineWidth: 1,
  priceLineVisible: false,
  lastValueVisible: true,
  title: 'Drawdown',
  priceFormat: { type: 'custom', formatter: percent, minMove: 0.01 },
  baseLineStyle: LineStyle.Dotted,
};

/** The drawdown pane's share of the equity chart's height. */
export const DRAWDOWN_PANE_SHARE = 0.3;
