import { describe, expect, it } from 'vitest';
import { CostModel } from '../../../../src-main/backtest/cost-model';
import { affordableUnits } from '../../../../src-main/backtest/position-sizing';

const free = new CostModel(0, 0, 0, 0);

describe('affordableUnits', () => {
  it('buys the largest whole number with commission included', () => {
    // 100 * 99 * 1.001 = 9,909.9 <= 10,000 < 101 * 99 * 1.001 = 10,008.999.
    expect(affordableUnits(10000, 99, new CostModel(0.001, 0, 0, 0), false)).toBe(100);
    // (10,000 - 10) / 99.099 = 100.8...: 9,909.9 + 10 fits.
    expect(affordableUnits(10000, 99, new CostModel(0.001, 10, 0, 0), false)).toBe(100);
    // Exactly the budget: 100 * 99.9 + 10 = 10,000.
    expect(affordableUnits(10000, 99.9, new CostModel(0, 10, 0, 0), false)).toBe(100);
    expect(affordableUnits(10000, 99.91, new CostModel(0, 10, 0, 0), false)).toBe(99);
  });

  it('corrects the closed form where floating point rounds it the wrong way', () => {
    // 0.35 / 0.01 = 35, but 35 * 0.01 = 0.35000000000000003 > 0.35: step down.
    expect(0.35 / 0.01).toBe(35);
    expect(affordableUnits(0.35, 0.01, free, false)).toBe(34);
    // 0.29 / 0.01 = 28.999999999999996, but 29 * 0.01 = 0.29 fits: step up.
    expect(Math.floor(0.29 / 0.01)).toBe(28);
    expect(affordableUnits(0.29, 0.01, free, false)).toBe(29);
  });

  it('fractional units are whole multiples of 1e-8, rounded down', () => {
    // 100 / (30,000 * 1.001) = 0.00333000333...: 0.00333 (333,000 steps).
    expect(affordableUnits(100, 30000, new CostModel(0.001, 0, 0, 0), true)).toBe(0.00333);
  });

  it('is 0 when not one unit fits, or the fee eats the budget', () => {
    expect(affordableUnits(50, 99, free, false)).toBe(0);
    expect(affordableUnits(5, 1, new CostModel(0, 5, 0, 0), false)).toBe(0);
    expect(affordableUnits(-10, 1, free, false)).toBe(0);
  });
});

describe('CostModel', () => {
  it('slippage in bps and half the spread make the price worse for the side', () => {
    const c = new CostModel(0.001, 1, 10, 0.5);
    expect(c.buyPrice(100)).toBeCloseTo(100 * 1.001 + 0.25, 12);
    expect(c.sellPrice(100)).toBeCloseTo(100 * 0.999 - 0.25, 12);
    expect(c.commission(10000)).toBe(11);
    expect(c.cashOut(100, 99)).toBe(9900 + 9900 * 0.001 + 1);
    expect(free.buyPrice(123.45)).toBe(123.45);
  });
});
