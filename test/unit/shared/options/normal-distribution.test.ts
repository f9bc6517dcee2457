import { describe, expect, it } from 'vitest';
import { erfc, normCdf, normPdf } from '../../../../shared/options/normal-distribution';

/** Reference values: mpmath at 40 digits. */
const CDF: readonly [number, number][] = [
  [-37, 5.7255712225245768e-300],
  [-20, 2.7536241186062337e-89],
  [-8, 6.2209605742717841e-16],
  [-3, 0.0013498980316300945],
  [-1, 0.15865525393145705],
  [-1e-9, 0.49999999960105772],
  [0, 0.5],
  [0.5, 0.6914624612740131],
  [2, 0.97724986805182079],
  [7, 0.99999999999872019],
];

describe('normal distribution', () => {
  it('Φ to a few ulps, relative, down to 1e-300 in the lower tail', () => {
    for (const [z, want] of CDF) expect(Math.abs(normCdf(z) - want) / want, `Φ(${String(z)})`).toBeLessThan(1e-15);
  });

  it('φ and erfc agree with their definitions', () => {
    expect(normPdf(0)).toBe(0.3989422804014327);
    expect(Math.abs(normPdf(10) / 7.6945986267064193e-23 - 1)).toBeLessThan(1e-15);
    expect(Math.abs(erfc(1) / 0.15729920705028513 - 1)).toBeLessThan(1e-15);
    expect(Math.abs(erfc(-1) / 1.8427007929497149 - 1)).toBeLessThan(1e-15);
    expect(Math.abs(erfc(10) / 2.0884875837625448e-45 - 1)).toBeLessThan(1e-15);
    expect(normCdf(-40)).toBeLessThan(1e-300);
    expect(normCdf(Number.NaN)).toBeNaN();
  });

  it('Φ(z) + Φ(−z) = 1', () => {
    for (let z = 0; z < 8; z += 0.37) expect(normCdf(z) + normCdf(-z)).toBeCloseTo(1, 15);
  });
});
