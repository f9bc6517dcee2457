import { describe, expect, it } from 'vitest';
import { clean12 } from '../../../../shared/journal/clean-number';
import { cleanAmount } from '../../../../shared/trading/decimal-steps';
import { Rng } from '../../../../shared/random/seeded-random';

describe('clean12', () => {
  it.each([
    [0.1 + 0.2, 0.3],
    [414.99999999999994, 415],
    [-414.99999999999994, -415],
    [10.01 * 3, 30.03],
    [100 / 3, 33.3333333333],
    [0, 0],
    [-0, 0],
    [1e-20 / 3, 3.33333333333e-21],
    [Number.POSITIVE_INFINITY, Number.POSITIVE_INFINITY],
  ])('clean12(%d) = %d', (x, want) => {
    expect(clean12(x)).toBe(want);
  });

  it('equals cleanAmount (toPrecision(12)) on 200,000 seeded values from 1e-9 to 1e15', () => {
    const rng = new Rng(7);
    let differ = 0;
    for (let i = 0; i < 200_000; i++) {
      const x = (rng.uniform() - 0.5) * 10 ** Math.floor(rng.uniform() * 24 - 9);
      if (clean12(x) !== cleanAmount(x)) differ++;
    }
    expect(differ).toBe(0);
  });
});
