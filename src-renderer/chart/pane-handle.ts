import type { IChartApi, ISeriesApi } from 'lightweight-charts';
import type { Bar } from '../../shared/domain/bar';
import type { Interval } from '../../shared/domain/interval';
import type { SourceId } from '../../shared/domain/source';
import type { MarketKind } from '../../shared/market/market-kind';
import type { BarList } from '../bars/bar-book';
import type { ChartZone } from '../format/chart-zone';
import type { ChartTarget } from './chart-target';
import type { PanePointer } from './interaction/pane-pointer';
import type { DrawKind } from './series-sink';

/**
 * One pane's live chart objects, for the layers drawn over it (sessions,
 * indicators, levels, markers, price lines, drawings, replay, screenshots).
 * Valid while the pane is mounted; the chart and its two series outlive
 * symbol and interval switches, the bars do not.
 */
export interface PaneHandle {
  /** 0..3, the pane's place in the layout. */
  readonly index: number;
  readonly chart: IChartApi;
  readonly candles: ISeriesApi<'Candlestick'>;
  readonly volume: ISeriesApi<'Histogram'>;
  /** The host element of the chart (for overlays a layer positions itself). */
  readonly host: HTMLElement;
  /** Mouse presses on the price pane, for draggable lines, drawings and tools. */
  readonly pointer: PanePointer;
  /** What each layer lets the e2e tests read of what it drew (`?e2e` pages), by layer id. */
  readonly probes: Map<string, () => unknown>;
  /**
   * The bars drawn, ascending; `bars()[i]` is at the chart's logical index i
   * (a window of the bars held, ending at the newest unless scrolled back far).
   */
  bars(): BarList;
  /** Draws the live ticks waiting now (a screenshot shows every tick received). */
  flushLive(): void;
  /** What the pane shows now (the latest view its layers were given). */
  view(): PaneView;
  /** Called after every draw: a snapshot or rebuild, in-place updates, or the window of bars drawn moved or grew. */
  onDraw(listener: (kind: DrawKind) => void): () => void;
  /** Scrolls by `bars` (negative: back in time). */
  scrollBy(bars: number): void;
  /** Shows the crosshair on the bar containing `time` (ms), or hides it (null); for crosshair sync. */
  showCrosshairAt(time: number | null): void;
  /** Draws `bars` as a snapshot is drawn (the window of the newest, the view at the latest); for the e2e hook and the bench. */
  drawSnapshot(bars: readonly Bar[]): void;
  /** Draws `bars` as live updates are drawn (in place at the newest bar, or after it); for the bench's load. */
  drawUpdate(bars: readonly Bar[]): void;
}

/** What a pane shows, as the layers read it; changes with the pane's selection. */
export interface PaneView {
  /** The series, or null when the pane has nothing to show. */
  readonly target: ChartTarget | null;
  /** The source the bars are of: the target's, or during a replay the source being replayed (what drawings and markers are keyed by). */
  readonly dataSource: SourceId | null;
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

export const EMPTY_VIEW: PaneView = { target: null, dataSource: null, market: null, interval: null, zone: 'UTC', precision: 2 };
