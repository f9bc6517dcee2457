import { useEffect, useLayoutEffect, useMemo, useRef, type RefObject } from 'react';
import { isE2ePage, paneTracer } from '../app/e2e-hook';
import { useAppContext } from '../app/app-context';
import { startBarStream, type BarStream } from './bar-stream';
import type { ChartStore } from './chart-store';
import { IDLE_SUMMARY } from './chart-summary';
import type { ChartTarget } from './chart-target';
import { EMPTY_VIEW, type PaneView } from './pane-handle';
import { writePaneDataset } from './pane-dataset';
import type { PaneChart, PaneChartEvents } from './use-pane-chart';
/** Streams leave performance marks only in a page opened for the e2e tests or the bench. */
const TRACING = typeof window !== 'undefined' && isE2ePage(window.location);

/** Older bars are asked for once the left edge of the view is this close to the first bar. */
export const LOAD_OLDER_WITHIN = 10;

export interface PaneStreamRefs {
  readonly events: RefObject<PaneChartEvents | null>;
  /** The pane's latest view, as its handle reports it to layers. */
  readonly view: RefObject<PaneView>;
}

/** The refs the pane's chart sends its events through and reads its view from (created before the chart). */
export function usePaneStreamRefs(): PaneStreamRefs {
  const events = useRef<PaneChartEvents | null>(null);
  const view = useRef<PaneView>(EMPTY_VIEW);
  return useMemo(() => ({ events, view }), []);
}

export interface PaneStreamOptions {
  readonly index: number;
  readonly parts: PaneChart | null;
  readonly target: ChartTarget | null;
  readonly summary: ChartStore;
  readonly section: RefObject<HTMLElement | null>;
  readonly refs: PaneStreamRefs;
  readonly syncCrosshair: boolean;
}

/**
 * Pane `index`'s `bars.updates` stream: re-subscribed (old stream first)
 * whenever the source, symbol or interval changes; its summary goes to the
 * pane's store and data attributes; the crosshair hovers bars (and moves the
 * other panes' crosshairs when synced); scrolling near the first bar drawn
 * draws more of the bars held, and near the first bar held loads the page
 * before it from the core.
 */
export function usePaneStream({ index, parts, target, summary, section, refs, syncCrosshair }: PaneStreamOptions): void {
  const { client, stores } = useAppContext();
  const stream = useRef<BarStream | null>(null);
  const extending = useRef(false);

  useLayoutEffect(() => {
    // The chart these events are for; a frame callback after it went away does nothing.
    let current = true;
    refs.events.current = {
      crosshair: (time, byUser) => {
        stream.current?.hover(time);
        if (byUser && syncCrosshair) stores.panes.syncCrosshair(index, time);
      },
      visibleFrom: (from) => {
        if (from >= LOAD_OLDER_WITHIN || parts === null || extending.current) return;
        // Not inside the chart's own range callback: the sink moves the view as it draws, and lightweight-charts
        // applies a view set from code at its next paint (a redraw passes through other ranges on its way). Where
        // the view is once that paint is done decides.
        extending.current = true;
        requestAnimationFrame(() =>
          requestAnimationFrame(() => {
            extending.current = false;
            if (!current) return;
            const now = parts.handle.chart.timeScale().getVisibleLogicalRange();
            if (now === null || now.from >= LOAD_OLDER_WITHIN) return;
            if (!parts.sink.extend()) stream.current?.loadOlder();
          }),
        );
      },
    };
    return () => {
      current = false;
    };
  }, [refs, stores.panes, index, syncCrosshair, parts]);

  const source = target?.source;
  const symbol = target?.symbol;
  const interval = target?.interval;
  useEffect(() => {
    const { publish } = summary.getState();
    if (parts === null || source === undefined || symbol === undefined || interval === undefined) {
      parts?.sink.replace([], false);
      publish(IDLE_SUMMARY);
      if (section.current !== null) writePaneDataset(section.current, null, IDLE_SUMMARY);
      return undefined;
    }
    const series = { source, symbol, interval };
    const started = startBarStream({
      client,
      target: series,
      sink: parts.sink,
      trace: TRACING ? paneTracer(index) : undefined,
      publish: (s) => {
        publish(s);
        if (section.current !== null) writePaneDataset(section.current, series, s);
      },
    });
    stream.current = started;
    return () => {
      stream.current = null;
      started.stop();
    };
  }, [client, parts, summary, section, refs, index, source, symbol, interval]);

  useEffect(() => {
    if (parts === null) return undefined;
    return stores.panes.register(parts.handle);
  }, [parts, stores.panes]);
}
