import type { CandlestickData, HistogramData, IChartApi, ISeriesApi, UTCTimestamp } from 'lightweight-charts';
import type { Bar } from '../../shared/domain/bar';
import { indexAtOrBefore, type BarList } from '../bars/bar-book';
import type { BarSink } from './bar-stream';
import { barsToDrop, liveDrawGap } from './draw-window';
import { VOLUME_COLORS } from './chart-theme';
import { toCandle, toVolume } from './series-data';

/** Below this many bars a snapshot is fitted whole; above, the default zoom at the latest bar. */
const FIT_ALL_BARS = 150;
/**
 * The most bars a snapshot hands lightweight-charts: the newest ones (a
 * snapshot's 2,000 whole). What lightweight-charts does per live update is
 * linear in the bars a series holds, not in those in view: `update` rebuilds
 * the series' row index (PlotList.setData maps every row), and the next paint
 * rebuilds the series' pane-view items from every row (fillRawPoints; candles
 * also look up each bar's style), so a pane holding 100,000 bars paints as
 * fast as one of 2,000 and a live tick costs the same on either.
 */
export const DRAW_WINDOW_BARS = 2_000;
/** Bars held but not drawn that scrolling back puts in front at a time (no trip to the core). */
export const WINDOW_PAGE_BARS = 2_000;

/**
 * Live updates are drawn at once when the last live draw is at least this
 * old, else together when it is: at most five live redraws a second per pane
 * (each repaints the whole chart, its indicator panes included, and rebuilds
 * the updated series' points from all their rows), so four busy panes stay
 * within a frame's budget.
 */
export const LIVE_DRAW_GAP_MS = 200;
/** The same while the newest bar is scrolled out of view: once a second (it moves only the last-price label). */
export const OFF_VIEW_DRAW_GAP_MS = 1_000;

/** What changed in a draw, for the layers drawn over a pane. */
export type DrawKind = 'replace' | 'update' | 'prepend';

const volumeOf = (b: Bar): HistogramData<UTCTimestamp> => toVolume(b, VOLUME_COLORS);

/** A bar sink that draws only a window of the bars it holds. */
export interface SeriesSink extends BarSink {
  /** The bars drawn, ascending: `drawn()[i]` is at the chart's logical index i. A tail of the bars held. */
  drawn(): BarList;
  /** Draws up to WINDOW_PAGE_BARS more of the bars held in front of those drawn, keeping the view; false when every bar held is drawn. */
  extend(): boolean;
}

/**
 * Draws bars into a candlestick series and its volume histogram, then tells
 * `drawn`. Of the bars it is given it draws a window: the newest
 * DRAW_WINDOW_BARS after a snapshot, growing a page at a time in front as
 * the user scrolls back (`extend`), and always ending at the newest bar, so
 * live updates draw in place. A page of older bars from the core is put in
 * front with the bars in view kept where they were (the visible logical
 * range moves by the bars added), and only the new bars are converted.
 */
export function createSeriesSink(
  chart: IChartApi,
  candles: ISeriesApi<'Candlestick'>,
  volume: ISeriesApi<'Histogram'>,
  drawn: (kind: DrawKind) => void,
  now: () => number = () => performance.now(),
): SeriesSink {
  // The bars held as last given whole (a snapshot, a rebuild, a page): only the
  // part before `start` is read again (updates only touch the drawn tail).
  let held: BarList = [];
  let start = 0;
  let window: Bar[] = [];
  let candleData: CandlestickData<UTCTimestamp>[] = [];
  let volumeData: HistogramData<UTCTimestamp>[] = [];

  const setAll = (): void => {
    candles.setData(candleData);
    volume.setData(volumeData);
  };
  const shiftView = (added: number): void => {
    const timeScale = chart.timeScale();
    const range = timeScale.getVisibleLogicalRange();
    if (range !== null) timeScale.setVisibleLogicalRange({ from: range.from + added, to: range.to + added });
  };
  /** Where a rebuild starts drawing: at the first bar drawn before it, when it is still held. */
  const keptStart = (bars: BarList): number => {
    const first = window[0];
    if (first === undefined) return Math.max(0, bars.length - DRAW_WINDOW_BARS);
    const at = indexAtOrBefore(bars, first.time);
    return bars[at]?.time === first.time ? at : at + 1;
  };

  // Live updates waiting for their draw (LIVE_DRAW_GAP_MS), in arrival order.
  let pending: Bar[] = [];
  let timer: ReturnType<typeof setTimeout> | null = null;
  let lastLive = Number.NEGATIVE_INFINITY;
  const cancelPending = (): void => {
    if (timer !== null) clearTimeout(timer);
    timer = null;
    pending = [];
  };
  const drawLive = (): void => {
    const bars = pending;
    cancelPending();
    lastLive = now();
    for (const b of bars) {
      const candle = toCandle(b);
      const vol = volumeOf(b);
      candles.update(candle);
      volume.update(vol);
      if (candleData.at(-1)?.time === candle.time) {
        candleData[candleData.length - 1] = candle;
        volumeData[volumeData.length - 1] = vol;
        window[window.length - 1] = b;
      } else {
        candleData.push(candle);
        volumeData.push(vol);
        window.push(b);
      }
    }
    if (bars.length === 0) return;
    // Back at the live edge after a long scroll back: the oldest bars go (held, drawn again on scrolling back).
    const drop = Math.min(barsToDrop(window.length, chart.timeScale().getVisibleLogicalRange()?.from ?? null, DRAW_WINDOW_BARS, WINDOW_PAGE_BARS), held.length - start);
    if (drop <= 0) {
      drawn('update');
      return;
    }
    start += drop;
    window = window.slice(drop);
    candleData = candleData.slice(drop);
    volumeData = volumeData.slice(drop);
    setAll();
    shiftView(-drop);
    drawn('prepend');
  };

  return {
    replace(bars, showLatest) {
      // The bars given include every update still waiting.
      cancelPending();
      held = bars;
      start = showLatest ? Math.max(0, bars.length - DRAW_WINDOW_BARS) : Math.min(keptStart(bars), bars.length);
      window = bars.slice(start);
      candleData = window.map(toCandle);
      volumeData = window.map(volumeOf);
      setAll();
      if (showLatest && window.length > 0) {
        if (window.length <= FIT_ALL_BARS) chart.timeScale().fitContent();
        else chart.timeScale().resetTimeScale();
      }
      drawn('replace');
    },
    update(bars) {
      // A newer version of a bar waiting replaces it (its place kept: bars arrive in time order).
      for (const b of bars) {
        const last = pending.at(-1);
        if (last?.time === b.time) pending[pending.length - 1] = b;
        else pending.push(b);
      }
      const gap = liveDrawGap(window.length, chart.timeScale().getVisibleLogicalRange()?.to ?? null, LIVE_DRAW_GAP_MS, OFF_VIEW_DRAW_GAP_MS);
      const wait = lastLive + gap - now();
      if (wait <= 0) drawLive();
      else timer ??= setTimeout(drawLive, wait);
    },
    prepend(bars, added) {
      // Older bars go in front of what is drawn: the tail first takes the updates waiting.
      drawLive();
      held = bars;
      if (start > 0) {
        // Older bars wait behind ones not drawn yet; the drawn tail is unchanged.
        start += added;
        return;
      }
      window = bars.slice();
      candleData = bars.slice(0, added).map(toCandle).concat(candleData);
      volumeData = bars.slice(0, added).map(volumeOf).concat(volumeData);
      setAll();
      shiftView(added);
      drawn('prepend');
    },
    drawn: () => window,
    extend() {
      if (start === 0) return false;
      drawLive();
      const from = Math.max(0, start - WINDOW_PAGE_BARS);
      const older = held.slice(from, start);
      start = from;
      window = older.concat(window);
      candleData = older.map(toCandle).concat(candleData);
      volumeData = older.map(volumeOf).concat(volumeData);
      setAll();
      shiftView(older.length);
      drawn('prepend');
      return true;
    },
  };
}
