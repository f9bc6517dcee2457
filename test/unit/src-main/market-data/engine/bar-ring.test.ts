import { describe, expect, it } from 'vitest';
import { barsFromColumns } from '../../../../../shared/domain/bar-columns';
import { bar } from '../../../../../shared/domain/bar';
import { BarRing, ORIGIN_LIVE } from '../../../../../src-main/market-data/engine/bar-ring';

const b = (t: number, close = t) => bar(t, close, close, close, close, 1, 1, true);
const times = (r: BarRing) => barsFromColumns(r.snapshot()).map((x) => x.time);

describe('BarRing', () => {
  it('appends in O(1) and drops the oldest when full', () => {
    const r = new BarRing(3);
    for (const t of [1, 2, 3, 4, 5]) r.insert(b(t), ORIGIN_LIVE);
    expect(times(r)).toEqual([3, 4, 5]);
    expect(r.length).toBe(3);
  });

  it('updates the last bar in place', () => {
    const r = new BarRing(3);
    r.insert(b(1), ORIGIN_LIVE);
    r.insert(b(2), ORIGIN_LIVE);
    r.set(r.search(2), b(2, 42), ORIGIN_LIVE);
    expect(barsFromColumns(r.snapshot()).map((x) => x.close)).toEqual([1, 42]);
  });

  it('inserts an older bar in order, and refuses one older than a full ring holds', () => {
    const r = new BarRing(4);
    for (const t of [10, 20, 40]) r.insert(b(t), ORIGIN_LIVE);
    expect(r.insert(b(30), ORIGIN_LIVE)).toBe(true);
    expect(times(r)).toEqual([10, 20, 30, 40]);
    expect(r.insert(b(5), ORIGIN_LIVE)).toBe(false);
    expect(r.insert(b(15), ORIGIN_LIVE)).toBe(true);
    expect(times(r)).toEqual([15, 20, 30, 40]);
  });

  it('returns snapshots as copies', () => {
    const r = new BarRing(2);
    r.insert(b(1), ORIGIN_LIVE);
    const snap = r.snapshot();
    r.set(0, b(1, 99), ORIGIN_LIVE);
    expect(snap.close[0]).toBe(1);
  });

  it('searches by time', () => {
    const r = new BarRing(5);
    for (const t of [10, 20, 30]) r.insert(b(t), ORIGIN_LIVE);
    expect(r.search(20)).toBe(1);
    expect(r.search(25)).toBe(-3);
    expect(r.search(5)).toBe(-1);
  });
});
