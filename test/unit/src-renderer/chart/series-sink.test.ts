import type { IChartApi, ISeriesApi } from 'lightweight-charts';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { bar, type Bar } from '../../../../shared/domain/bar';
import { createSeriesSink, DRAW_WINDOW_BARS, LIVE_DRAW_GAP_MS, MAX_DRAWN_BARS, WINDOW_PAGE_BARS, type DrawKind } from '../../../../src-renderer/chart/series-sink';

const MIN = 60_000;
/** A frame slot that runs at once (the turn-taking is FrameSlots' own test). */
const immediateSlot = (run: () => void): (() => void) => {
  run();
  return () => undefined;
};
const b = (i: number, close = 100): Bar => bar(i * MIN, 100, 101, 99, close, 1, 1, false);

/** A chart and two series that record what they were given (only what the sink calls). */
function fakes() {
  const calls: string[] = [];
  const series = (name: string) =>
    ({
      setData: (data: readonly unknown[]) => calls.push(`${name}.setData ${String(data.length)}`),
      update: (point: { time: number; close?: number }) => calls.push(`${name}.update ${String(point.time)}${point.close === undefined ? '' : ` ${String(point.close)}`}`),
      options: () => ({ upColor: 'up', downColor: 'down', lastValueVisible: true, priceLineVisible: true }),
      applyOptions: (o: Record<string, unknown>) => calls.push(`${name}.applyOptions ${JSON.stringify(o)}`),
      createPriceLine: (o: { price: number }) => {
        calls.push(`${name}.priceLine ${String(o.price)}`);
        return { applyOptions: (p: { price: number }) => calls.push(`${name}.priceLine ${String(p.price)}`) };
      },
      removePriceLine: () => calls.push(`${name}.removePriceLine`),
    }) as unknown as ISeriesApi<'Candlestick'>;
  const rangeListeners: (() => void)[] = [];
  // The visible logical range (a test moves it to scroll), and every range the sink set.
  const view = { range: { from: 10, to: 20 } };
  const moves: { from: number; to: number }[] = [];
  const timeScale = {
    getVisibleLogicalRange: () => view.range,
    setVisibleLogicalRange: (r: { from: number; to: number }) => {
      moves.push(r);
      view.range = r;
    },
    fitContent: () => undefined,
    resetTimeScale: () => undefined,
    subscribeVisibleLogicalRangeChange: (fn: () => void) => rangeListeners.push(fn),
    unsubscribeVisibleLogicalRangeChange: (fn: () => void) => rangeListeners.splice(rangeListeners.indexOf(fn), 1),
  };
  const chart = { timeScale: () => timeScale } as unknown as IChartApi;
  return { calls, chart, rangeListeners, view, moves, candles: series('candles'), volume: series('volume') as unknown as ISeriesApi<'Histogram'> };
}

describe('series sink', () => {
  let clock = 0;
  beforeEach(() => {
    vi.useFakeTimers();
    clock = 1_000;
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  it('draws a live update at once, then waits out the gap and draws the latest version of each bar that came meanwhile', () => {
    const f = fakes();
    const kinds: DrawKind[] = [];
    const sink = createSeriesSink(f.chart, f.candles, f.volume, (k) => kinds.push(k), () => clock, immediateSlot);
    sink.replace([b(1), b(2)], true);
    f.calls.length = 0;
    sink.update([b(2, 100.5)]);
    expect(f.calls.filter((c) => c.startsWith('candles'))).toEqual([`candles.update ${String(2 * 60)} 100.5`]);
    clock += 10;
    sink.update([b(2, 100.6)]);
    sink.update([b(2, 100.7), b(3, 101)]);
    expect(f.calls.filter((c) => c.startsWith('candles'))).toHaveLength(1);
    clock += LIVE_DRAW_GAP_MS;
    vi.advanceTimersByTime(LIVE_DRAW_GAP_MS);
    expect(f.calls.filter((c) => c.startsWith('candles'))).toEqual([`candles.update ${String(2 * 60)} 100.5`, `candles.update ${String(2 * 60)} 100.7`, `candles.update ${String(3 * 60)} 101`]);
    expect(kinds).toEqual(['replace', 'update', 'update']);
    expect(sink.drawn().map((x) => [x.time, x.close])).toEqual([
      [MIN, 100],
      [2 * MIN, 100.7],
      [3 * MIN, 101],
    ]);
  });

  it('drops the updates waiting when the bars are given whole (they include them)', () => {
    const f = fakes();
    const kinds: DrawKind[] = [];
    const sink = createSeriesSink(f.chart, f.candles, f.volume, (k) => kinds.push(k), () => clock, immediateSlot);
    sink.replace([b(1)], true);
    sink.update([b(1, 100.1)]);
    sink.update([b(2)]);
    sink.replace([b(1, 100.1), b(2), b(3)], false);
    vi.advanceTimersByTime(10 * LIVE_DRAW_GAP_MS);
    expect(kinds).toEqual(['replace', 'update', 'replace']);
    expect(sink.drawn().map((x) => x.time)).toEqual([MIN, 2 * MIN, 3 * MIN]);
  });

  it('draws the updates waiting before older bars go in front', () => {
    const f = fakes();
    const kinds: DrawKind[] = [];
    const sink = createSeriesSink(f.chart, f.candles, f.volume, (k) => kinds.push(k), () => clock, immediateSlot);
    sink.replace([b(5), b(6)], true);
    sink.update([b(6, 100.2)]);
    sink.update([b(7)]);
    sink.prepend([b(3), b(4), b(5), b(6, 100.2), b(7)], 2);
    expect(kinds).toEqual(['replace', 'update', 'update', 'window']);
    expect(sink.drawn().map((x) => x.time)).toEqual([3, 4, 5, 6, 7].map((i) => i * MIN));
  });

  it('draws only the newest window of a long snapshot', () => {
    const f = fakes();
    const sink = createSeriesSink(f.chart, f.candles, f.volume, () => undefined, () => clock, immediateSlot);
    const many = Array.from({ length: DRAW_WINDOW_BARS + 7 }, (_, i) => b(i + 1));
    sink.replace(many, true);
    expect(f.calls).toEqual([`candles.setData ${String(DRAW_WINDOW_BARS)}`, `volume.setData ${String(DRAW_WINDOW_BARS)}`]);
    expect(sink.drawn()[0]?.time).toBe(8 * MIN);
    expect(sink.extend()).toBe(true);
    expect(sink.drawn()).toHaveLength(DRAW_WINDOW_BARS + 7);
    expect(sink.extend()).toBe(false);
  });
});

describe('series sink window', () => {
  it('drops the oldest drawn bars on a live draw back at the live edge, keeping the bars in view where they were', () => {
    vi.useFakeTimers();
    try {
      const f = fakes();
      const kinds: DrawKind[] = [];
      const sink = createSeriesSink(f.chart, f.candles, f.volume, (k) => kinds.push(k), () => 0, immediateSlot);
      const total = 2 * DRAW_WINDOW_BARS + WINDOW_PAGE_BARS;
      const all = Array.from({ length: total }, (_, i) => b(i + 1));
      sink.replace(all.slice(-DRAW_WINDOW_BARS), true);
      sink.prepend(all, total - DRAW_WINDOW_BARS);
      expect(sink.drawn()).toHaveLength(total);
      f.view.range = { from: total - 100, to: total + 5 };
      f.calls.length = 0;
      sink.update([b(total, 100.5)]);
      vi.advanceTimersByTime(LIVE_DRAW_GAP_MS);
      const drop = total - DRAW_WINDOW_BARS;
      expect(sink.drawn()).toHaveLength(DRAW_WINDOW_BARS);
      expect(sink.drawn()[0]?.time).toBe((drop + 1) * MIN);
      expect(sink.drawn().at(-1)?.close).toBe(100.5);
      expect(f.calls).toEqual([`candles.update ${String(total * 60)} 100.5`, `volume.update ${String(total * 60)}`, `candles.setData ${String(DRAW_WINDOW_BARS)}`, `volume.setData ${String(DRAW_WINDOW_BARS)}`]);
      expect(f.moves.at(-1)).toEqual({ from: total - 100 - drop, to: total + 5 - drop });
      expect(kinds.at(-1)).toBe('window');
      // Scrolling back draws the held bars again.
      expect(sink.extend()).toBe(true);
      expect(sink.drawn()).toHaveLength(DRAW_WINDOW_BARS + WINDOW_PAGE_BARS);
    } finally {
      vi.useRealTimers();
    }
  });
});

describe('series sink scrolled back', () => {
  it('holds live ticks while the newest bar is out of view, moving a live price line instead, and draws them when it is back in view', () => {
    vi.useFakeTimers();
    try {
      const f = fakes();
      f.view.range = { from: 0, to: 50 };
      const kinds: DrawKind[] = [];
      let clock = 1_000;
      const sink = createSeriesSink(f.chart, f.candles, f.volume, (k) => kinds.push(k), () => clock, immediateSlot);
      sink.replace(Array.from({ length: 200 }, (_, i) => b(i + 1)), false);
      f.calls.length = 0;
      sink.update([b(200, 100.5)]);
      clock += LIVE_DRAW_GAP_MS;
      vi.advanceTimersByTime(LIVE_DRAW_GAP_MS);
      sink.update([b(200, 100.6), b(201, 102)]);
      clock += LIVE_DRAW_GAP_MS;
      vi.advanceTimersByTime(LIVE_DRAW_GAP_MS);
      // Nothing drawn into the series: the series' own last-price label hidden, a price line at the live close.
      expect(f.calls).toEqual(['candles.applyOptions {"lastValueVisible":false,"priceLineVisible":false}', 'candles.priceLine 100.5', 'candles.priceLine 102']);
      expect(kinds).toEqual(['replace']);
      expect(sink.drawn().at(-1)?.time).toBe(200 * MIN);
      // Back at the newest bar: the held ticks drawn, the price line gone, the series' label back.
      f.view.range = { from: 150, to: 205 };
      for (const listener of f.rangeListeners) listener();
      expect(f.calls.slice(3)).toEqual([
        'candles.removePriceLine',
        'candles.applyOptions {"lastValueVisible":true,"priceLineVisible":true}',
        `candles.update ${String(200 * 60)} 100.6`,
        `volume.update ${String(200 * 60)}`,
        `candles.update ${String(201 * 60)} 102`,
        `volume.update ${String(201 * 60)}`,
      ]);
      expect(kinds).toEqual(['replace', 'update']);
      expect(sink.drawn().map((x) => [x.time, x.close]).slice(-2)).toEqual([
        [200 * MIN, 100.6],
        [201 * MIN, 102],
      ]);
    } finally {
      vi.useRealTimers();
    }
  });
});

describe('series sink scrolled back far', () => {
  it('sets the newest bars aside past the most drawn, holds live ticks with them, and draws them again a page at a time going forward', () => {
    vi.useFakeTimers();
    try {
      const f = fakes();
      f.view.range = { from: 1_900, to: 2_000 };
      const kinds: DrawKind[] = [];
      let clock = 1_000;
      const sink = createSeriesSink(f.chart, f.candles, f.volume, (k) => kinds.push(k), () => clock, immediateSlot);
      const total = DRAW_WINDOW_BARS + 4 * WINDOW_PAGE_BARS;
      const all = Array.from({ length: total }, (_, i) => b(i + 1));
      sink.replace(all.slice(-DRAW_WINDOW_BARS), true);
      // Four pages of older bars, each put in front while the view sits at the oldest bars.
      for (let page = 1; page <= 4; page++) {
        f.view.range = { from: 0, to: 100 };
        sink.prepend(all.slice(total - DRAW_WINDOW_BARS - page * WINDOW_PAGE_BARS), WINDOW_PAGE_BARS);
        expect(f.view.range).toEqual({ from: WINDOW_PAGE_BARS, to: WINDOW_PAGE_BARS + 100 });
        expect(sink.drawn().length).toBeLessThanOrEqual(MAX_DRAWN_BARS);
      }
      // The view's page in front, the view, and a page past it are drawn; the rest is set aside.
      expect(sink.drawn()).toHaveLength(WINDOW_PAGE_BARS + 101 + WINDOW_PAGE_BARS);
      expect(sink.drawn()[0]?.time).toBe(MIN);
      expect(sink.setAside()).toBe(total - (2 * WINDOW_PAGE_BARS + 101));
      // The series' own last-price label gives way to a price line at the newest close.
      expect(f.calls.slice(-3)).toEqual([`candles.setData ${String(2 * WINDOW_PAGE_BARS + 101)}`, `volume.setData ${String(2 * WINDOW_PAGE_BARS + 101)}`, 'candles.priceLine 100']);
      expect(f.calls.filter((c) => c.startsWith('candles.applyOptions'))).toEqual(['candles.applyOptions {"lastValueVisible":false,"priceLineVisible":false}']);
      // A live tick: nothing drawn into the series, the price line at its close.
      f.calls.length = 0;
      sink.update([b(total, 105)]);
      clock += LIVE_DRAW_GAP_MS;
      vi.advanceTimersByTime(LIVE_DRAW_GAP_MS);
      expect(f.calls).toEqual(['candles.priceLine 105']);
      // Going forward: near the last bar drawn, a page set aside is drawn again; the oldest go past the most drawn.
      let pages = 0;
      while (sink.setAside() > 0 && pages < 10) {
        const n = sink.drawn().length;
        f.view.range = { from: n - 150, to: n - 50 };
        for (const listener of f.rangeListeners) listener();
        pages++;
        expect(sink.drawn().length).toBeLessThanOrEqual(MAX_DRAWN_BARS);
        const times = sink.drawn().map((x) => x.time);
        expect(times.every((t, i) => i === 0 || t - (times[i - 1] ?? 0) === MIN)).toBe(true);
      }
      expect(pages).toBe(Math.ceil((total - (2 * WINDOW_PAGE_BARS + 101)) / WINDOW_PAGE_BARS));
      expect(sink.drawn().at(-1)).toEqual(b(total, 105));
      expect(f.calls).toContain('candles.removePriceLine');
      expect(kinds.at(-1)).toBe('window');
      // The newest bar drawn again: live ticks draw in place.
      f.calls.length = 0;
      clock += LIVE_DRAW_GAP_MS;
      const n = sink.drawn().length;
      f.view.range = { from: n - 100, to: n + 3 };
      sink.update([b(total, 106)]);
      // ... and, back at the live edge, the window goes back to the newest DRAW_WINDOW_BARS.
      expect(f.calls).toEqual([`candles.update ${String(total * 60)} 106`, `volume.update ${String(total * 60)}`, `candles.setData ${String(DRAW_WINDOW_BARS)}`, `volume.setData ${String(DRAW_WINDOW_BARS)}`]);
      expect(sink.drawn()[0]?.time).toBe((total - DRAW_WINDOW_BARS + 1) * MIN);
      expect(kinds.at(-1)).toBe('window');
    } finally {
      vi.useRealTimers();
    }
  });
});

describe('series sink backlog and teardown', () => {
  it('draws a backlog of live bars with one setData, and nothing after dispose', () => {
    vi.useFakeTimers();
    try {
      const f = fakes();
      f.view.range = { from: 0, to: 50 };
      const kinds: DrawKind[] = [];
      let clock = 1_000;
      const sink = createSeriesSink(f.chart, f.candles, f.volume, (k) => kinds.push(k), () => clock, immediateSlot);
      sink.replace(Array.from({ length: 200 }, (_, i) => b(i + 1)), false);
      // Scrolled back while 40 new bars arrive: held.
      for (let i = 201; i <= 240; i++) {
        sink.update([b(i, 101)]);
        clock += LIVE_DRAW_GAP_MS;
        vi.advanceTimersByTime(LIVE_DRAW_GAP_MS);
      }
      expect(sink.drawn()).toHaveLength(200);
      f.calls.length = 0;
      f.view.range = { from: 150, to: 205 };
      for (const listener of f.rangeListeners) listener();
      expect(f.calls.filter((c) => !c.startsWith('candles.priceLine') && !c.startsWith('candles.applyOptions') && c !== 'candles.removePriceLine')).toEqual(['candles.setData 240', 'volume.setData 240']);
      expect(sink.drawn().at(-1)).toEqual(b(240, 101));
      expect(kinds.at(-1)).toBe('window');
      // Gone: a tick waiting is never drawn, the range listener is removed.
      sink.update([b(240, 102)]);
      sink.dispose();
      f.calls.length = 0;
      vi.advanceTimersByTime(10 * LIVE_DRAW_GAP_MS);
      expect(f.calls).toEqual([]);
      expect(f.rangeListeners).toHaveLength(0);
    } finally {
      vi.useRealTimers();
    }
  });
});
