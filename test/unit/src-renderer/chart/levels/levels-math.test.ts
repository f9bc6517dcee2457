import { describe, expect, it } from 'vitest';
import { DEFAULT_CHART_LEVELS } from '../../../../../shared/chart/chart-levels-settings';
import { strategyOverlaySchema, type StrategyOverlay } from '../../../../../shared/contract';
import { bar, type Bar } from '../../../../../shared/domain/bar';
import { sym } from '../../feed-fixtures';
import { levelsGeometry } from '../../../../../src-renderer/chart/levels/levels-geometry';
import { levelRequests } from '../../../../../src-renderer/chart/levels/levels-request';

const M5 = 5 * 60_000;
const T0 = 1_796_391_000_000; // 2026-12-04 14:30 UTC, 09:30 New York
/** Five 5m bars from T0, the last still forming unless `lastFinal`. */
function bars(lastFinal: boolean): Bar[] {
  return [0, 1, 2, 3, 4].map((i) => bar(T0 + i * M5, 100 + i, 101 + i, 99 + i, 100.5 + i, 10, 1, i < 4 || lastFinal));
}
const ON = { ...DEFAULT_CHART_LEVELS, show: true };

describe('levelRequests', () => {
  it('asks each model turned on over the bars drawn, up to the end of the last closed bar (a forming bar left out)', () => {
    expect(levelRequests(ON, 'us-equity', 'sim', sym('SPY'), '5m', M5, bars(false))).toEqual([
      { strategy: 'orb', source: 'sim', symbol: 'SPY', interval: '5m', from: T0, to: T0 + 4 * M5 },
      { strategy: 'time-window', source: 'sim', symbol: 'SPY', interval: '5m', from: T0, to: T0 + 4 * M5 },
    ]);
    expect(levelRequests(ON, 'us-equity', 'sim', sym('SPY'), '5m', M5, bars(true)).map((r) => r.to)).toEqual([T0 + 5 * M5, T0 + 5 * M5]);
  });

  it('asks no opening range for crypto or FX, on intervals other than 5m, nor before the market is known', () => {
    expect(levelRequests(ON, 'crypto', 'sim', sym('BTCUSDT'), '5m', M5, bars(true)).map((r) => r.strategy)).toEqual(['time-window']);
    expect(levelRequests(ON, 'fx', 'sim', sym('EURUSD'), '5m', M5, bars(true)).map((r) => r.strategy)).toEqual(['time-window']);
    expect(levelRequests(ON, null, 'sim', sym('SPY'), '5m', M5, bars(true)).map((r) => r.strategy)).toEqual(['time-window']);
    // The opening range is the first 5m candle's: a 1h chart of SPY gets the time-window model only.
    expect(levelRequests(ON, 'us-equity', 'sim', sym('SPY'), '1h', 12 * M5, bars(true)).map((r) => r.strategy)).toEqual(['time-window']);
  });

  it('asks nothing while levels are off, without bars, or with only a forming bar', () => {
    expect(levelRequests(DEFAULT_CHART_LEVELS, 'us-equity', 'sim', sym('SPY'), '5m', M5, bars(true))).toEqual([]);
    expect(levelRequests(ON, 'us-equity', 'sim', sym('SPY'), '5m', M5, [])).toEqual([]);
    expect(levelRequests(ON, 'us-equity', 'sim', sym('SPY'), '5m', M5, [bar(T0, 1, 2, 0.5, 1.5, 1, 1, false)])).toEqual([]);
    expect(levelRequests({ ...ON, orb: false, timeWindow: false }, 'us-equity', 'sim', sym('SPY'), '5m', M5, bars(true))).toEqual([]);
  });
});

describe('levelsGeometry', () => {
  /** An overlay as the contract reads it (branded times). */
  const overlay = (o: object): StrategyOverlay => strategyOverlaySchema.parse({ levels: [], markers: { past: [], next: [] }, signals: [], ...o });

  it('spans each drawn level between the bar edges of its from and to, leaving out trade lines and levels before the bars', () => {
    const g = levelsGeometry(
      [
        overlay({
          levels: [
            { label: 'OR high', kind: 'range-high', price: 101, from: T0, to: T0 + 3 * M5 },
            { label: 'stop', kind: 'stop', price: 95, from: T0, to: T0 + 3 * M5 },
            { label: 'old', kind: 'block-low', price: 90, from: T0 - 10 * M5, to: T0 },
            { label: 'Block H', kind: 'block-high', price: 104, from: T0 - M5, to: T0 + 2 * M5 },
          ],
        }),
      ],
      bars(true),
      M5,
    );
    expect(g.segments).toEqual([
      { label: 'OR high', kind: 'range-high', price: 101, from: T0, to: T0 + 3 * M5, l0: -0.5, l1: 2.5 },
      // Begun before the first bar: drawn from the first bar's left edge.
      { label: 'Block H', kind: 'block-high', price: 104, from: T0 - M5, to: T0 + 2 * M5, l0: -0.5, l1: 1.5 },
    ]);
  });

  it('puts past marker lines at bar edges and the first next one beyond the last bar at the interval\u2019s pace, highlighted', () => {
    const g = levelsGeometry([overlay({ markers: { past: [T0 - M5, T0 + M5, T0 + 3 * M5], next: [T0 + 7 * M5, T0 + 9 * M5] } })], bars(true), M5);
    expect(g.markers).toEqual([
      { time: T0 + M5, logical: 0.5, next: false },
      { time: T0 + 3 * M5, logical: 2.5, next: false },
      { time: T0 + 7 * M5, logical: 6.5, next: true },
    ]);
  });

  it('draws nothing without bars', () => {
    expect(levelsGeometry([overlay({ markers: { past: [T0], next: [T0 + M5] } })], [], M5)).toEqual({ segments: [], markers: [] });
  });
});
