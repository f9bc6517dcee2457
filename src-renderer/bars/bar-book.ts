import type { Bar } from '../../shared/domain/bar';

/**
 * A series' bars kept in ascending time order, at most one bar per open time
 * (a bar's identity). These functions never mutate their inputs.
 */
export type BarList = readonly Bar[];

/** How a chart already showing `current` takes `changes`. */
export type RedrawPlan = 'none' | 'update' | 'rebuild';

function strictlyAscending(bars: readonly Bar[]): boolean {
  for (let i = 1; i < bars.length; i++) {
    const prev = bars[i - 1];
    const next = bars[i];
    if (prev === undefined || next === undefined || next.time <= prev.time) return false;
  }
  return true;
}

/** Sorts by time and keeps the last version given of each time. */
export function normalizeBars(bars: readonly Bar[]): Bar[] {
  if (strictlyAscending(bars)) return bars.slice();
  const byTime = new Map<number, Bar>();
  for (const b of bars) byTime.set(b.time, b);
  return [...byTime.values()].sort((a, b) => a.time - b.time);
}

/**
 * `current` with `changes` applied: a change replaces the bar of the same
 * time or is inserted in order. Appending at the end (the live case) is a copy
 * and a push; anything else is a full merge.
 */
export function mergeBars(current: BarList, changes: readonly Bar[]): Bar[] {
  const incoming = normalizeBars(changes);
  const first = incoming[0];
  if (first === undefined) return current.slice();
  const last = current.at(-1);
  if (last === undefined || first.time >= last.time) {
    const out = current.slice();
    if (last !== undefined && first.time === last.time) out.pop();
    for (const b of incoming) out.push(b);
    return out;
  }
  const byTime = new Map<number, Bar>();
  for (const b of current) byTime.set(b.time, b);
  for (const b of incoming) byTime.set(b.time, b);
  return [...byTime.values()].sort((a, b) => a.time - b.time);
}

/**
 * Whether `changes` can be drawn with in-place updates (every changed bar is
 * at or after the last bar drawn, which is all lightweight-charts' `update`
 * accepts) or the series must be rebuilt (a correction or late history).
 */
export function planRedraw(current: BarList, changes: readonly Bar[]): RedrawPlan {
  if (changes.length === 0) return 'none';
  const last = current.at(-1);
  if (last === undefined) return 'update';
  const oldest = changes.reduce((min, b) => Math.min(min, b.time), Number.POSITIVE_INFINITY);
  return oldest >= last.time ? 'update' : 'rebuild';
}

/** The index of the bar opening at `time` exactly, or -1 (binary search). */
export function indexOfBar(bars: BarList, time: number): number {
  let lo = 0;
  let hi = bars.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >>> 1;
    const b = bars[mid];
    if (b === undefined) return -1;
    if (b.time === time) return mid;
    if (b.time < time) lo = mid + 1;
    else hi = mid - 1;
  }
  return -1;
}

/** The bar opening at `time` exactly, or null (binary search). */
export function findBar(bars: BarList, time: number): Bar | null {
  return bars[indexOfBar(bars, time)] ?? null;
}

/** The index of the last bar opening at or before `time`, or -1 when all open after it. */
export function indexAtOrBefore(bars: BarList, time: number): number {
  let lo = 0;
  let hi = bars.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if ((bars[mid]?.time ?? Number.POSITIVE_INFINITY) <= time) lo = mid + 1;
    else hi = mid;
  }
  return lo - 1;
}
