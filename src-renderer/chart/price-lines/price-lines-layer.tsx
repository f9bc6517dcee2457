import { useEffect, useMemo, useRef } from 'react';
import { createLinesPrimitive, type PaneLine } from '../interaction/lines-primitive';
import { roundPrice } from '../interaction/round-price';
import type { PaneLayerProps } from '../pane-handle';
import { chartPriceLines, type ChartPriceLine } from '../price-line-layer';
import { useSeriesItems } from '../use-series-items';

/** A dropped line keeps its new price this long at most, waiting for its producer's next `set`. */
export const DROP_HOLD_MS = 5_000;

interface Held {
  readonly price: number;
  /** The producer's line when it was dropped: a new one (any set) ends the hold. */
  readonly was: ChartPriceLine;
}

const toPaneLine = (line: ChartPriceLine, price: number): PaneLine => ({
  id: line.id,
  price,
  color: line.color,
  title: line.title ?? '',
  style: line.style ?? 'solid',
  width: line.width ?? 1,
  draggable: line.onDrag !== undefined,
});

/**
 * Draws the price lines of chartPriceLines for the pane's series, and lets
 * the draggable ones be dragged: the line follows the mouse, and on release
 * its producer's onDrag gets the new price.
 */
export function PriceLinesLayer({ pane, view }: PaneLayerProps): null {
  const lines = useSeriesItems(chartPriceLines, view.dataSource, view.target?.symbol ?? null);
  const state = useRef({ lines, precision: view.precision, dragging: null as { readonly id: string; readonly price: number } | null, held: new Map<string, Held>() });
  const primitive = useMemo(
    () =>
      createLinesPrimitive(() => {
        const { lines: current, dragging, held } = state.current;
        return current.map((line) => toPaneLine(line, dragging?.id === line.id ? dragging.price : (held.get(line.id)?.price ?? line.price)));
      }),
    [],
  );

  useEffect(() => {
    pane.candles.attachPrimitive(primitive);
    const remove = pane.pointer.add(
      {
        press(p) {
          const hit = primitive.lineAt(p.y);
          const line = hit === null ? undefined : state.current.lines.find((l) => l.id === hit.id && l.onDrag !== undefined);
          if (line === undefined) return null;
          return {
            move(to) {
              const price = pane.candles.coordinateToPrice(to.y);
              if (price === null) return;
              state.current.dragging = { id: line.id, price };
              primitive.refresh();
            },
            end(_to, moved) {
              const dropped = state.current.dragging;
              state.current.dragging = null;
              if (!moved || dropped === null) return;
              const price = roundPrice(dropped.price, state.current.precision);
              state.current.held.set(line.id, { price, was: line });
              setTimeout(() => {
                if (state.current.held.get(line.id)?.was === line) state.current.held.delete(line.id);
                primitive.refresh();
              }, DROP_HOLD_MS);
              primitive.refresh();
              line.onDrag?.(price);
            },
          };
        },
      },
      10,
    );
    return () => {
      remove();
      pane.candles.detachPrimitive(primitive);
    };
  }, [pane, primitive]);

  useEffect(() => {
    const s = state.current;
    s.lines = lines;
    s.precision = view.precision;
    for (const [id, held] of s.held) if (!lines.includes(held.was)) s.held.delete(id);
    primitive.refresh();
  }, [lines, view.precision, primitive]);

  return null;
}
