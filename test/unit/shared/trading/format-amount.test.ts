import { describe, expect, it } from 'vitest';
import { formatAmount, formatLimit, formatPrice, formatQty } from '../../../../shared/trading/format-amount';

describe('numbers in messages', () => {
  it('groups thousands, fixed places, a minus only when something is left', () => {
    expect(formatAmount(123456)).toBe('123,456.00');
    expect(formatAmount(-512.4)).toBe('-512.40');
    expect(formatAmount(1234567.891, 1)).toBe('1,234,567.9');
    expect(formatAmount(-0.001)).toBe('0.00');
    expect(formatAmount(999.995)).toBe('1,000.00');
  });

  it('limits whole when whole; prices on their tick; quantities as they are', () => {
    expect(formatLimit(100_000)).toBe('100,000');
    expect(formatLimit(1500.5)).toBe('1,500.50');
    expect(formatPrice(2.05, 0.01)).toBe('2.05');
    expect(formatPrice(100, 1)).toBe('100.00');
    expect(formatPrice(0.12345678, 1e-8)).toBe('0.12345678');
    expect(formatPrice(100.005, 0.01)).toBe('100.005');
    expect(formatQty(0.00001)).toBe('0.00001');
    expect(formatQty(2500)).toBe('2,500');
  });
});
