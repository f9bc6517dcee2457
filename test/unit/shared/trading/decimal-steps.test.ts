import { describe, expect, it } from 'vitest';
import { addDecimal, cleanAmount, decimalsOf, fromSteps, isOnStep, roundHalfAway, roundToStep, stepsOf, subDecimal } from '../../../../shared/trading/decimal-steps';

describe('decimal steps', () => {
  it.each([
    [0.01, 2],
    [0.25, 2],
    [1e-8, 8],
    [0.00001, 5],
    [5, 0],
    [1.5e-7, 8],
    [1000, 0],
  ])('decimalsOf(%d) = %d', (x, d) => {
    expect(decimalsOf(x)).toBe(d);
  });

  it.each([
    [2.05, 0.01, 205],
    [2 + 0.05, 0.01, 205],
    [100.75, 0.25, 403],
    [0.1 + 0.2, 0.1, 3],
    [0.12345678, 1e-8, 12345678],
    [65432.1, 0.01, 6543210],
    [3000, 1000, 3],
  ])('stepsOf(%d, %d) = %d (robust to binary noise)', (x, step, n) => {
    expect(stepsOf(x, step)).toBe(n);
    expect(isOnStep(x, step)).toBe(true);
  });

  it.each([
    [100.005, 0.01],
    [100.1, 0.25],
    [0.123456785, 1e-8],
    [1.5, 1],
    [2500, 1000],
    [Number.NaN, 0.01],
    [Number.POSITIVE_INFINITY, 0.01],
  ])('%d is off the step %d', (x, step) => {
    expect(stepsOf(x, step)).toBeNull();
    expect(isOnStep(x, step)).toBe(false);
  });

  it('rebuilds exact doubles from whole steps', () => {
    expect(fromSteps(205, 0.01)).toBe(2.05);
    expect(fromSteps(3, 0.1)).toBe(0.3);
    expect(fromSteps(403, 0.25)).toBe(100.75);
    expect(fromSteps(12345678, 1e-8)).toBe(0.12345678);
  });

  it.each([
    [100.013, 0.01, 'up', 100.02],
    [100.013, 0.01, 'down', 100.01],
    [100.015, 0.01, 'half-up', 100.02],
    [100.015, 0.01, 'half-down', 100.01],
    [100.014, 0.01, 'half-up', 100.01],
    [100.016, 0.01, 'half-down', 100.02],
    [100.02, 0.01, 'up', 100.02],
    [100.02, 0.01, 'down', 100.02],
    [100.1, 0.25, 'half-up', 100],
    [100.125, 0.25, 'half-up', 100.25],
    [100.125, 0.25, 'half-down', 100],
    [0.000015, 0.00001, 'down', 0.00001],
  ] as const)('roundToStep(%d, %d, %s) = %d', (x, step, mode, out) => {
    expect(roundToStep(x, step, mode)).toBe(out);
  });

  it('adds and subtracts short decimals exactly', () => {
    expect(addDecimal(0.1, 0.2)).toBe(0.3);
    expect(subDecimal(0.3, 0.1)).toBe(0.2);
    expect(addDecimal(0.00001, 0.00002)).toBe(0.00003);
    expect(subDecimal(1, 0.9)).toBe(0.1);
  });

  it('cleans derived amounts and rounds half away from zero', () => {
    expect(cleanAmount(414.99999999999994)).toBe(415);
    expect(cleanAmount(2.0749999999999997)).toBe(2.075);
    expect(cleanAmount(-0)).toBe(0);
    expect(roundHalfAway(1.665, 2)).toBe(1.67);
    expect(roundHalfAway(1.005, 2)).toBe(1.01);
    expect(roundHalfAway(-1.005, 2)).toBe(-1.01);
    expect(roundHalfAway(0.807432114, 8)).toBe(0.80743211);
    expect(roundHalfAway(0.807432115, 8)).toBe(0.80743212);
  });
});
