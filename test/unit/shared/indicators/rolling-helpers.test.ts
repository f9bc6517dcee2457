import { describe, expect, it } from 'vitest';
import { RollingExtreme } from '../../../../shared/indicators/rolling-extreme';
import { RollingSum } from '../../../../shared/indicators/rolling-sum';
import { Rng } from '../../../../shared/random/seeded-random';

/** Integers (some repeated) so that naive sums are exact and comparisons see ties. */
function series(length: number, seed: number): number[] {
  const r = new Rng(seed);
  return Array.from({ length }, () => Math.floor(r.uniform() * 20) - 10);
}

describe('RollingSum', () => {
  it('is NaN until the window is full, then the sum of the last `period` values', () => {
    for (const period of [1, 2, 3, 7, 50]) {
      const xs = series(300, period);
      const s = new RollingSum(period);
      xs.forEach((x, i) => {
        const expected = i < period - 1 ? Number.NaN : xs.slice(i - period + 1, i + 1).reduce((a, b) => a + b, 0);
        expect(s.push(x), `period ${String(period)}, bar ${String(i)}`).toBe(expected);
      });
    }
  });
});

describe('RollingExtreme (monotonic deque)', () => {
  it('gives the max and min of the last `period` values (of all of them while fewer), ties included', () => {
    for (const period of [1, 2, 3, 5, 14, 40]) {
      const xs = series(500, 100 + period);
      const hi = new RollingExtreme(period, 'max');
      const lo = new RollingExtreme(period, 'min');
      xs.forEach((x, i) => {
        const window = xs.slice(Math.max(0, i - period + 1), i + 1);
        expect(hi.push(x), `max, period ${String(period)}, bar ${String(i)}`).toBe(Math.max(...window));
        expect(lo.push(x), `min, period ${String(period)}, bar ${String(i)}`).toBe(Math.min(...window));
      });
    }
  });

  it('handles a monotone series (the deque fills to the period) and its reverse', () => {
    const up = Array.from({ length: 50 }, (_, i) => i);
    const lo = new RollingExtreme(10, 'min');
    const hi = new RollingExtreme(10, 'max');
    up.forEach((x) => {
      expect(lo.push(x)).toBe(Math.max(0, x - 9));
      expect(hi.push(-x)).toBe(-Math.max(0, x - 9));
    });
  });
});
