import type { DrawingInput } from '../../../shared/chart/drawing';
import type { PanePoint } from '../interaction/pane-pointer';

/** A drawing in CSS pixels on the price pane. */
export type DrawingShape =
  | { readonly id: string; readonly kind: 'hline'; readonly color: string; readonly label: string; readonly y: number }
  | { readonly id: string; readonly kind: 'vline'; readonly color: string; readonly label: string; readonly x: number }
  | { readonly id: string; readonly kind: 'rect'; readonly color: string; readonly label: string; readonly x0: number; readonly y0: number; readonly x1: number; readonly y1: number };

/** Converters from prices and times to the pane's pixels (null: not on screen). */
export interface PixelMap {
  y(price: number): number | null;
  /** x of a bar's centre for the bar opening at `time` (vertical lines). */
  xCentre(time: number): number | null;
  /** x of the boundary at `time` (a range's edges). */
  xEdge(time: number): number | null;
}

/** How near (CSS px) a press must be to a line or a rectangle's border to take it. */
export const DRAWING_HIT_PX = 5;

export function shapeOf(d: DrawingInput, map: PixelMap): DrawingShape | null {
  switch (d.kind) {
    case 'hline': {
      const y = map.y(d.price);
      return y === null ? null : { id: d.id, kind: 'hline', color: d.color, label: d.label, y };
    }
    case 'vline': {
      const x = map.xCentre(d.time);
      return x === null ? null : { id: d.id, kind: 'vline', color: d.color, label: d.label, x };
    }
    case 'rect': {
      const x0 = map.xEdge(d.from);
      const x1 = map.xEdge(d.to);
      const y0 = map.y(d.top);
      const y1 = map.y(d.bottom);
      if (x0 === null || x1 === null || y0 === null || y1 === null) return null;
      return { id: d.id, kind: 'rect', color: d.color, label: d.label, x0, y0, x1, y1 };
    }
  }
}

/**
 * The drawing under `p`, or null: lines first (the topmost, drawn last,
 * wins), within DRAWING_HIT_PX; then rectangles, inside or on the border.
 */
export function drawingAt(shapes: readonly DrawingShape[], p: PanePoint): DrawingShape | null {
  for (let i = shapes.length - 1; i >= 0; i--) {
    const s = shapes[i];
    if (s?.kind === 'hline' && Math.abs(s.y - p.y) <= DRAWING_HIT_PX) return s;
    if (s?.kind === 'vline' && Math.abs(s.x - p.x) <= DRAWING_HIT_PX) return s;
  }
  for (let i = shapes.length - 1; i >= 0; i--) {
    const s = shapes[i];
    if (s?.kind !== 'rect') continue;
    const left = Math.min(s.x0, s.x1) - DRAWING_HIT_PX;
    const right = Math.max(s.x0, s.x1) + DRAWING_HIT_PX;
    const top = Math.min(s.y0, s.y1) - DRAWING_HIT_PX;
    const bottom = Math.max(s.y0, s.y1) + DRAWING_HIT_PX;
    if (p.x >= left && p.x <= right && p.y >= top && p.y <= bottom) return s;
  }
  return null;
}

/** The cursor over a drawing: ↕ for a horizontal line, ↔ for a vertical one, move for a rectangle. */
export function cursorOf(shape: DrawingShape): string {
  switch (shape.kind) {
    case 'hline':
      return 'ns-resize';
    case 'vline':
      return 'ew-resize';
    case 'rect':
      return 'move';
  }
}
