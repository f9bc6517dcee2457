import { describe, expect, it } from 'vitest';
import { barsToDrop, newestCut, newestInView, oldestCut } from '../../../../src-renderer/chart/draw-window';

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

describe('newestInView', () => {
  it('tells whether the newest drawn bar is in view (live ticks are held while it is not)', () => {
    expect(newestInView(2_000, 2_004.5)).toBe(true);
    expect(newestInView(2_000, 1_999)).toBe(true);
    expect(newestInView(2_000, 1_998.9)).toBe(false);
    expect(newestInView(2_000, null)).toBe(false);
    expect(newestInView(2_000, 1_949, 50)).toBe(true);
    expect(newestInView(2_000, 1_948.9, 50)).toBe(false);
  });
});

describe('newestCut and oldestCut', () => {
  it('keeps the bars up to the view and a page past it when more than the most are drawn', () => {
    expect(newestCut(6_000, 5_999, 6_000, 2_000)).toBe(6_000);
    expect(newestCut(8_000, 2_063.5, 6_000, 2_000)).toBe(4_065);
    expect(newestCut(8_000, 6_500, 6_000, 2_000)).toBe(8_000);
    expect(newestCut(8_000, null, 6_000, 2_000)).toBe(8_000);
    expect(newestCut(8_000, -10, 6_000, 2_000)).toBe(2_000);
  });

  it('drops the oldest bars past the most drawn, never within a page of the view', () => {
    expect(oldestCut(6_000, 100, 6_000, 2_000)).toBe(0);
    expect(oldestCut(7_000, 4_500.7, 6_000, 2_000)).toBe(1_000);
    expect(oldestCut(7_000, 2_500, 6_000, 2_000)).toBe(500);
    expect(oldestCut(7_000, 1_000, 6_000, 2_000)).toBe(0);
    expect(oldestCut(7_000, null, 6_000, 2_000)).toBe(0);
  });
});
