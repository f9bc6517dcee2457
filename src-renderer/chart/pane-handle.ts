import type { IChartApi, ISeriesApi } from 'lightweight-charts';
import type { Interval } from '../../shared/domain/interval';
import type { MarketKind } from '../../shared/market/market-kind';
import type { BarList } from '../bars/bar-book';
import type { ChartZone } from '../format/chart-zone';
import type { ChartTarget } from './chart-target';
import type { DrawKind } from './series-sink';

/**
 * One pane's live chart objects, for the layers drawn over it (session
 * separators now; indicators, levels, markers, drawings, replay and
 * screenshots later). Valid while the pane is mounted; the chart and its two
 * series outlive symbol and interval switches, the bars do not.
 */
export interface PaneHandle {
  /** 0..3, the pane's place in the layout. */
  readonly index: number;
  readonly chart: IChartApi;
  readonly candles: ISeriesApi<'Candlestick'>;
  readonly volume: ISeriesApi<'Histogram'>;
  /** The host element of the chart (for overlays a layer positions itself). */
  readonly host: HTMLElement;
  /** The bars drawn, ascending; `bars()[i]` is at the chart's logical index i. */
  bars(): BarList;
  /** Called after every draw: a snapshot or rebuild, in-place updates, or older bars put in front. */
  onDraw(listener: (kind: DrawKind) => void): () => void;
  /** Scrolls by `bars` (negative: back in time). */
  scrollBy(bars: number): void;
  /** Shows the crosshair on the bar containing `time` (ms), or hides it (null); for crosshair sync. */
  showCrosshairAt(time: number | null): void;
}

/** What a pane shows, as the layers read it; changes with the pane's selection. */
export interface PaneView {
  /** The series, or null when the pane has nothing to show. */
  readonly target: ChartTarget | null;
  /** Known once the snapshot came. */
  readonly market: MarketKind | null;
  readonly interval: Interval | null;
  /** The zone the time axis is read in. */
  readonly zone: ChartZone;
  /** Decimal places of the price scale. */
  readonly precision: number;
}

/** A layer: a component mounted inside a pane's body with the pane's handle and view. */
export interface PaneLayerProps {
  readonly pane: PaneHandle;
  readonly view: PaneView;
}
