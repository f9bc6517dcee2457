import { describe, expect, it } from 'vitest';
import { TradeIdSet } from '../../../../../src-main/market-data/engine/trade-id-set';
import { prng } from '../../../../helpers/prng';

describe('TradeIdSet', () => {
  it('keeps a run of consecutive ids as one range', () => {
    const ids = new TradeIdSet();
    for (let id = 1_000_000; id < 1_200_000; id++) expect(ids.add(id)).toBe(true);
    expect(ids.ranges).toBe(1);
    expect(ids.has(1_000_000)).toBe(true);
    expect(ids.has(1_199_999)).toBe(true);
    expect(ids.has(999_999)).toBe(false);
    expect(ids.has(1_200_000)).toBe(false);
    expect(ids.add(1_100_000)).toBe(false);
  });

  it('joins ranges when a gap fills, from either side', () => {
    const ids = new TradeIdSet();
    for (const id of [10, 11, 14, 15, 20]) ids.add(id);
    expect(ids.ranges).toBe(3);
    ids.add(13); // joins 14-15 from the left
    ids.add(12); // joins 10-11 and 13-15
    expect(ids.ranges).toBe(2);
    expect([9, 10, 12, 15, 16, 19, 20, 21].map((id) => ids.has(id))).toEqual([false, true, true, true, false, false, true, false]);
    ids.add(5);
    expect(ids.ranges).toBe(3);
    expect(ids.has(5)).toBe(true);
  });

  it('answers like a Set for any order of ids, duplicates included', () => {
    const r = prng(9);
    const ids = new TradeIdSet();
    const truth = new Set<number>();
    for (let i = 0; i < 5000; i++) {
      const id = Math.floor(r() * 3000);
      expect(ids.add(id)).toBe(!truth.has(id));
      truth.add(id);
    }
    for (let id = -5; id < 3005; id++) expect(ids.has(id)).toBe(truth.has(id));
  });
});
