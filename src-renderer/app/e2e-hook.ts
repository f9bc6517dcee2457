import type { MethodName, ParamsIn, Result } from '../../shared/contract';
import type { TapedeckClient } from '../api/tapedeck-client';
import type { TracePoint } from '../chart/bar-stream';
import type { PaneRegistry } from '../chart/pane-registry';
import type { Bar } from '../../shared/domain/bar';
import { fromChartTime } from '../chart/series-data';

/** `?e2e` in the page's address: the tests' hook is installed and streams leave performance marks. */
export function isE2ePage(location: Pick<Location, 'search'>): boolean {
  return new URLSearchParams(location.search).has('e2e');
}

/** One bar as a pane's series holds it (what is drawn), times in ms. */
export interface DrawnBar {
  readonly time: number;
  readonly open: number;
  readonly high: number;
  readonly low: number;
  readonly close: number;
  readonly volume: number | null;
}

/** What the e2e tests and the bench reach in the page (window.__tapedeck), only with `?e2e`. */
export interface E2eHook {
  /** The bars pane `index` has drawn, read back from its candlestick and volume series; null without the pane. */
  paneBars(index: number): DrawnBar[] | null;
  /** Moves pane `index`'s view so its first bar is at the left edge (which asks for older bars). */
  scrollToStart(index: number): boolean;
  /** Moves pane `index`'s view to its last drawn bar (the live edge once no bars are set aside). */
  scrollToEnd(index: number): boolean;
  /**
   * Draws `bars` into pane `index` as a snapshot is drawn (the series sink's
   * replace: the newest window converted and set, its layers told, the
   * latest shown); resolves at the next animation frame with the ms spent in
   * the draw and until that frame.
   */
  drawBars(index: number, bars: readonly Bar[]): Promise<{ readonly drawMs: number; readonly paintMs: number } | null>;
  /** A contract call through the page's own client. */
  call<M extends MethodName>(method: M, params: ParamsIn<M>): Promise<Result<M>>;
  /** What layer `layer` of pane `index` drew (its probe: indicators, levels, markers, drawings), or null. */
  paneProbe(index: number, layer: string): unknown;
  /**
   * A live tick on pane `index`'s newest bar: drawn through the update path
   * (series, indicators and the other layers) with its close moved within
   * its range; the bench's load. False without a pane or bars.
   */
  tick(index: number): boolean;
}

export const E2E_GLOBAL = '__tapedeck';

/** A performance mark per stream event, and one at the next animation frame after a draw: `tapedeck:<point>:<pane>`. */
export function paneTracer(index: number): (point: TracePoint) => void {
  return (point) => {
    performance.mark(`tapedeck:${point}:${String(index)}`);
    if (point.endsWith('-drawn')) {
      requestAnimationFrame(() => {
        performance.mark(`tapedeck:${point.replace('-drawn', '-painted')}:${String(index)}`);
      });
    }
  };
}

export function installE2eHook(win: Window, client: TapedeckClient, panes: PaneRegistry): void {
  const hook: E2eHook = {
    paneBars(index) {
      const pane = panes.get(index);
      if (pane === undefined) return null;
      const volumes = pane.volume.data();
      return pane.candles.data().map((c, i) => {
        const v = volumes[i];
        return {
          time: typeof c.time === 'number' ? fromChartTime(c.time) : Number.NaN,
          open: 'open' in c ? c.open : Number.NaN,
          high: 'high' in c ? c.high : Number.NaN,
          low: 'low' in c ? c.low : Number.NaN,
          close: 'close' in c ? c.close : Number.NaN,
          volume: v !== undefined && 'value' in v && v.time === c.time ? v.value : null,
        };
      });
    },
    scrollToStart(index) {
      const pane = panes.get(index);
      if (pane === undefined) return false;
      const timeScale = pane.chart.timeScale();
      const range = timeScale.getVisibleLogicalRange();
      const width = range === null ? 100 : range.to - range.from;
      timeScale.setVisibleLogicalRange({ from: 0, to: width });
      return true;
    },
    scrollToEnd(index) {
      const pane = panes.get(index);
      if (pane === undefined) return false;
      pane.chart.timeScale().scrollToRealTime();
      return true;
    },
    drawBars(index, bars) {
      const pane = panes.get(index);
      if (pane === undefined) return Promise.resolve(null);
      const start = performance.now();
      pane.drawSnapshot(bars);
      const drawMs = performance.now() - start;
      return new Promise((resolve) => {
        requestAnimationFrame(() => {
          resolve({ drawMs, paintMs: performance.now() - start });
        });
      });
    },
    call: (method, params) => client.call(method, params),
    paneProbe: (index, layer) => panes.get(index)?.probes.get(layer)?.() ?? null,
    tick(index) {
      const pane = panes.get(index);
      const last = pane?.bars().at(-1);
      if (pane === undefined || last === undefined) return false;
      const close = last.low + Math.random() * (last.high - last.low);
      pane.drawUpdate([{ ...last, close, volume: last.volume + 1 }]);
      return true;
    },
  };
  (win as unknown as Record<string, unknown>)[E2E_GLOBAL] = hook;
}
