import { describe, expect, it } from 'vitest';
import { barSchema, MAX_PRICE } from '../../../../shared/domain/bar';
import { EPOCH_MS_MAX, epochMsSchema } from '../../../../shared/domain/epoch';

const good = { time: Date.UTC(2024, 0, 1), open: 1, high: 2, low: 0.5, close: 1.5, volume: 10, trades: 1, final: true };

describe('the contract\'s range of times and bounds of prices', () => {
  it('takes times from 1970-01-01 up to 2100-01-01 and nothing else', () => {
    expect(epochMsSchema.safeParse(0).success).toBe(true);
    expect(epochMsSchema.safeParse(EPOCH_MS_MAX).success).toBe(true);
    expect(EPOCH_MS_MAX).toBe(Date.UTC(2100, 0, 1));
    expect(epochMsSchema.safeParse(-1).success).toBe(false);
    expect(epochMsSchema.safeParse(Date.UTC(1900, 0, 1)).success).toBe(false);
    expect(epochMsSchema.safeParse(Date.UTC(9999, 11, 31)).success).toBe(false);
  });

  it('refuses a bar priced past 1e12, at 1e308 or at Infinity', () => {
    expect(barSchema.safeParse(good).success).toBe(true);
    expect(barSchema.safeParse({ ...good, high: MAX_PRICE }).success).toBe(true);
    for (const high of [MAX_PRICE * 10, 1e308, Number.POSITIVE_INFINITY]) expect(barSchema.safeParse({ ...good, high }).success).toBe(false);
    expect(barSchema.safeParse({ ...good, volume: Number.POSITIVE_INFINITY }).success).toBe(false);
  });
});
