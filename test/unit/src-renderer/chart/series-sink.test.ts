import type { IChartApi, ISeriesApi } from 'lightweight-charts';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { bar, type Bar } from '../../../../shared/domain/bar';
import { createSeriesSink, DRAW_WINDOW_BARS, LIVE_DRAW_GAP_MS, WINDOW_PAGE_BARS, type DrawKind } from '../../../../src-renderer/chart/series-sink';

const MIN = 60_000;
const b = (i: number, close = 100): Bar => bar(i * MIN, 100, 101, 99, close, 1, 1, false);

/** A chart and two series that record what they were given (only what the sink calls). */
function fakes() {
  const calls: string[] = [];
  const series = (name: string) =>
    ({
      setData: (data: readonly unknown[]) => calls.push(`${name}.setData ${String(data.length)}`),
      update: (point: { time: number; close?: number }) => calls.push(`${name}.update ${String(point.time)}${point.close === undefined ? '' : ` ${String(point.close)}`}`),
    }) as unknown as ISeriesApi<'Candlestick'>;
  const timeScale = { getVisibleLogicalRange: () => ({ from: 10, to: 20 }), setVisibleLogicalRange: () => undefined, fitContent: () => undefined, resetTimeScale: () => undefined };
  const chart = { timeScale: () => timeScale } as unknown as IChartApi;
  return { calls, chart, candles: series('candles'), volume: series('volume') as unknown as ISeriesApi<'Histogram'> };
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
    const sink = createSeriesSink(f.chart, f.candles, f.volume, (k) => kinds.push(k), () => clock);
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
    const sink = createSeriesSink(f.chart, f.candles, f.volume, (k) => kinds.push(k), () => clock);
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
    const sink = createSeriesSink(f.chart, f.candles, f.volume, (k) => kinds.push(k), () => clock);
    sink.replace([b(5), b(6)], true);
    sink.update([b(6, 100.2)]);
    sink.update([b(7)]);
    sink.prepend([b(3), b(4), b(5), b(6, 100.2), b(7)], 2);
    expect(kinds).toEqual(['replace', 'update', 'update', 'prepend']);
    expect(sink.drawn().map((x) => x.time)).toEqual([3, 4, 5, 6, 7].map((i) => i * MIN));
  });

  it('draws only the newest window of a long snapshot', () => {
    const f = fakes();
    const sink = createSeriesSink(f.chart, f.candles, f.volume, () => undefined, () => clock);
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
      let range = { from: 10, to: 20 };
      const moves: { from: number; to: number }[] = [];
      const ts = f.chart.timeScale() as unknown as Record<string, unknown>;
      ts['getVisibleLogicalRange'] = () => range;
      ts['setVisibleLogicalRange'] = (r: { from: number; to: number }) => {
        moves.push(r);
        range = r;
      };
      const kinds: DrawKind[] = [];
      const sink = createSeriesSink(f.chart, f.candles, f.volume, (k) => kinds.push(k), () => 0);
      const total = 2 * DRAW_WINDOW_BARS + WINDOW_PAGE_BARS;
      const all = Array.from({ length: total }, (_, i) => b(i + 1));
      sink.replace(all.slice(-DRAW_WINDOW_BARS), true);
      sink.prepend(all, total - DRAW_WINDOW_BARS);
      expect(sink.drawn()).toHaveLength(total);
      range = { from: total - 100, to: total + 5 };
      f.calls.length = 0;
      sink.update([b(total, 100.5)]);
      vi.advanceTimersByTime(LIVE_DRAW_GAP_MS);
      const drop = total - DRAW_WINDOW_BARS;
      expect(sink.drawn()).toHaveLength(DRAW_WINDOW_BARS);
      expect(sink.drawn()[0]?.time).toBe((drop + 1) * MIN);
      expect(sink.drawn().at(-1)?.close).toBe(100.5);
      expect(f.calls).toEqual([`candles.update ${String(total * 60)} 100.5`, `volume.update ${String(total * 60)}`, `candles.setData ${String(DRAW_WINDOW_BARS)}`, `volume.setData ${String(DRAW_WINDOW_BARS)}`]);
      expect(moves.at(-1)).toEqual({ from: total - 100 - drop, to: total + 5 - drop });
      expect(kinds.at(-1)).toBe('prepend');
      // Scrolling back draws the held bars again.
      expect(sink.extend()).toBe(true);
      expect(sink.drawn()).toHaveLength(DRAW_WINDOW_BARS + WINDOW_PAGE_BARS);
    } finally {
      vi.useRealTimers();
    }
  });
});
