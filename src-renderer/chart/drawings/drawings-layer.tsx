import { useEffect, useMemo, useRef, useState, type ReactElement } from 'react';
import { useStore } from 'zustand';
import { DEFAULT_DRAWING_COLOR, type DrawingInput } from '../../../shared/chart/drawing';
import { INTERVAL_MS } from '../../../shared/domain/interval';
import { useAppContext } from '../../app/app-context';
import { isTextField } from '../../hotkeys/key-target';
import { xOfLogical } from '../interaction/logical-x';
import type { PanePoint } from '../interaction/pane-pointer';
import { roundPrice } from '../interaction/round-price';
import { logicalOfEdge, logicalOfTime, timeOfLogical } from '../interaction/time-coordinates';
import type { PaneHandle, PaneLayerProps } from '../pane-handle';
import { paneTools } from '../pane-tools-store';
import { createDrawingBook } from './drawing-book';
import { drawingFromTool, movedDrawing, type ChartSpot } from './drawing-edits';
import { DrawingMenu, type MenuAt } from './drawing-menu';
import { drawingAt, type PixelMap } from './drawing-shapes';
import { createDrawingsPrimitive } from './drawings-primitive';

/** Prices and bar times of the pane's pixels, and back; null with no bars drawn. */
function paneGeometry(pane: PaneHandle): { readonly pixels: PixelMap; readonly spot: (p: PanePoint) => ChartSpot | null; readonly logical: (x: number) => number | null; readonly intervalMs: number } | null {
  const bars = pane.bars();
  const interval = pane.view().interval;
  if (interval === null || bars.length === 0) return null;
  const intervalMs = INTERVAL_MS[interval];
  const timeScale = pane.chart.timeScale();
  const x = (l: number | null): number | null => (l === null ? null : xOfLogical(timeScale, l));
  const logical = (px: number): number | null => timeScale.coordinateToLogical(px);
  const precision = pane.view().precision;
  return {
    intervalMs,
    logical,
    pixels: {
      y: (price) => pane.candles.priceToCoordinate(price),
      xCentre: (t) => x(logicalOfTime(bars, intervalMs, t)),
      xEdge: (t) => x(logicalOfEdge(bars, intervalMs, t)),
    },
    spot: (p) => {
      const l = logical(p.x);
      const price = pane.candles.coordinateToPrice(p.y);
      const time = l === null ? null : timeOfLogical(bars, intervalMs, l);
      return time === null || price === null ? null : { time, price: roundPrice(price, precision) };
    },
  };
}

/**
 * The user's drawings of the pane's series (stored per source and symbol,
 * shown on every pane of it): placed with the armed tool (a click for a
 * line, a drag for a rectangle), selected by a click, dragged to move,
 * deleted with Delete/Backspace or the right-click menu. Edits go to the
 * core (drawings.upsert/delete) and come back to every pane through
 * drawings.updates.
 */
export function DrawingsLayer({ pane, view }: PaneLayerProps): ReactElement | null {
  const { client } = useAppContext();
  const { dataSource } = view;
  const symbol = view.target?.symbol ?? null;
  const book = useMemo(() => (dataSource === null || symbol === null ? null : createDrawingBook(client, { source: dataSource, symbol })), [client, dataSource, symbol]);
  const tool = useStore(paneTools, (s) => s.tools[pane.index] ?? null);
  const [menu, setMenu] = useState<MenuAt | null>(null);
  const live = useRef({ tool, editing: null as DrawingInput | null, selected: null as string | null });
  live.current.tool = tool;

  useEffect(() => {
    if (book === null) return undefined;
    const stop = book.getState().start();
    const scene = () => {
      const { editing, selected } = live.current;
      const stored = book.getState().drawings;
      return { drawings: editing === null ? stored : [...stored.filter((d) => d.id !== editing.id), editing], selected };
    };
    const primitive = createDrawingsPrimitive(scene, () => paneGeometry(pane)?.pixels ?? null);
    pane.candles.attachPrimitive(primitive);
    const unsubscribe = book.subscribe(() => {
      primitive.refresh();
    });
    const select = (id: string | null): void => {
      live.current.selected = id;
      primitive.refresh();
    };
    const series = { source: dataSource, symbol };

    const removeTarget = pane.pointer.add(
      {
        press(p) {
          const g = paneGeometry(pane);
          if (g === null) return null;
          const armed = live.current.tool;
          const at = g.spot(p);
          if (armed !== null && at !== null && symbol !== null && dataSource !== null) {
            const made = { id: crypto.randomUUID(), series: { source: dataSource, symbol }, color: DEFAULT_DRAWING_COLOR };
            const place = (to: ChartSpot): void => {
              live.current.editing = drawingFromTool(armed, made, at, to, g.intervalMs);
              primitive.refresh();
            };
            place(at);
            return {
              move(to) {
                const spot = g.spot(to);
                if (spot !== null) place(spot);
              },
              end() {
                const drawn = live.current.editing;
                live.current.editing = null;
                paneTools.getState().arm(pane.index, null);
                if (drawn !== null && (drawn.kind !== 'rect' || drawn.top > drawn.bottom)) {
                  book.getState().upsert(drawn);
                  select(drawn.id);
                } else primitive.refresh();
              },
            };
          }
          const hit = drawingAt(primitive.shapes(), p);
          const original = hit === null ? undefined : book.getState().drawings.find((d) => d.id === hit.id);
          if (original === undefined || at === null) {
            if (live.current.selected !== null) select(null);
            return null;
          }
          select(original.id);
          const startLogical = g.logical(p.x) ?? 0;
          return {
            move(to) {
              const spot = g.spot(to);
              if (spot === null) return;
              const bars = Math.round((g.logical(to.x) ?? startLogical) - startLogical);
              live.current.editing = movedDrawing(original, spot, bars, spot.price - at.price, g.intervalMs, (x) => roundPrice(x, pane.view().precision)) ?? live.current.editing;
              primitive.refresh();
            },
            end(_to, moved) {
              const edited = live.current.editing;
              live.current.editing = null;
              if (moved && edited !== null) book.getState().upsert(edited);
              primitive.refresh();
            },
          };
        },
        context(p) {
          const hit = drawingAt(primitive.shapes(), p);
          if (hit === null) return false;
          select(hit.id);
          setMenu({ id: hit.id, x: p.x, y: p.y });
          return true;
        },
      },
      20,
    );

    const onKey = (event: KeyboardEvent): void => {
      const { selected } = live.current;
      if (selected === null || isTextField(event.target) || event.defaultPrevented) return;
      if (event.key === 'Delete' || event.key === 'Backspace') {
        event.preventDefault();
        book.getState().remove(selected);
        select(null);
      } else if (event.key === 'Escape') {
        // Taken before the workstation's keys (capture), so Esc deselects and cancels nothing else.
        event.preventDefault();
        select(null);
      }
    };
    window.addEventListener('keydown', onKey, true);
    pane.probes.set('drawings', () => ({ series, selected: live.current.selected, drawings: book.getState().drawings, shapes: primitive.shapes() }));

    return () => {
      window.removeEventListener('keydown', onKey, true);
      pane.probes.delete('drawings');
      removeTarget();
      unsubscribe();
      pane.candles.detachPrimitive(primitive);
      stop();
    };
  }, [book, pane, dataSource, symbol]);

  useEffect(() => {
    pane.host.style.cursor = tool === null ? '' : 'crosshair';
  }, [pane, tool]);

  if (menu === null || book === null) return null;
  return (
    <DrawingMenu
      at={menu}
      onDelete={() => {
        book.getState().remove(menu.id);
        live.current.selected = null;
        setMenu(null);
      }}
      onClose={() => {
        setMenu(null);
      }}
    />
  );
}
