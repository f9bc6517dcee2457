import type { StrategyOverlay } from '../../../shared/contract';
import type { BarList } from '../../bars/bar-book';
import { logicalOfEdge } from '../interaction/time-coordinates';

/** The level kinds a pane draws (a trade's stop and target are the backtest's, not the day's lines). */
const DRAWN = ['range-high', 'range-low', 'range-mid', 'block-high', 'block-low'] as const;
export type DrawnLevelKind = (typeof DRAWN)[number];

/** A level as the pane draws it: a horizontal segment between two logical positions. */
export interface LevelSegment {
  readonly label: string;
  readonly kind: DrawnLevelKind;
  readonly price: number;
  readonly from: number;
  readonly to: number;
  /** Logical positions of `from` and `to` (bar edges). */
  readonly l0: number;
  readonly l1: number;
}

/** A vertical marker line at a block boundary. */
export interface MarkerLine {
  readonly time: number;
  readonly logical: number;
  /** The next marker, not yet printed: drawn highlighted. */
  readonly next: boolean;
}

export interface LevelsGeometry {
  readonly segments: readonly LevelSegment[];
  readonly markers: readonly MarkerLine[];
}

export const NO_LEVELS: LevelsGeometry = { segments: [], markers: [] };

const isDrawn = (kind: string): kind is DrawnLevelKind => DRAWN.some((k) => k === kind);

/**
 * Where the overlays' levels and marker lines fall on the bars drawn: each
 * level from the left edge of the bar opening at its `from` to the edge at
 * its `to`; each past marker at the edge of the bar it opens; the first next
 * marker (due after the last bar) beyond the last bar at the interval's
 * pace, highlighted. Levels and markers wholly before the first bar are left
 * out. Pure: recomputed when the overlays or the bars change, not per frame.
 */
export function levelsGeometry(overlays: readonly StrategyOverlay[], bars: BarList, intervalMs: number): LevelsGeometry {
  const first = bars[0];
  if (first === undefined) return NO_LEVELS;
  const segments: LevelSegment[] = [];
  const markers: MarkerLine[] = [];
  for (const overlay of overlays) {
    for (const level of overlay.levels) {
      if (!isDrawn(level.kind) || level.to <= first.time) continue;
      const l0 = logicalOfEdge(bars, intervalMs, Math.max(level.from, first.time));
      const l1 = logicalOfEdge(bars, intervalMs, level.to);
      if (l0 === null || l1 === null || l1 <= l0) continue;
      segments.push({ label: level.label, kind: level.kind, price: level.price, from: level.from, to: level.to, l0, l1 });
    }
    for (const time of overlay.markers.past) {
      if (time < first.time) continue;
      const logical = logicalOfEdge(bars, intervalMs, time);
      if (logical !== null) markers.push({ time, logical, next: false });
    }
    const next = overlay.markers.next[0];
    if (next !== undefined) {
      const logical = logicalOfEdge(bars, intervalMs, next);
      if (logical !== null) markers.push({ time: next, logical, next: true });
    }
  }
  return { segments, markers };
}
