import { describe, expect, it } from 'vitest';
import { findBar, mergeBars, normalizeBars, planRedraw } from '../../../../src-renderer/bars/bar-book';
import { minuteBar } from '../fakes';

const times = (bars: readonly { time: number }[]): number[] => bars.map((b) => b.time / 60_000);
const closes = (bars: readonly { close: number }[]): number[] => bars.map((b) => b.close);

describe('normalizeBars', () => {
  it('sorts by time and keeps the last version of each time', () => {
    const out = normalizeBars([minuteBar(3, 30), minuteBar(1, 10), minuteBar(3, 31), minuteBar(2, 20)]);
    expect(times(out)).toEqual([1, 2, 3]);
    expect(closes(out)).toEqual([10, 20, 31]);
  });

  it('copies an already ascending list', () => {
    const input = [minuteBar(1, 10), minuteBar(2, 20)];
    const out = normalizeBars(input);
    expect(out).toEqual(input);
    expect(out).not.toBe(input);
  });
});

describe('mergeBars', () => {
  const base = [minuteBar(1, 10), minuteBar(2, 20), minuteBar(3, 30)];

  it('replaces the last bar in place when the forming bar changes', () => {
    const out = mergeBars(base, [minuteBar(3, 33, false)]);
    expect(times(out)).toEqual([1, 2, 3]);
    expect(closes(out)).toEqual([10, 20, 33]);
    expect(closes(base)).toEqual([10, 20, 30]);
  });

  it('closes the last bar and appends the next', () => {
    const out = mergeBars(base, [minuteBar(3, 31), minuteBar(4, 40, false)]);
    expect(times(out)).toEqual([1, 2, 3, 4]);
    expect(closes(out)).toEqual([10, 20, 31, 40]);
  });

  it('applies a correction to an older bar and inserts late history in order', () => {
    const out = mergeBars(base, [minuteBar(0, 5), minuteBar(2, 22)]);
    expect(times(out)).toEqual([0, 1, 2, 3]);
    expect(closes(out)).toEqual([5, 10, 22, 30]);
  });

  it('starts from nothing', () => {
    expect(closes(mergeBars([], [minuteBar(2, 20), minuteBar(1, 10)]))).toEqual([10, 20]);
  });

  it('keeps the list when nothing changed', () => {
    expect(closes(mergeBars(base, []))).toEqual([10, 20, 30]);
  });
});

describe('planRedraw', () => {
  const base = [minuteBar(1, 10), minuteBar(2, 20)];

  it('updates in place for the last bar and newer ones', () => {
    expect(planRedraw(base, [minuteBar(2, 21)])).toBe('update');
    expect(planRedraw(base, [minuteBar(2, 21), minuteBar(3, 30)])).toBe('update');
    expect(planRedraw([], [minuteBar(5, 50)])).toBe('update');
  });

  it('rebuilds when any changed bar is older than the last one drawn', () => {
    expect(planRedraw(base, [minuteBar(1, 11)])).toBe('rebuild');
    expect(planRedraw(base, [minuteBar(3, 30), minuteBar(0, 1)])).toBe('rebuild');
  });

  it('does nothing without changes', () => {
    expect(planRedraw(base, [])).toBe('none');
  });
});

describe('findBar', () => {
  const bars = [minuteBar(1, 10), minuteBar(2, 20), minuteBar(4, 40), minuteBar(7, 70)];

  it('finds a bar by its exact open time', () => {
    expect(findBar(bars, 4 * 60_000)?.close).toBe(40);
    expect(findBar(bars, 1 * 60_000)?.close).toBe(10);
    expect(findBar(bars, 7 * 60_000)?.close).toBe(70);
  });

  it('returns null between bars and outside them', () => {
    expect(findBar(bars, 3 * 60_000)).toBeNull();
    expect(findBar(bars, 0)).toBeNull();
    expect(findBar([], 0)).toBeNull();
  });
});
