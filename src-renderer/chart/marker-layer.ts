import type { Interval } from '../../shared/domain/interval';
import { createSeriesKeyedStore, type SeriesKeyedStore } from './series-keyed-store';

/**
 * THE MARKER LAYER — how any feature puts markers on the charts.
 *
 *   import { chartMarkers, type ChartMarker } from './marker-layer';
 *   chartMarkers.getState().set('paper-fills', 'sim', 'SPY', markers);   // replace this producer's markers for SPY
 *   chartMarkers.getState().set('paper-fills', 'sim', 'SPY', []);        // remove them
 *   chartMarkers.getState().clear('paper-fills');                        // remove them from every symbol
 *
 * - A producer (a string of your own: 'backtest', 'strategy-signals:0',
 *   'paper-fills', 'journal') owns its list per series (source + symbol);
 *   `set` replaces that list whole, and never touches another producer's.
 * - Every pane showing the symbol draws the markers (any interval: a marker
 *   sits on the bar containing its time; before the first bar drawn or after
 *   the last it is not drawn), also during a replay of that series.
 * - Times are epoch ms. `position` 'aboveBar' | 'belowBar' | 'inBar' places
 *   it by the bar; 'atPriceTop' | 'atPriceBottom' | 'atPriceMiddle' with
 *   `price` puts it exactly at a price (a fill at its fill price: an arrowUp
 *   with atPriceTop points up at the price from below).
 * - `interval`: only panes of that interval draw it (a strategy's signals on
 *   the bars it was run on). Leave it out to draw on every interval.
 * - Markers are on the chart canvas, so screenshots (chart.screenshot) show them.
 */
export interface ChartMarker {
  /** Epoch ms; the marker sits on the bar containing it. */
  readonly time: number;
  readonly position: 'aboveBar' | 'belowBar' | 'inBar' | 'atPriceTop' | 'atPriceBottom' | 'atPriceMiddle';
  /** Required for the atPrice* positions. */
  readonly price?: number;
  readonly shape: 'circle' | 'square' | 'arrowUp' | 'arrowDown';
  /** A CSS colour. */
  readonly color: string;
  readonly text?: string;
  /** Relative size (1 = default). */
  readonly size?: number;
  /** Your id for the marker (chart click events report it). */
  readonly id?: string;
  /** Only panes of this interval draw it. */
  readonly interval?: Interval;
}

/** The chart markers of every series, by producer (see above). One store per renderer. */
export const chartMarkers: SeriesKeyedStore<ChartMarker> = createSeriesKeyedStore<ChartMarker>();
