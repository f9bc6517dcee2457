import type { IPrimitivePaneRenderer, IPrimitivePaneView, ISeriesApi, ISeriesPrimitive, SeriesAttachedParameter, SeriesType, IChartApiBase } from 'lightweight-charts';
import { paintHorizontal, paintLabel, paintVertical, mediaSizeOf, type DrawTarget, type LineDash } from '../interaction/canvas-paint';
import { xOfLogical } from '../interaction/logical-x';
import { NO_LEVELS, type DrawnLevelKind, type LevelsGeometry } from './levels-geometry';

const LEVEL_LOOK: Readonly<Record<DrawnLevelKind, { readonly color: string; readonly style: LineDash; readonly tag: string }>> = {
  'range-high': { color: '#3fb950', style: 'solid', tag: 'ORB H' },
  'range-low': { color: '#ff7b72', style: 'solid', tag: 'ORB L' },
  'range-mid': { color: '#8b949e', style: 'dashed', tag: 'ORB mid' },
  'block-high': { color: '#58a6ff', style: 'dotted', tag: 'Block H' },
  'block-low': { color: '#ffa657', style: 'dotted', tag: 'Block L' },
};
const PAST_MARKER = 'rgba(210, 168, 255, 0.35)';
const NEXT_MARKER = '#d2a8ff';
const LABEL_TEXT = '#0d1117';

/** What the levels primitive drew last, in CSS pixels (for the e2e tests). */
export interface DrawnLevels {
  readonly segments: readonly { readonly tag: string; readonly kind: DrawnLevelKind; readonly price: number; readonly from: number; readonly to: number; readonly y: number; readonly x0: number; readonly x1: number }[];
  readonly markers: readonly { readonly time: number; readonly x: number; readonly next: boolean }[];
}

export interface LevelsPrimitive extends ISeriesPrimitive {
  /** New geometry (overlays or bars changed); redraws. */
  setGeometry(geometry: LevelsGeometry): void;
  drawn(): DrawnLevels;
}

/**
 * The traders' levels on the price pane: each level a segment over its span
 * with its tag and price at its right end, marker lines at block boundaries
 * (faint), and the next marker line (due, not yet printed) bright with its
 * time. Only what is in view is converted to pixels, each frame.
 */
export function createLevelsPrimitive(timeLabel: (t: number) => string): LevelsPrimitive {
  let chart: IChartApiBase | null = null;
  let series: ISeriesApi<SeriesType> | null = null;
  let request: (() => void) | null = null;
  let geometry = NO_LEVELS;
  let drawn: DrawnLevels = { segments: [], markers: [] };

  const renderer: IPrimitivePaneRenderer = {
    draw(target: DrawTarget) {
      const { width } = mediaSizeOf(target);
      for (const m of drawn.markers) {
        paintVertical(target, m.x, m.next ? NEXT_MARKER : PAST_MARKER, m.next ? 2 : 1, m.next ? 'solid' : 'dashed');
        if (m.next) paintLabel(target, `next ${timeLabel(m.time)}`, 10, { left: Math.min(m.x + 3, width - 90) }, NEXT_MARKER, LABEL_TEXT);
      }
      for (const s of drawn.segments) {
        const look = LEVEL_LOOK[s.kind];
        paintHorizontal(target, s.y, s.x0, s.x1, look.color, 1, look.style);
      }
      // Only the newest segment of each kind in view carries its tag and price (a label per block would bury the bars).
      const newest = new Map<DrawnLevelKind, number>();
      for (const s of drawn.segments) newest.set(s.kind, Math.max(newest.get(s.kind) ?? -Infinity, s.to));
      for (const s of drawn.segments) {
        if (s.x1 < 0 || s.x1 > width + 40 || newest.get(s.kind) !== s.to) continue;
        const look = LEVEL_LOOK[s.kind];
        paintLabel(target, `${s.tag} ${series?.priceFormatter().format(s.price) ?? String(s.price)}`, s.y, { right: Math.min(s.x1, width - 2) }, look.color, LABEL_TEXT);
      }
    },
  };
  const view: IPrimitivePaneView = { zOrder: () => 'normal', renderer: () => renderer };
  const views = [view];

  return {
    attached(param: SeriesAttachedParameter) {
      chart = param.chart;
      series = param.series;
      request = param.requestUpdate;
    },
    detached() {
      chart = null;
      series = null;
      request = null;
      drawn = { segments: [], markers: [] };
    },
    updateAllViews() {
      const s = series;
      const c = chart;
      if (s === null || c === null) return;
      const timeScale = c.timeScale();
      const range = timeScale.getVisibleLogicalRange();
      if (range === null) {
        drawn = { segments: [], markers: [] };
        return;
      }
      const x = (l: number): number | null => xOfLogical(timeScale, l);
      const segments: DrawnLevels['segments'][number][] = [];
      for (const g of geometry.segments) {
        if (g.l1 < range.from - 1 || g.l0 > range.to + 1) continue;
        const y = s.priceToCoordinate(g.price);
        const x0 = x(g.l0);
        const x1 = x(g.l1);
        if (y === null || x0 === null || x1 === null) continue;
        segments.push({ tag: LEVEL_LOOK[g.kind].tag, kind: g.kind, price: g.price, from: g.from, to: g.to, y, x0, x1 });
      }
      const markers: DrawnLevels['markers'][number][] = [];
      for (const m of geometry.markers) {
        if (m.logical < range.from - 1 || m.logical > range.to + 1) continue;
        const at = x(m.logical);
        if (at !== null) markers.push({ time: m.time, x: at, next: m.next });
      }
      drawn = { segments, markers };
    },
    paneViews: () => views,
    setGeometry(next) {
      geometry = next;
      request?.();
    },
    drawn: () => drawn,
  };
}
