import { describe, expect, it } from 'vitest';
import { parseWalkForward, walkForwardWindows } from '../../../../../src-main/research/optimize/walk-forward-windows';

describe('walkForwardWindows', () => {
  it('tiles the end of the data with non-overlapping out-of-sample folds, each after its rolling in-sample window', () => {
    // 1000 bars, 4:1, 5 folds: oos = floor(1000 / 9) = 111, is = 444; first oos starts at 1000 - 555 = 445.
    expect(walkForwardWindows(1000, 4, 1, 5)).toEqual([
      { isStart: 1, isEnd: 445, oosEnd: 556 },
      { isStart: 112, isEnd: 556, oosEnd: 667 },
      { isStart: 223, isEnd: 667, oosEnd: 778 },
      { isStart: 334, isEnd: 778, oosEnd: 889 },
      { isStart: 445, isEnd: 889, oosEnd: 1000 },
    ]);
  });

  it('refuses too few bars and bad ratios', () => {
    expect(() => walkForwardWindows(10, 4, 1, 5)).toThrow('walk-forward: 10 bars are too few for 5 folds of 4:1');
    expect(() => walkForwardWindows(1000, 0, 1, 5)).toThrow(RangeError);
    expect(() => walkForwardWindows(1000, 4, 1, 0)).toThrow(RangeError);
  });

  it('parses IS:OOS', () => {
    expect(parseWalkForward('4:1')).toEqual({ inSample: 4, outOfSample: 1 });
    expect(parseWalkForward('3.5:1')).toEqual({ inSample: 3.5, outOfSample: 1 });
    expect(parseWalkForward('4-1')).toBe('"4-1" is not IS:OOS (e.g. 4:1)');
    expect(parseWalkForward('0:1')).toBe('both parts of IS:OOS must be positive');
  });
});
