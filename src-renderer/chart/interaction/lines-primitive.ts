import type { IPrimitivePaneRenderer, IPrimitivePaneView, ISeriesApi, ISeriesPrimitive, ISeriesPrimitiveAxisView, PrimitiveHoveredItem, SeriesAttachedParameter, SeriesType } from 'lightweight-charts';
import { paintHorizontal, paintLabel, mediaSizeOf, type DrawTarget, type LineDash } from './canvas-paint';

/** One horizontal line across the price pane. */
export interface PaneLine {
  readonly id: string;
  readonly price: number;
  readonly color: string;
  /** Shown left of the price label at the right edge ('' for none). */
  readonly title: string;
  readonly style: LineDash;
  readonly width: number;
  /** The cursor turns to ↕ over it. */
  readonly draggable: boolean;
}

/** Lines drawn on a pane, with the line under a point for whoever handles the mouse. */
export interface LinesPrimitive extends ISeriesPrimitive {
  /** The draggable line within HIT_PX of media `y`, nearest first, or null. */
  lineAt(y: number): PaneLine | null;
  /** Redraws (after the lines or their prices changed). */
  refresh(): void;
}

/** How near (CSS px) the pointer must be to a line to take it. */
export const HIT_PX = 5;
const TEXT_ON_LINE = '#ffffff';

interface Placed {
  readonly line: PaneLine;
  readonly y: number;
}

function axisView(placed: Placed, text: string): ISeriesPrimitiveAxisView {
  return { coordinate: () => placed.y, text: () => text, textColor: () => TEXT_ON_LINE, backColor: () => placed.line.color };
}

/**
 * A series primitive drawing horizontal lines (order lines, an average
 * price, a user's line): each across the pane with its title and price at
 * the right edge and its price on the price scale, over the candles. Its
 * hitTest turns the cursor to ↕ over a draggable line; presses are handled
 * by the pane's pointer (lineAt). Drawn on the chart canvas, so it is in
 * screenshots.
 */
export function createLinesPrimitive(lines: () => readonly PaneLine[]): LinesPrimitive {
  let series: ISeriesApi<SeriesType> | null = null;
  let request: (() => void) | null = null;
  let placed: Placed[] = [];
  let axisViews: ISeriesPrimitiveAxisView[] = [];

  const renderer: IPrimitivePaneRenderer = {
    draw(target: DrawTarget) {
      const { width } = mediaSizeOf(target);
      for (const { line, y } of placed) {
        paintHorizontal(target, y, null, null, line.color, line.width, line.style);
        if (line.title !== '') paintLabel(target, line.title, y, { right: width - 2 }, line.color, TEXT_ON_LINE);
      }
    },
  };
  const view: IPrimitivePaneView = { zOrder: () => 'top', renderer: () => renderer };
  const views = [view];

  return {
    attached(param: SeriesAttachedParameter) {
      series = param.series;
      request = param.requestUpdate;
    },
    detached() {
      series = null;
      request = null;
      placed = [];
      axisViews = [];
    },
    updateAllViews() {
      const s = series;
      if (s === null) return;
      const next: Placed[] = [];
      for (const line of lines()) {
        const y = s.priceToCoordinate(line.price);
        if (y !== null) next.push({ line, y });
      }
      placed = next;
      const format = s.priceFormatter();
      axisViews = next.map((p) => axisView(p, format.format(p.line.price)));
    },
    paneViews: () => views,
    priceAxisViews: () => axisViews,
    hitTest(_x: number, y: number): PrimitiveHoveredItem | null {
      const hit = nearest(placed, y);
      return hit === null ? null : { externalId: hit.id, cursorStyle: 'ns-resize', zOrder: 'top' };
    },
    lineAt: (y) => nearest(placed, y),
    refresh: () => request?.(),
  };
}

function nearest(placed: readonly Placed[], y: number): PaneLine | null {
  let best: Placed | null = null;
  for (const p of placed) {
    if (!p.line.draggable) continue;
    const d = Math.abs(p.y - y);
    if (d <= HIT_PX && (best === null || d < Math.abs(best.y - y))) best = p;
  }
  return best?.line ?? null;
}
