import { drawingInputSchema, type DrawingInput, type DrawingSeries } from '../../../shared/chart/drawing';
import type { DrawingTool } from '../pane-tools-store';

/** A point of the chart in market terms: a bar's open time and a price. */
export interface ChartSpot {
  readonly time: number;
  readonly price: number;
}

export interface NewDrawing {
  readonly id: string;
  readonly series: DrawingSeries;
  readonly color: string;
}

/**
 * The drawing a tool makes from a press at `a` dragged to `b` (the same
 * spot for a click): a horizontal line at b's price, a vertical line at b's
 * bar, or a rectangle over the bars from a to b (both included) and the
 * prices between them. Null when it would not be a valid drawing (a price
 * at or below zero).
 */
export function drawingFromTool(tool: DrawingTool, made: NewDrawing, a: ChartSpot, b: ChartSpot, intervalMs: number): DrawingInput | null {
  const base = { id: made.id, source: made.series.source, symbol: made.series.symbol, color: made.color, label: '' };
  switch (tool) {
    case 'hline':
      return valid({ ...base, kind: 'hline', price: b.price });
    case 'vline':
      return valid({ ...base, kind: 'vline', time: b.time });
    case 'rect':
      return valid({
        ...base,
        kind: 'rect',
        from: Math.min(a.time, b.time),
        to: Math.max(a.time, b.time) + intervalMs,
        top: Math.max(a.price, b.price),
        bottom: Math.min(a.price, b.price),
      });
  }
}

/**
 * `d` moved by a drag: a horizontal line to the pointer's price, a vertical
 * line to the pointer's bar, a rectangle by the bars and the price the
 * pointer moved (`bars` × `intervalMs`, `dPrice`). Null when the result is
 * not a valid drawing (dragged through zero).
 */
export function movedDrawing(d: DrawingInput, to: ChartSpot, bars: number, dPrice: number, intervalMs: number, round: (price: number) => number): DrawingInput | null {
  switch (d.kind) {
    case 'hline':
      return valid({ ...d, price: round(to.price) });
    case 'vline':
      return valid({ ...d, time: to.time });
    case 'rect':
      return valid({ ...d, from: d.from + bars * intervalMs, to: d.to + bars * intervalMs, top: round(d.top + dPrice), bottom: round(d.bottom + dPrice) });
  }
}

function valid(candidate: unknown): DrawingInput | null {
  const parsed = drawingInputSchema.safeParse(candidate);
  return parsed.success ? parsed.data : null;
}
