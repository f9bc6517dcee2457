import { useEffect, useMemo } from 'react';
import { useStore } from 'zustand';
import { indicatorLabel, isSubPaneIndicator, type ChartIndicator } from '../../../shared/chart/chart-indicator-settings';
import { sessionDateOf } from '../../../shared/market/session-date';
import { useAppStores } from '../../app/app-context';
import type { PaneLayerProps } from '../pane-handle';
import { windowFrameSlots } from '../frame-slots';
import { LIVE_DRAW_GAP_MS } from '../series-sink';
import { IndicatorRun } from './indicator-run';
import { indicatorDrawDelay } from './live-pacing';
import { createIndicatorPlots, INDICATOR_COLORS, setPlot, updatePlot, type IndicatorPlot } from './indicator-plots';

const NONE: readonly ChartIndicator[] = [];
/** The price pane's share of the height against each indicator pane's 1. */
const PRICE_PANE_STRETCH = 3;
/** How often at most the indicators follow the forming bar (the candles follow every tick). */
const LIVE_REDRAW_MS = 1000;
/** The same while the forming bar is scrolled out of view (each redraw rebuilds every point of every indicator series). */
const OFF_VIEW_REDRAW_MS = 5000;

interface Drawn {
  readonly indicator: ChartIndicator;
  readonly run: IndicatorRun;
  readonly plots: readonly IndicatorPlot[];
}

/**
 * The pane's indicators (chartLayout.panes[i].indicators): overlays on the
 * candles, RSI, MACD and ATR each in a chart pane below. Computed over the
 * bars drawn when they change whole, and incrementally as the last bar forms
 * (indicator-run.ts), at most every LIVE_REDRAW_MS; rebuilt when the list or
 * its parameters change.
 */
export function IndicatorsLayer({ pane, view }: PaneLayerProps): null {
  const stores = useAppStores();
  const stored = useStore(stores.chartLayout, (s) => s.value?.panes[pane.index]?.indicators ?? NONE);
  const key = JSON.stringify(stored);
  // The same list again (a settings echo) is not a change: keyed by its contents.
  const indicators = useMemo(() => stored, [key]);
  const { market } = view;

  useEffect(() => {
    if (indicators.length === 0) return undefined;
    const { chart } = pane;
    const sessionKeyOf = (t: number): number => (market === null ? 0 : sessionDateOf(market, t));
    let subPane = 0;
    const drawn: Drawn[] = indicators.map((indicator, i) => {
      const paneIndex = isSubPaneIndicator(indicator.kind) ? ++subPane : 0;
      const color = INDICATOR_COLORS[i % INDICATOR_COLORS.length] ?? '#f0b429';
      return { indicator, run: new IndicatorRun(indicator, sessionKeyOf), plots: createIndicatorPlots(chart, indicator, color, paneIndex) };
    });
    chart.panes().forEach((p, i) => {
      p.setStretchFactor(i === 0 ? PRICE_PANE_STRETCH : 1);
    });

    const redraw = (): void => {
      const bars = pane.bars();
      for (const d of drawn) {
        d.run.reset(bars);
        for (const plot of d.plots) setPlot(plot, d.run.values(plot.output), bars);
      }
    };
    redraw();
    // Live ticks are drawn at most every LIVE_REDRAW_MS: lightweight-charts rebuilds every point of
    // each series it updates at the next paint, and a pane has up to 8 indicators of several series
    // each. When due they are drawn with the candles' update, in its task, so both share one paint.
    let pending: ReturnType<typeof setTimeout> | null = null;
    let withdraw: (() => void) | null = null;
    let lastFlush = Number.NEGATIVE_INFINITY;
    const cancel = (): void => {
      if (pending !== null) clearTimeout(pending);
      pending = null;
      withdraw?.();
      withdraw = null;
    };
    const flush = (): void => {
      cancel();
      lastFlush = performance.now();
      const bars = pane.bars();
      for (const d of drawn) {
        const from = d.run.update(bars);
        for (const plot of d.plots) {
          if (from === 0) setPlot(plot, d.run.values(plot.output), bars);
          else updatePlot(plot, d.run.values(plot.output), bars, from);
        }
      }
    };
    const stop = pane.onDraw((kind) => {
      if (kind !== 'update') {
        cancel();
        lastFlush = performance.now();
        redraw();
        return;
      }
      // Scrolled back, the forming bar's values are out of view (only the axis labels move): less often.
      const range = chart.timeScale().getVisibleLogicalRange();
      const every = range !== null && range.to >= pane.bars().length - 1 ? LIVE_REDRAW_MS : OFF_VIEW_REDRAW_MS;
      const wait = indicatorDrawDelay(performance.now(), lastFlush, every, LIVE_DRAW_GAP_MS);
      if (wait === null) flush();
      // Late, on a turn of its own: its paint takes a frame of its own, as the candles' live draws do (FrameSlots).
      else
        pending ??= setTimeout(() => {
          pending = null;
          withdraw ??= windowFrameSlots.slot(flush);
        }, wait);
    });
    pane.probes.set('indicators', () =>
      drawn.map((d) => ({ label: indicatorLabel(d.indicator), pane: d.plots[0]?.series.getPane().paneIndex() ?? 0, points: d.plots.map((p) => p.series.data().length), last: d.plots.map((p) => d.run.values(p.output).at(-1) ?? null) })),
    );

    return () => {
      cancel();
      stop();
      pane.probes.delete('indicators');
      for (const d of drawn) for (const plot of d.plots) chart.removeSeries(plot.series);
      while (chart.panes().length > 1) chart.removePane(chart.panes().length - 1);
      chart.panes()[0]?.setStretchFactor(1);
    };
  }, [pane, indicators, market]);

  return null;
}
