import { describe, expect, it } from 'vitest';
import { indicatorDrawDelay } from '../../../../../src-renderer/chart/indicators/live-pacing';

describe('indicatorDrawDelay', () => {
  it('draws at once with the candles when the last indicator draw is at least `every` old', () => {
    expect(indicatorDrawDelay(5_000, 4_000, 1_000, 100)).toBeNull();
    expect(indicatorDrawDelay(5_300, 4_000, 1_000, 100)).toBeNull();
    expect(indicatorDrawDelay(0, Number.NEGATIVE_INFINITY, 1_000, 100)).toBeNull();
  });

  it('otherwise waits until due plus the grace, so the next candle draw of a steady stream comes first', () => {
    expect(indicatorDrawDelay(4_250, 4_000, 1_000, 100)).toBe(850);
    expect(indicatorDrawDelay(4_000, 4_000, 1_000, 100)).toBe(1_100);
    expect(indicatorDrawDelay(4_999, 4_000, 1_000, 0)).toBe(1);
  });
});
