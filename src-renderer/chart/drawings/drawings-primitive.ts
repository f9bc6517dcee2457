import type { IPrimitivePaneRenderer, IPrimitivePaneView, ISeriesApi, ISeriesPrimitive, ISeriesPrimitiveAxisView, PrimitiveHoveredItem, SeriesAttachedParameter, SeriesType } from 'lightweight-charts';
import type { DrawingInput } from '../../../shared/chart/drawing';
import { paintHorizontal, paintLabel, paintRect, paintVertical, withAlpha, mediaSizeOf, type DrawTarget } from '../interaction/canvas-paint';
import { cursorOf, drawingAt, shapeOf, type DrawingShape, type PixelMap } from './drawing-shapes';

/** What the primitive draws: the drawings (an edit in progress among them) and the one selected. */
export interface DrawingsScene {
  readonly drawings: readonly DrawingInput[];
  readonly selected: string | null;
}

export interface DrawingsPrimitive extends ISeriesPrimitive {
  /** The shapes drawn last (topmost last). */
  shapes(): readonly DrawingShape[];
  refresh(): void;
}

const TEXT_ON_COLOR = '#0d1117';

/**
 * A series primitive drawing the user's drawings on the price pane:
 * horizontal lines across it (their price on the price scale), vertical
 * lines through a bar, rectangles over a time and price range, the selected
 * one thicker. Its hitTest sets the cursor over a drawing (↕ ↔ move); presses
 * are handled by the drawings layer through the pane's pointer.
 */
export function createDrawingsPrimitive(scene: () => DrawingsScene, pixels: () => PixelMap | null): DrawingsPrimitive {
  let series: ISeriesApi<SeriesType> | null = null;
  let request: (() => void) | null = null;
  let shapes: DrawingShape[] = [];
  let selected: string | null = null;
  let axisViews: ISeriesPrimitiveAxisView[] = [];

  const renderer: IPrimitivePaneRenderer = {
    draw(target: DrawTarget) {
      const { width, height } = mediaSizeOf(target);
      for (const s of shapes) {
        const thick = s.id === selected ? 2 : 1;
        switch (s.kind) {
          case 'rect':
            paintRect(target, s.x0, s.y0, s.x1, s.y1, withAlpha(s.color, s.id === selected ? 0.2 : 0.12), s.color);
            if (s.label !== '') paintLabel(target, s.label, Math.min(s.y0, s.y1) + 9, { left: Math.min(s.x0, s.x1) + 2 }, s.color, TEXT_ON_COLOR);
            break;
          case 'hline':
            paintHorizontal(target, s.y, null, null, s.color, thick, 'solid');
            if (s.label !== '') paintLabel(target, s.label, s.y, { left: 4 }, s.color, TEXT_ON_COLOR);
            break;
          case 'vline':
            paintVertical(target, s.x, s.color, thick, 'solid');
            if (s.label !== '') paintLabel(target, s.label, height - 12, { left: Math.min(s.x + 3, width - 60) }, s.color, TEXT_ON_COLOR);
            break;
        }
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
      shapes = [];
      axisViews = [];
    },
    updateAllViews() {
      const map = pixels();
      const s = series;
      if (map === null || s === null) {
        shapes = [];
        axisViews = [];
        return;
      }
      const now = scene();
      selected = now.selected;
      const next: DrawingShape[] = [];
      const axis: ISeriesPrimitiveAxisView[] = [];
      const format = s.priceFormatter();
      for (const d of now.drawings) {
        const shape = shapeOf(d, map);
        if (shape === null) continue;
        next.push(shape);
        if (shape.kind === 'hline' && d.kind === 'hline') {
          const text = format.format(d.price);
          axis.push({ coordinate: () => shape.y, text: () => text, textColor: () => TEXT_ON_COLOR, backColor: () => shape.color });
        }
      }
      shapes = next;
      axisViews = axis;
    },
    paneViews: () => views,
    priceAxisViews: () => axisViews,
    hitTest(x: number, y: number): PrimitiveHoveredItem | null {
      const hit = drawingAt(shapes, { x, y });
      return hit === null ? null : { externalId: hit.id, cursorStyle: cursorOf(hit), zOrder: 'top' };
    },
    shapes: () => shapes,
    refresh: () => request?.(),
  };
}
