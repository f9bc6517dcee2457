import { describe, expect, it } from 'vitest';
import { CostModel } from '../../../../../src-main/research/backtest/cost-model';
import { affordableUnits } from '../../../../../src-main/research/backtest/position-sizing';

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

  it('sizes a very cheap coin in coarser fractions instead of looping where 1e-8 steps stop counting', () => {
    const fee = new CostModel(0.001, 0, 0, 0);
    // 10,000 / (0.00001 * 1.001) = 999,000,999.000999...: 9.99e16 steps of 1e-8 (past 2^52), so steps of 1e-6.
    const units = affordableUnits(10000, 0.00001, fee, true);
    expect(units).toBe(999000999.000999);
    expect(fee.cashOut(units, 0.00001)).toBeLessThanOrEqual(10000);
    // A price of 1e-9 buys 1e13 units: counted in hundredths, still within budget.
    const tiny = affordableUnits(10000, 1e-9, free, true);
    expect(tiny).toBe(1e13);
    expect(free.cashOut(tiny, 1e-9)).toBeLessThanOrEqual(10000);
    // Whole units beyond 2^52 are capped there (never more than the budget buys).
    expect(affordableUnits(1e9, 1e-9, free, false)).toBe(2 ** 52);
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
