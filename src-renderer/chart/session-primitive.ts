import type { IPrimitivePaneRenderer, IPrimitivePaneView, ISeriesPrimitive, Logical } from 'lightweight-charts';
import { SESSION_COLORS } from './chart-theme';
import type { PaneHandle } from './pane-handle';
import { sessionMarks, type SessionContext } from './session-marks';

type DrawTarget = Parameters<IPrimitivePaneRenderer['draw']>[0];

interface Geometry {
  /** x (media pixels) of each session separator. */
  readonly lines: readonly number[];
  /** [left, right] x of each extended-hours run. */
  readonly spans: readonly (readonly [number, number])[];
}

const EMPTY: Geometry = { lines: [], spans: [] };

function renderer(geometry: Geometry): IPrimitivePaneRenderer {
  return {
    draw(target: DrawTarget) {
      if (geometry.lines.length === 0) return;
      target.useBitmapCoordinateSpace(({ context, horizontalPixelRatio, bitmapSize }) => {
        context.fillStyle = SESSION_COLORS.line;
        const width = Math.max(1, Math.floor(horizontalPixelRatio));
        for (const x of geometry.lines) context.fillRect(Math.round(x * horizontalPixelRatio), 0, width, bitmapSize.height);
      });
    },
    drawBackground(target: DrawTarget) {
      if (geometry.spans.length === 0) return;
      target.useBitmapCoordinateSpace(({ context, horizontalPixelRatio, bitmapSize }) => {
        context.fillStyle = SESSION_COLORS.extended;
        for (const [left, right] of geometry.spans) {
          const x = Math.round(left * horizontalPixelRatio);
          context.fillRect(x, 0, Math.max(1, Math.round(right * horizontalPixelRatio) - x), bitmapSize.height);
        }
      });
    },
  };
}

/**
 * A series primitive drawing a faint vertical line where each session (day)
 * begins and shading behind pre/post-market bars. It reads only the bars in
 * view, each time the chart asks for fresh views.
 */
export function createSessionPrimitive(pane: PaneHandle, context: () => SessionContext | null): ISeriesPrimitive {
  let geometry = EMPTY;
  const view: IPrimitivePaneView = {
    zOrder: () => 'bottom',
    renderer: () => renderer(geometry),
  };
  return {
    attached() {
      geometry = EMPTY;
    },
    detached() {
      geometry = EMPTY;
    },
    updateAllViews() {
      const c = context();
      const timeScale = pane.chart.timeScale();
      const range = timeScale.getVisibleLogicalRange();
      if (c === null || range === null) {
        geometry = EMPTY;
        return;
      }
      const marks = sessionMarks(pane.bars(), range.from, range.to, c);
      const x = (i: number): number | null => timeScale.logicalToCoordinate(i as Logical);
      const half = ((x(1) ?? 0) - (x(0) ?? 0)) / 2;
      const lines: number[] = [];
      for (const i of marks.starts) {
        const at = x(i);
        if (at !== null) lines.push(at - half);
      }
      const spans: [number, number][] = [];
      for (const [a, b] of marks.extended) {
        const left = x(a);
        const right = x(b);
        if (left !== null && right !== null) spans.push([left - half, right + half]);
      }
      geometry = { lines, spans };
    },
    paneViews: () => [view],
  };
}
