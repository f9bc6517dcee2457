import { describe, expect, it } from 'vitest';
import { bar } from '../../../../../shared/domain/bar';
import type { ChartMarker } from '../../../../../src-renderer/chart/marker-layer';
import { placeMarkers } from '../../../../../src-renderer/chart/markers/marker-placement';

const M5 = 5 * 60_000;
const T0 = 1_796_391_000_000;
const bars = [0, 1, 2, 5].map((i) => bar(T0 + i * M5, 1, 2, 0.5, 1.5, 1, 1, true));
const m = (time: number, extra: Partial<ChartMarker> = {}): ChartMarker => ({ time, position: 'aboveBar', shape: 'circle', color: '#ffffff', ...extra });

describe('placeMarkers', () => {
  it('puts each marker on the bar containing its time (in a gap: the bar before it), sorted by time, in seconds', () => {
    const placed = placeMarkers([m(T0 + 5 * M5 + 1, { id: 'late' }), m(T0 + 4 * M5, { id: 'gap' }), m(T0 + 60_000, { id: 'in-first' })], bars, '5m', M5);
    expect(placed.map((p) => [p.id, p.time])).toEqual([
      ['in-first', T0 / 1000],
      ['gap', (T0 + 2 * M5) / 1000],
      ['late', (T0 + 5 * M5) / 1000],
    ]);
  });

  it('leaves out markers before the first bar, after the last bar\u2019s interval, and of another interval', () => {
    expect(placeMarkers([m(T0 - 1), m(T0 + 6 * M5), m(T0, { interval: '1h' })], bars, '5m', M5)).toEqual([]);
    expect(placeMarkers([m(T0, { interval: '5m' })], bars, '5m', M5)).toHaveLength(1);
  });

  it('puts an atPrice marker at its price, and by the bar when it has none', () => {
    const [priced, unpriced] = placeMarkers([m(T0, { position: 'atPriceTop', price: 1.25 }), m(T0 + M5, { position: 'atPriceTop' })], bars, '5m', M5);
    expect(priced).toMatchObject({ position: 'atPriceTop', price: 1.25 });
    expect(unpriced).toMatchObject({ position: 'belowBar' });
    expect(unpriced).not.toHaveProperty('price');
  });
});
