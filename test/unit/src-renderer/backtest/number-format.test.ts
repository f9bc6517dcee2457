import { describe, expect, it } from 'vitest';
import { formatNumber, formatShortUtc, formatSigned, formatSize } from '../../../../src-renderer/backtest/number-format';

describe('number format', () => {
  it('groups thousands, uses a true minus and shows unknown as a dash', () => {
    expect(formatNumber(1234.567, 2)).toBe('1,234.57');
    expect(formatNumber(1_234_567, 0)).toBe('1,234,567');
    expect(formatNumber(-0.5, 2)).toBe('\u22120.50');
    expect(formatNumber(-0.001, 2)).toBe('0.00');
    expect(formatNumber(999, 2)).toBe('999.00');
    expect(formatNumber(null, 2)).toBe('—');
    expect(formatNumber(Number.NaN, 2)).toBe('—');
    expect(formatNumber(Number.POSITIVE_INFINITY, 2)).toBe('—');
  });

  it('signs a value unless it rounds to zero', () => {
    expect(formatSigned(1234.5, 2)).toBe('+1,234.50');
    expect(formatSigned(-3, 0)).toBe('\u22123');
    expect(formatSigned(0.004, 2)).toBe('0.00');
    expect(formatSigned(-0.004, 2)).toBe('0.00');
    expect(formatSigned(null, 2)).toBe('—');
  });

  it('shows sizes as whole units or trimmed decimals', () => {
    expect(formatSize(1500)).toBe('1,500');
    expect(formatSize(0.0125)).toBe('0.0125');
    expect(formatSize(2.5)).toBe('2.5');
    expect(formatSize(0.1234567)).toBe('0.123457');
    expect(formatSize(Number.NaN)).toBe('—');
  });

  it('shows an instant as a short UTC date and time', () => {
    expect(formatShortUtc(Date.UTC(2025, 0, 1, 9, 30, 45))).toBe('2025-01-01 09:30');
    expect(formatShortUtc(null)).toBe('—');
  });
});
