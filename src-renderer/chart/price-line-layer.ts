import { createSeriesKeyedStore, type SeriesKeyedStore } from './series-keyed-store';

/**
 * THE PRICE-LINE LAYER — how any feature draws horizontal price lines, dragged or not.
 *
 *   import { chartPriceLines, type ChartPriceLine } from './price-line-layer';
 *   chartPriceLines.getState().set('working-orders', 'sim', 'SPY', [
 *     { id: 'tp-42', price: 512.5, color: '#26a69a', title: 'TP 100', style: 'dashed',
 *       onDrag: (price) => replaceOrder('tp-42', price) },
 *     { id: 'avg', price: 509.87, color: '#8b949e', title: 'Avg' },
 *   ]);
 *   chartPriceLines.getState().set('working-orders', 'sim', 'SPY', []);   // remove them
 *
 * - A producer owns its list per series (source + symbol); `set` replaces it
 *   whole. Every pane showing the symbol draws the lines (also in a replay of
 *   that series), with the price on the price scale in the line's colour.
 * - A line with `onDrag` can be dragged (the cursor turns to ↕ over it). While
 *   dragged it follows the mouse; on release `onDrag(price)` is called once with
 *   the new price rounded to the pane's price precision (round it to your tick
 *   yourself). The line stays at the dropped price until your next `set`
 *   (accepted: set the new price; refused: set the old one) or for 5 s.
 * - Lines are on the chart canvas, so screenshots (chart.screenshot) show them.
 */
export interface ChartPriceLine {
  /** Unique within the producer's list for the series. */
  readonly id: string;
  readonly price: number;
  /** A CSS colour. */
  readonly color: string;
  /** Shown beside the price at the right ("TP 100", "Avg"). */
  readonly title?: string;
  readonly style?: 'solid' | 'dashed' | 'dotted';
  /** Line width in CSS pixels (default 1). */
  readonly width?: number;
  /** Makes the line draggable: called on release with the new price. */
  readonly onDrag?: (price: number) => void;
}

/** The price lines of every series, by producer (see above). One store per renderer. */
export const chartPriceLines: SeriesKeyedStore<ChartPriceLine> = createSeriesKeyedStore<ChartPriceLine>();
