import type { PaneRegistry } from '../chart/pane-registry';
import { chartMarkers } from '../chart/marker-layer';
import { chartPriceLines } from '../chart/price-line-layer';
import { seriesKey } from '../chart/series-keyed-store';

/** What the e2e tests reach of trading on the charts (window.__tapedeckTrading, only with `?e2e`). */
export interface TradingE2eHook {
  /** The price lines every producer set for a series: id, price, title, draggable. */
  lines(source: string, symbol: string): { id: string; price: number; title: string; draggable: boolean }[];
  /** The markers every producer set for a series. */
  markers(source: string, symbol: string): { id: string; time: number; price: number | null; position: string; shape: string; text: string }[];
  /** Page coordinates of `price` in pane `index` (x in the middle of its plot), or null when it is off the scale. */
  pricePoint(index: number, price: number): { x: number; y: number } | null;
}

export const TRADING_E2E_GLOBAL = '__tapedeckTrading';

export function installTradingE2eHook(win: Window, panes: PaneRegistry): void {
  const hook: TradingE2eHook = {
    lines: (source, symbol) =>
      Object.values(chartPriceLines.getState().bySeries[seriesKey(source, symbol)] ?? {})
        .flat()
        .map((l) => ({ id: l.id, price: l.price, title: l.title ?? '', draggable: l.onDrag !== undefined })),
    markers: (source, symbol) =>
      Object.values(chartMarkers.getState().bySeries[seriesKey(source, symbol)] ?? {})
        .flat()
        .map((m) => ({ id: m.id ?? '', time: m.time, price: m.price ?? null, position: m.position, shape: m.shape, text: m.text ?? '' })),
    pricePoint(index, price) {
      const pane = panes.get(index);
      if (pane === undefined) return null;
      const y = pane.candles.priceToCoordinate(price);
      if (y === null) return null;
      const box = pane.chart.chartElement().getBoundingClientRect();
      return { x: box.left + pane.chart.timeScale().width() / 2, y: box.top + y };
    },
  };
  (win as unknown as Record<string, unknown>)[TRADING_E2E_GLOBAL] = hook;
}
