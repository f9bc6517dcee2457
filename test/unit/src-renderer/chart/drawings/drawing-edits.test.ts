import { describe, expect, it } from 'vitest';
import { drawingInputSchema, type DrawingInput } from '../../../../../shared/chart/drawing';
import { drawingFromTool, movedDrawing } from '../../../../../src-renderer/chart/drawings/drawing-edits';
import { sym } from '../../feed-fixtures';

const M5 = 5 * 60_000;
const made = { id: 'drawing-0001', series: { source: 'sim', symbol: sym('SPY') }, color: '#f0b429' };
const base = { id: 'drawing-0001', source: 'sim', symbol: sym('SPY'), color: '#f0b429', label: '' };
/** A drawing as the contract reads it (branded times and symbol). */
const d = (x: object): DrawingInput => drawingInputSchema.parse(x);
const round2 = (x: number): number => Math.round(x * 100) / 100;

describe('drawingFromTool', () => {
  const a = { time: 10 * M5, price: 101.5 };
  const b = { time: 7 * M5, price: 99.25 };

  it('makes a horizontal line at the release price and a vertical line at the release bar', () => {
    expect(drawingFromTool('hline', made, a, b, M5)).toEqual({ ...base, kind: 'hline', price: 99.25 });
    expect(drawingFromTool('vline', made, a, b, M5)).toEqual({ ...base, kind: 'vline', time: 7 * M5 });
  });

  it('makes a rectangle over both bars (the later one included) and the prices between, whichever way it was dragged', () => {
    const rect = { ...base, kind: 'rect', from: 7 * M5, to: 11 * M5, top: 101.5, bottom: 99.25 };
    expect(drawingFromTool('rect', made, a, b, M5)).toEqual(rect);
    expect(drawingFromTool('rect', made, b, a, M5)).toEqual(rect);
  });

  it('refuses a price at or below zero', () => {
    expect(drawingFromTool('hline', made, a, { time: 0, price: 0 }, M5)).toBeNull();
  });
});

describe('movedDrawing', () => {
  it('moves a line to the pointer and a rectangle by the bars and price dragged', () => {
    const to = { time: 20 * M5, price: 103.456 };
    expect(movedDrawing(d({ ...base, kind: 'hline', price: 100 }), to, 3, 1, M5, round2)).toEqual({ ...base, kind: 'hline', price: 103.46 });
    expect(movedDrawing(d({ ...base, kind: 'vline', time: 4 * M5 }), to, 3, 1, M5, round2)).toEqual({ ...base, kind: 'vline', time: 20 * M5 });
    expect(movedDrawing(d({ ...base, kind: 'rect', from: 2 * M5, to: 6 * M5, top: 105, bottom: 100 }), to, -2, -0.504, M5, round2)).toEqual({
      ...base,
      kind: 'rect',
      from: 0,
      to: 4 * M5,
      top: 104.5,
      bottom: 99.5,
    });
  });

  it('refuses a move through zero', () => {
    expect(movedDrawing(d({ ...base, kind: 'rect', from: 0, to: M5, top: 2, bottom: 1 }), { time: 0, price: 0 }, 0, -1.5, M5, round2)).toBeNull();
  });
});
