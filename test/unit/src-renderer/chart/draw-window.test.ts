import { describe, expect, it } from 'vitest';
import { barsToDrop, liveDrawGap } from '../../../../src-renderer/chart/draw-window';

describe('barsToDrop', () => {
  it('drops down to `keep` bars when many more are drawn and the view is in the newer half of those kept', () => {
    expect(barsToDrop(14_000, 13_850, 2_000, 2_000)).toBe(12_000);
    expect(barsToDrop(14_000, 13_000, 2_000, 2_000)).toBe(12_000);
  });

  it('keeps everything while scrolled back, at up to keep + slack bars, or without a view', () => {
    expect(barsToDrop(14_000, 12_999, 2_000, 2_000)).toBe(0);
    expect(barsToDrop(14_000, 2_000, 2_000, 2_000)).toBe(0);
    expect(barsToDrop(4_000, 3_900, 2_000, 2_000)).toBe(0);
    expect(barsToDrop(4_001, 3_900, 2_000, 2_000)).toBe(2_001);
    expect(barsToDrop(14_000, null, 2_000, 2_000)).toBe(0);
  });
});

describe('liveDrawGap', () => {
  it('paces live draws by whether the newest bar is in view', () => {
    expect(liveDrawGap(2_000, 2_004.5, 200, 1_000)).toBe(200);
    expect(liveDrawGap(2_000, 1_999, 200, 1_000)).toBe(200);
    expect(liveDrawGap(2_000, 1_998.9, 200, 1_000)).toBe(1_000);
    expect(liveDrawGap(2_000, null, 200, 1_000)).toBe(1_000);
  });
});
