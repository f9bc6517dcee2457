import { describe, expect, it } from 'vitest';
import { prependOlder } from '../../../../src-renderer/bars/older-page';
import { minuteBar } from '../fakes';

const times = (bars: readonly { time: number }[]): number[] => bars.map((b) => b.time / 60_000);

describe('prependOlder', () => {
  it('puts a page that ends before the first bar held in front of it', () => {
    const merged = prependOlder([minuteBar(5, 1), minuteBar(6, 1)], [minuteBar(3, 1), minuteBar(4, 1)]);
    expect(times(merged.bars)).toEqual([3, 4, 5, 6]);
    expect(merged).toMatchObject({ added: 2, overlap: 0 });
  });

  it('drops bars of a page that break the seam rather than drawing a bar twice', () => {
    const merged = prependOlder([minuteBar(5, 1), minuteBar(6, 1)], [minuteBar(4, 1), minuteBar(3, 1), minuteBar(5, 9), minuteBar(6, 9)]);
    expect(times(merged.bars)).toEqual([3, 4, 5, 6]);
    expect(merged.bars[2]?.close).toBe(1);
    expect(merged).toMatchObject({ added: 2, overlap: 2 });
  });

  it('takes a whole page when nothing is held, and an empty page changes nothing', () => {
    expect(prependOlder([], [minuteBar(1, 1)])).toMatchObject({ added: 1, overlap: 0 });
    const held = [minuteBar(1, 1)];
    expect(prependOlder(held, [])).toEqual({ bars: held, added: 0, overlap: 0 });
  });
});
