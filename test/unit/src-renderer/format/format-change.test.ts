import { describe, expect, it } from 'vitest';
import { changeTone, formatChangePct } from '../../../../src-renderer/format/format-change';

describe('formatChangePct', () => {
  it('signs and rounds to two decimals', () => {
    expect(formatChangePct(1.5)).toBe('+1.50%');
    expect(formatChangePct(-0.254)).toBe('\u22120.25%');
    expect(formatChangePct(12.345678)).toBe('+12.35%');
    expect(formatChangePct(0)).toBe('0.00%');
    expect(formatChangePct(-0.001)).toBe('0.00%');
    expect(formatChangePct(null)).toBe('—');
  });

  it('tones up, down and flat', () => {
    expect(changeTone(0.5)).toBe('good');
    expect(changeTone(-0.5)).toBe('bad');
    expect(changeTone(0.001)).toBe('muted');
    expect(changeTone(null)).toBe('muted');
  });
});
