import type { CandlestickData, HistogramData, UTCTimestamp } from 'lightweight-charts';
import type { Bar } from '../../shared/domain/bar';

/** lightweight-charts counts time in whole seconds; bars open on epoch milliseconds. */
export function toChartTime(epochMs: number): UTCTimestamp {
  return Math.floor(epochMs / 1_000) as UTCTimestamp;
}

/** The bar's open time in ms from a chart time in seconds. */
export function fromChartTime(seconds: number): number {
  return seconds * 1_000;
}

export function toCandle(bar: Bar): CandlestickData<UTCTimestamp> {
  return { time: toChartTime(bar.time), open: bar.open, high: bar.high, low: bar.low, close: bar.close };
}

export interface VolumeColors {
  readonly up: string;
  readonly down: string;
}

export function toVolume(bar: Bar, colors: VolumeColors): HistogramData<UTCTimestamp> {
  return { time: toChartTime(bar.time), value: bar.volume, color: bar.close >= bar.open ? colors.up : colors.down };
}
