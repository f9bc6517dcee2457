import { describe, expect, it } from 'vitest';
import { formatPrice, formatVolume, precisionForPrice, precisionOfTick, pricePrecision } from '../../../../src-renderer/format/price-precision';

describe('precisionOfTick', () => {
  it('reads decimal places off the tick', () => {
    expect(precisionOfTick(0.01)).toBe(2);
    expect(precisionOfTick(0.00001)).toBe(5);
    expect(precisionOfTick(0.25)).toBe(2);
    expect(precisionOfTick(0.5)).toBe(1);
    expect(precisionOfTick(1)).toBe(0);
    expect(precisionOfTick(0.0001)).toBe(4);
  });

  it('falls back to cents for a nonsense tick', () => {
    expect(precisionOfTick(0)).toBe(2);
    expect(precisionOfTick(Number.NaN)).toBe(2);
  });
});

describe('pricePrecision', () => {
  it('prefers the tick, then a guess from the price', () => {
    expect(pricePrecision(0.00001, 64000)).toBe(5);
    expect(pricePrecision(null, 64000)).toBe(2);
    expect(pricePrecision(null, 1.0843)).toBe(4);
    expect(pricePrecision(null, 0.5)).toBe(6);
    expect(pricePrecision(null, null)).toBe(2);
    expect(precisionForPrice(100)).toBe(2);
  });
});

describe('formatPrice and formatVolume', () => {
  it('prints fixed decimals without grouping', () => {
    expect(formatPrice(64123.5, 2)).toBe('64123.50');
    expect(formatPrice(1.084321, 5)).toBe('1.08432');
    expect(formatPrice(Number.NaN, 2)).toBe('—');
  });

  it('shortens large volumes', () => {
    expect(formatVolume(950)).toBe('950');
    expect(formatVolume(12.345)).toBe('12.35');
    expect(formatVolume(12_300)).toBe('12.3K');
    expect(formatVolume(4_560_000)).toBe('4.56M');
    expect(formatVolume(7_800_000_000)).toBe('7.80B');
  });
});
