import { describe, expect, it } from 'vitest';
import { DecimalStep } from '../../../../../../src-main/market-data/feeds/sim/decimal-step';
import { hashString, mix32, Rng, seed32 } from '../../../../../../shared/random/seeded-random';

describe('Rng', () => {
  it('is a pure function of its seed, and reseed restarts it', () => {
    const a = new Rng(1);
    expect([a.uint32(), a.uint32(), a.uint32()]).toEqual([1580013426, 350525680, 3524174333]);
    a.reseed(1);
    expect(a.uint32()).toBe(1580013426);
    expect(new Rng(2).uint32()).not.toBe(1580013426);
  });

  it('draws uniforms strictly inside (0, 1) and standard normals with mean 0 and variance 1', () => {
    const r = new Rng(7);
    const n = 200_000;
    let lo = 1;
    let hi = 0;
    let sum = 0;
    let sq = 0;
    for (let i = 0; i < n; i++) {
      const u = r.uniform();
      lo = Math.min(lo, u);
      hi = Math.max(hi, u);
      const z = r.normal();
      sum += z;
      sq += z * z;
    }
    expect(lo).toBeGreaterThan(0);
    expect(hi).toBeLessThan(1);
    expect(Math.abs(sum / n)).toBeLessThan(0.01);
    expect(Math.abs(sq / n - 1)).toBeLessThan(0.02);
  });

  it('derives distinct streams from (seed, symbol, day) and folds any seed into 32 bits', () => {
    const streams = new Set<number>();
    for (const symbol of ['BTCUSDT', 'ETHUSDT', 'SPY']) for (let day = 0; day < 1000; day++) streams.add(mix32(mix32(seed32(42), hashString(symbol)), day));
    expect(streams.size).toBe(3000);
    expect(mix32(1, 2)).not.toBe(mix32(2, 1));
    expect(seed32(2 ** 40 + 1)).not.toBe(seed32(1));
    expect(seed32(0.5)).not.toBe(seed32(0));
    expect(seed32(42)).toBe(seed32(42));
  });
});

describe('DecimalStep', () => {
  it('turns whole steps into the doubles their decimals parse to', () => {
    const cents = new DecimalStep(0.01);
    expect(cents.value(6_000_001)).toBe(60000.01);
    expect(cents.value(7)).toBe(0.07);
    expect(cents.inSteps(1.5)).toBe(150);
    expect(new DecimalStep(0.00001).value(108_123)).toBe(1.08123);
    const thousands = new DecimalStep(1000);
    expect(thousands.value(250)).toBe(250_000);
    expect(thousands.inSteps(250_000)).toBe(250);
  });
});
