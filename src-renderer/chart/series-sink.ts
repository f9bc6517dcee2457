import type { CandlestickData, HistogramData, IChartApi, ISeriesApi, UTCTimestamp } from 'lightweight-charts';
import type { Bar } from '../../shared/domain/bar';
import type { BarSink } from './bar-stream';
import { VOLUME_COLORS } from './chart-theme';
import { toCandle, toVolume } from './series-data';

/** Below this many bars a snapshot is fitted whole; above, the default zoom at the latest bar. */
const FIT_ALL_BARS = 150;

/** What changed in a draw, for the layers drawn over a pane. */
export type DrawKind = 'replace' | 'update' | 'prepend';

const volumeOf = (b: Bar): HistogramData<UTCTimestamp> => toVolume(b, VOLUME_COLORS);

/**
 * Draws bars into a candlestick series and its volume histogram, then tells
 * `drawn`. A page of older bars is put in front with the bars in view kept
 * where they were (the visible logical range moves by the bars added), and
 * only the new bars are converted.
 */
export function createSeriesSink(
  chart: IChartApi,
  candles: ISeriesApi<'Candlestick'>,
  volume: ISeriesApi<'Histogram'>,
  drawn: (kind: DrawKind) => void,
): BarSink {
  let candleData: CandlestickData<UTCTimestamp>[] = [];
  let volumeData: HistogramData<UTCTimestamp>[] = [];
  return {
    replace(bars, showLatest) {
      candleData = bars.map(toCandle);
      volumeData = bars.map(volumeOf);
      candles.setData(candleData);
      volume.setData(volumeData);
      if (showLatest && bars.length > 0) {
        if (bars.length <= FIT_ALL_BARS) chart.timeScale().fitContent();
        else chart.timeScale().resetTimeScale();
      }
      drawn('replace');
    },
    update(bars) {
      for (const b of bars) {
        const candle = toCandle(b);
        const vol = volumeOf(b);
        candles.update(candle);
        volume.update(vol);
        if (candleData.at(-1)?.time === candle.time) {
          candleData[candleData.length - 1] = candle;
          volumeData[volumeData.length - 1] = vol;
        } else {
          candleData.push(candle);
          volumeData.push(vol);
        }
      }
      drawn('update');
    },
    prepend(bars, added) {
      const timeScale = chart.timeScale();
      const range = timeScale.getVisibleLogicalRange();
      candleData = bars.slice(0, added).map(toCandle).concat(candleData);
      volumeData = bars.slice(0, added).map(volumeOf).concat(volumeData);
      candles.setData(candleData);
      volume.setData(volumeData);
      if (range !== null) timeScale.setVisibleLogicalRange({ from: range.from + added, to: range.to + added });
      drawn('prepend');
    },
  };
}
