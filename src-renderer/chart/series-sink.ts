import type { CandlestickData, HistogramData, IChartApi, ISeriesApi, UTCTimestamp } from 'lightweight-charts';
import type { Bar } from '../../shared/domain/bar';
import { indexAtOrBefore, type BarList } from '../bars/bar-book';
import type { BarSink } from './bar-stream';
import { barsToDrop, newestCut, newestInView, oldestCut } from './draw-window';
import { createLivePriceLine } from './live-price-line';
import { windowFrameSlots, type FrameSlot } from './frame-slots';
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
 * The most bars drawn at once. Scrolled back past it, the newest bars are
 * set aside (held, not drawn: live ticks move a price line instead) and drawn
 * again a page at a time as the view comes near them, so a page of older
 * bars costs the same on the tenth page as on the first.
 */
export const MAX_DRAWN_BARS = DRAW_WINDOW_BARS + 2 * WINDOW_PAGE_BARS;
/** How near (bars) the view comes to the last bar drawn before the bars set aside are drawn again. */
const RESTORE_EDGE_BARS = 200;
/** Live bars waiting past this many (a long scroll back, a hidden window) are drawn with one setData, not one update each. */
const LIVE_BACKLOG_BARS = 32;

/**
 * Live updates are drawn at the pane's next turn for a frame (FrameSlots)
 * when the last live draw is at least this old, else together when it is:
 * at most five live redraws a second per pane (each repaints the whole
 * chart, its indicator panes included, and rebuilds the updated series'
 * points from all their rows), so four busy panes stay within a frame's
 * budget. While the newest bar is scrolled out of view they are held, not
 * drawn (a live price line moves instead), and drawn when it is back in view.
 */
export const LIVE_DRAW_GAP_MS = 200;

/** What changed in a draw, for the layers drawn over a pane: bars given whole, a live update, or the window of bars drawn moved or grew. */
export type DrawKind = 'replace' | 'update' | 'window';

const volumeOf = (b: Bar): HistogramData<UTCTimestamp> => toVolume(b, VOLUME_COLORS);

/** A bar sink that draws only a window of the bars it holds. */
export interface SeriesSink extends BarSink {
  /**
   * The bars drawn, ascending: `drawn()[i]` is at the chart's logical index i.
   * A window of the bars held, ending at the newest unless scrolled back far.
   */
  drawn(): BarList;
  /** Draws up to WINDOW_PAGE_BARS more of the bars held in front of those drawn, keeping the view; false when every bar held is drawn. */
  extend(): boolean;
  /** Bars newer than the last drawn, set aside while scrolled back (0: the window ends at the newest bar). */
  setAside(): number;
  /** Draws the live updates waiting now (before a screenshot: the picture shows every tick received). */
  flushLive(): void;
  /** Stops its timers, frame turns and range listener (the chart is going away). */
  dispose(): void;
}

/** `b` folded into `bars` (ascending): the same bar replaced, a newer one appended. */
function fold(bars: Bar[], b: Bar): void {
  const last = bars.at(-1);
  if (last?.time === b.time) bars[bars.length - 1] = b;
  else if (last === undefined || b.time > last.time) bars.push(b);
}

/**
 * Draws bars into a candlestick series and its volume histogram, then tells
 * `drawn`. Of the bars it is given it draws a window: the newest
 * DRAW_WINDOW_BARS after a snapshot, growing a page at a time in front as
 * the user scrolls back (`extend`, or a page from the core), with the bars
 * in view kept where they were (the visible logical range moves by the bars
 * added) and only the new bars converted. Past MAX_DRAWN_BARS the newest
 * bars are set aside and drawn again as the view comes back to them; live
 * updates draw in place when the newest bar is drawn and in view, else wait.
 */
export function createSeriesSink(
  chart: IChartApi,
  candles: ISeriesApi<'Candlestick'>,
  volume: ISeriesApi<'Histogram'>,
  drawn: (kind: DrawKind) => void,
  now: () => number = () => performance.now(),
  /** Where a live draw waits for its frame (panes take turns: one live paint per frame). */
  slot: FrameSlot = windowFrameSlots.slot,
): SeriesSink {
  // The bars held as last given whole (a snapshot, a rebuild, a page): `held[start]` is the first bar drawn,
  // and only the part before it is read again.
  let held: BarList = [];
  let start = 0;
  let window: Bar[] = [];
  // Bars newer than the window, set aside while scrolled back (live updates fold into them).
  let aside: Bar[] = [];
  let candleData: CandlestickData<UTCTimestamp>[] = [];
  let volumeData: HistogramData<UTCTimestamp>[] = [];

  const timeScale = (): ReturnType<IChartApi['timeScale']> => chart.timeScale();
  // lightweight-charts tells range listeners inside setData, of ranges on the way to the one set after it: ignored.
  let setting = false;
  const setAll = (): void => {
    setting = true;
    try {
      candles.setData(candleData);
      volume.setData(volumeData);
    } finally {
      setting = false;
    }
  };
  /**
   * setAll with the bars in view kept where they were: they moved by `shift`
   * logical places (bars added or dropped in front). The range is read before
   * setData and set after it: lightweight-charts keeps the distance to the
   * last bar across setData, and follows new bars at the end when the last is
   * in view, neither of which is "the same bars".
   */
  const setAllKeepingView = (shift: number): void => {
    const range = timeScale().getVisibleLogicalRange();
    setAll();
    if (range !== null) timeScale().setVisibleLogicalRange({ from: range.from + shift, to: range.to + shift });
  };
  /** Where a rebuild starts drawing: at the first bar drawn before it, when it is still held. */
  const keptStart = (bars: BarList): number => {
    const first = window[0];
    if (first === undefined) return Math.max(0, bars.length - DRAW_WINDOW_BARS);
    const at = indexAtOrBefore(bars, first.time);
    return bars[at]?.time === first.time ? at : at + 1;
  };
  /**
   * `bars` (the window to be, after `front` bars that go in front of them) with
   * its newest set aside when too many would be drawn far behind them.
   */
  const cutNewest = (bars: Bar[], visibleTo: number | null, front = 0): Bar[] => {
    const keep = newestCut(front + bars.length, visibleTo, MAX_DRAWN_BARS, WINDOW_PAGE_BARS) - front;
    if (keep >= bars.length) return bars;
    aside = bars.slice(Math.max(0, keep)).concat(aside);
    return bars.slice(0, Math.max(0, keep));
  };

  // Live updates waiting for their draw (LIVE_DRAW_GAP_MS, then this pane's turn for a frame), in arrival order.
  let pending: Bar[] = [];
  let timer: ReturnType<typeof setTimeout> | null = null;
  let withdraw: (() => void) | null = null;
  let lastLive = Number.NEGATIVE_INFINITY;
  const cancelPending = (): void => {
    if (timer !== null) clearTimeout(timer);
    timer = null;
    withdraw?.();
    withdraw = null;
    pending = [];
  };
  const price = createLivePriceLine(candles);
  const visibleTo = (): number | null => timeScale().getVisibleLogicalRange()?.to ?? null;
  /** The updates waiting, set aside with the newest bars (not drawn): the live price line shows the last. */
  const holdPending = (): void => {
    const bars = pending;
    cancelPending();
    lastLive = now();
    for (const b of bars) fold(aside, b);
    const last = aside.at(-1);
    if (last !== undefined) price.show(last);
  };
  /**
   * At the pane's turn: the updates drawn when the newest bar is drawn and in
   * view; set aside with the newest bars when those are; else (scrolled back)
   * they wait for the newest bar to come back into view, the live price line showing the last.
   */
  const turn = (): void => {
    withdraw = null;
    if (aside.length > 0) holdPending();
    else if (window.length === 0 || newestInView(window.length, visibleTo())) drawLive();
    else {
      lastLive = now();
      const last = pending.at(-1);
      if (last !== undefined) price.show(last);
    }
  };
  const due = (): void => {
    timer = null;
    if (withdraw !== null) return;
    let ran = false;
    const w = slot(() => {
      ran = true;
      turn();
    });
    // A slot may run at once (tests); only one still waiting is withdrawn later.
    if (!ran) withdraw = w;
  };
  /** A turn for the updates waiting, LIVE_DRAW_GAP_MS after the last. */
  const schedule = (): void => {
    if (pending.length === 0 || timer !== null || withdraw !== null) return;
    const wait = lastLive + LIVE_DRAW_GAP_MS - now();
    if (wait <= 0) due();
    else timer = setTimeout(due, wait);
  };
  /** The waiting updates drawn now when the newest bar is drawn, else set aside (before a redraw of the window). */
  const flushLive = (): void => {
    if (aside.length > 0) holdPending();
    else drawLive();
  };
  const drawLive = (): void => {
    const bars = pending;
    cancelPending();
    price.hide();
    lastLive = now();
    if (bars.length > LIVE_BACKLOG_BARS) {
      // Each update costs the whole series in lightweight-charts: a backlog goes in with one setData.
      for (const b of bars) fold(window, b);
      candleData = window.map(toCandle);
      volumeData = window.map(volumeOf);
      setAllKeepingView(0);
      drawn('window');
      return;
    }
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
    const drop = Math.min(barsToDrop(window.length, timeScale().getVisibleLogicalRange()?.from ?? null, DRAW_WINDOW_BARS, WINDOW_PAGE_BARS), held.length - start);
    if (drop <= 0) {
      drawn('update');
      return;
    }
    start += drop;
    window = window.slice(drop);
    candleData = candleData.slice(drop);
    volumeData = volumeData.slice(drop);
    setAllKeepingView(-drop);
    drawn('window');
  };
  /** The view came near the last bar drawn: a page of the bars set aside is drawn again (the oldest go past MAX_DRAWN_BARS). */
  const restoreNewer = (): void => {
    holdPending();
    const newer = aside.slice(0, WINDOW_PAGE_BARS);
    aside = aside.slice(newer.length);
    const from = timeScale().getVisibleLogicalRange()?.from ?? null;
    const drop = Math.min(oldestCut(window.length + newer.length, from, MAX_DRAWN_BARS, WINDOW_PAGE_BARS), held.length - start);
    start += drop;
    window = window.slice(drop).concat(newer);
    candleData = candleData.slice(drop).concat(newer.map(toCandle));
    volumeData = volumeData.slice(drop).concat(newer.map(volumeOf));
    setAllKeepingView(-drop);
    if (aside.length === 0) price.hide();
    drawn('window');
  };
  // A restore waiting for its turn (not from inside the chart's own range callback).
  let restoring: (() => void) | null = null;
  const nearSetAside = (): boolean => aside.length > 0 && newestInView(window.length, visibleTo(), RESTORE_EDGE_BARS);
  const onRange = (): void => {
    if (setting) return;
    if (nearSetAside()) {
      if (restoring !== null) return;
      let ran = false;
      const w = slot(() => {
        ran = true;
        restoring = null;
        if (nearSetAside()) restoreNewer();
      });
      if (!ran) restoring = w;
    } else if (pending.length > 0 && newestInView(window.length, visibleTo())) schedule();
  };
  timeScale().subscribeVisibleLogicalRangeChange(onRange);

  /** Older bars (`older`) go in front of those drawn; the newest are set aside when too many would be drawn. */
  const putInFront = (older: readonly Bar[]): void => {
    const to = visibleTo();
    const kept = cutNewest(window, to === null ? null : to + older.length, older.length);
    candleData = older.map(toCandle).concat(kept === window ? candleData : candleData.slice(0, kept.length));
    volumeData = older.map(volumeOf).concat(kept === window ? volumeData : volumeData.slice(0, kept.length));
    window = older.concat(kept);
    setAllKeepingView(older.length);
    const newest = aside.at(-1);
    if (newest !== undefined) price.show(newest);
    drawn('window');
  };

  return {
    replace(bars, showLatest) {
      // The bars given include every update still waiting.
      cancelPending();
      price.hide();
      held = bars;
      aside = [];
      start = showLatest ? Math.max(0, bars.length - DRAW_WINDOW_BARS) : Math.min(keptStart(bars), bars.length);
      window = cutNewest(bars.slice(start), showLatest ? null : visibleTo());
      candleData = window.map(toCandle);
      volumeData = window.map(volumeOf);
      // A rebuild keeps the bars in view (its first bar drawn is the one drawn before).
      if (showLatest) setAll();
      else setAllKeepingView(0);
      const newest = aside.at(-1);
      if (newest !== undefined) price.show(newest);
      if (showLatest && window.length > 0) {
        if (window.length <= FIT_ALL_BARS) timeScale().fitContent();
        else timeScale().resetTimeScale();
      }
      drawn('replace');
    },
    update(bars) {
      // A newer version of a bar waiting replaces it (its place kept: bars arrive in time order).
      for (const b of bars) fold(pending, b);
      schedule();
    },
    prepend(bars, added) {
      // Older bars go in front of what is drawn: the updates waiting first go where they belong.
      flushLive();
      held = bars;
      if (start > 0) {
        // Older bars wait behind ones not drawn yet; the drawn tail is unchanged.
        start += added;
        return;
      }
      putInFront(bars.slice(0, added));
    },
    drawn: () => window,
    setAside: () => aside.length,
    flushLive,
    dispose() {
      cancelPending();
      restoring?.();
      restoring = null;
      timeScale().unsubscribeVisibleLogicalRangeChange(onRange);
    },
    extend() {
      if (start === 0) return false;
      flushLive();
      const from = Math.max(0, start - WINDOW_PAGE_BARS);
      const older = held.slice(from, start);
      start = from;
      putInFront(older);
      return true;
    },
  };
}
