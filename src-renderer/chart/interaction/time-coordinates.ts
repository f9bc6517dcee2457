import { indexAtOrBefore, type BarList } from '../../bars/bar-book';

/**
 * Times and the chart's logical axis. Bar i is drawn centred on logical i
 * and spans [i − ½, i + ½): its open is its left edge. An instant inside a
 * bar lies proportionally across it; an instant in a gap after a bar (a
 * closed market) sits at that bar's right edge; before the first bar or after the last one the axis is
 * extended by the interval (a marker due later today is drawn before it
 * prints). Pure, for the layers that draw at times: levels, marker lines,
 * drawings.
 */

/** Logical position of the boundary at instant `t`: the left edge of the bar opening at `t`. */
export function logicalOfEdge(bars: BarList, intervalMs: number, t: number): number | null {
  const first = bars[0];
  if (first === undefined || !(intervalMs > 0)) return null;
  const i = indexAtOrBefore(bars, t - 1);
  if (i < 0) return (t - first.time) / intervalMs - 0.5;
  const bar = bars[i];
  if (bar === undefined) return null;
  const end = (t - bar.time) / intervalMs;
  // Inside bar i, or past its end (a gap, or beyond the last bar).
  return i === bars.length - 1 ? i - 0.5 + end : i - 0.5 + Math.min(end, 1);
}

/** Logical position of instant `t` drawn at a bar's centre: a bar's open is its centre (vertical lines at a bar). */
export function logicalOfTime(bars: BarList, intervalMs: number, t: number): number | null {
  const edge = logicalOfEdge(bars, intervalMs, t);
  return edge === null ? null : edge + 0.5;
}

/** The open time of the bar at logical `logical` (rounded), extended by the interval beyond the bars. Null without bars. */
export function timeOfLogical(bars: BarList, intervalMs: number, logical: number): number | null {
  const first = bars[0];
  const last = bars.at(-1);
  if (first === undefined || last === undefined) return null;
  const i = Math.round(logical);
  if (i < 0) return first.time + i * intervalMs;
  if (i >= bars.length) return last.time + (i - (bars.length - 1)) * intervalMs;
  return bars[i]?.time ?? null;
}
