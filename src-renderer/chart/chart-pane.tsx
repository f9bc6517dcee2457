import { useEffect, useLayoutEffect, useRef, useState, type ReactElement } from 'react';
import { useStore } from 'zustand';
import { useAppStores } from '../app/app-context';
import { useLayoutActions } from '../layout/use-layout-actions';
import { ChartOverlay } from './chart-overlay';
import { createChartStore } from './chart-store';
import { OhlcLegend } from './ohlc-legend';
import { PaneHeader } from './pane-header';
import { PANE_LAYERS } from './pane-layers';
import { PaneNotices } from './pane-notices';
import { PaneToolbar } from './pane-toolbar';
import { barsInView } from './replay/bars-in-view';
import { applyTimeLabels } from './time-labels';
import { usePaneChart } from './use-pane-chart';
import { usePaneStream, usePaneStreamRefs } from './use-pane-stream';
import { usePaneLook } from './use-pane-view';
import { useResolvedPane } from './use-resolved-pane';

export interface ChartPaneProps {
  /** 0..3: the pane's place in the layout and its settings. */
  readonly index: number;
}

/**
 * One chart pane: its own lightweight-charts chart and `bars.updates`
 * stream for the pane's symbol and interval, with header, crosshair legend,
 * overlay, notices and the layers of PANE_LAYERS. Exposes for tests
 * data-pane, data-symbol, data-interval, data-source, data-status, data-bars,
 * data-first, data-last (ms) and data-active.
 */
export function ChartPane({ index }: ChartPaneProps): ReactElement {
  const stores = useAppStores();
  const actions = useLayoutActions();
  const chart = useResolvedPane(index);
  const active = useStore(stores.chartLayout, (s) => (s.value?.activePane ?? 0) === index);
  const pinned = useStore(stores.chartLayout, (s) => (s.value?.panes[index]?.source ?? null) !== null);
  const showVolume = useStore(stores.chartLayout, (s) => s.value?.panes[index]?.showVolume ?? true);
  const syncCrosshair = useStore(stores.chartLayout, (s) => s.value?.syncCrosshair ?? false);
  const settingsLoaded = useStore(stores.settings, (s) => s.settings !== null);
  const [summary] = useState(createChartStore);
  const status = useStore(summary, (s) => s.status);
  const error = useStore(summary, (s) => s.error);
  const look = usePaneLook(chart, summary);
  const { precision } = look.view;

  const section = useRef<HTMLElement>(null);
  const host = useRef<HTMLDivElement>(null);
  const refs = usePaneStreamRefs();
  useLayoutEffect(() => {
    refs.view.current = look.view;
  }, [refs, look.view]);
  const parts = usePaneChart(index, host, refs.events, refs.view);
  usePaneStream({ index, parts, target: look.view.target, summary, section, refs, syncCrosshair });

  const { minMove, labels } = look;
  useEffect(() => {
    if (parts === null) return;
    parts.handle.candles.applyOptions({ priceFormat: { type: 'price', precision, minMove } });
  }, [parts, precision, minMove]);
  useEffect(() => {
    if (parts !== null && labels !== null) applyTimeLabels(parts.handle.chart, labels);
  }, [parts, labels]);
  useEffect(() => {
    if (parts === null) return;
    parts.handle.volume.applyOptions({ visible: showVolume });
    parts.handle.candles.priceScale().applyOptions({ scaleMargins: { top: 0.08, bottom: showVolume ? 0.24 : 0.06 } });
  }, [parts, showVolume]);

  const series = chart.target === null ? null : `${chart.target.source.toUpperCase()} ${chart.target.symbol} ${chart.target.interval}`;
  const activate = (): void => {
    if (!active) actions.setActivePane(index);
  };

  return (
    <section
      ref={section}
      className={active ? 'chart-pane is-active' : 'chart-pane'}
      aria-label={`Chart ${String(index + 1)}${chart.symbol === null ? '' : `: ${chart.symbol}`}`}
      data-testid="chart-pane"
      data-pane={index}
      data-active={active}
      onPointerDownCapture={activate}
    >
      <PaneHeader
        chart={chart}
        summary={summary}
        simulated={look.simulated}
        fallback={look.fallback}
        precision={precision}
        showVolume={showVolume}
        pinned={pinned}
        onInterval={(interval) => {
          actions.setPaneInterval(index, interval);
        }}
        onSymbol={() => {
          actions.setActivePane(index);
          stores.hotkeys.getState().openSearch('');
        }}
        onVolume={(show) => {
          actions.setVolume(index, show);
        }}
        onBackToLive={() => {
          const replay = stores.chartReplay.getState();
          if (replay.session?.pane === index && parts !== null) void replay.stop(barsInView(parts.handle));
          else actions.showLive(index);
        }}
      />
      <div className="chart-body">
        <div ref={host} className="chart-host" data-testid="chart-host" />
        <OhlcLegend summary={summary} precision={precision} labels={labels} />
        <ChartOverlay status={status} error={error} series={series} noSymbol={settingsLoaded && chart.symbol === null} />
        <PaneNotices summary={summary} target={look.view.target} />
        {parts !== null && PANE_LAYERS.map(({ id, Layer }) => <Layer key={id} pane={parts.handle} view={look.view} />)}
        <PaneToolbar index={index} />
      </div>
    </section>
  );
}
