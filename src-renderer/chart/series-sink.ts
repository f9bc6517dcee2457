import type { IChartApi, ISeriesApi } from 'lightweight-charts';
import type { Bar } from '../../shared/domain/bar';
import type { BarSink } from './bar-stream';
import { VOLUME_COLORS } from './chart-theme';
import { toCandle, toVolume } from './series-data';

/** Below this many bars a snapshot is fitted whole; above, the default zoom at the latest bar. */
const FIT_ALL_BARS = 150;

/** Draws bars into a candlestick series and its volume histogram. */
export function createSeriesSink(
  chart: IChartApi,
  candles: ISeriesApi<'Candlestick'>,
  volume: ISeriesApi<'Histogram'>,
): BarSink {
  return {
    replace(bars, showLatest) {
      candles.setData(bars.map(toCandle));
      volume.setData(bars.map((b: Bar) => toVolume(b, VOLUME_COLORS)));
      if (!showLatest || bars.length === 0) return;
      if (bars.length <= FIT_ALL_BARS) chart.timeScale().fitContent();
      else chart.timeScale().resetTimeScale();
    },
    update(bars) {
      for (const b of bars) {
        candles.update(toCandle(b));
        volume.update(toVolume(b, VOLUME_COLORS));
      }
    },
  };
}
