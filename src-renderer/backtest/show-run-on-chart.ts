import type { BacktestRun, BacktestTrade } from '../../shared/contract';
import { chartMarkers, type ChartMarker } from '../chart/marker-layer';
import { panesShowing } from '../chart/panes-showing';
import type { AppStores } from '../app/app-stores';
import { feedSituation, feedStatuses } from '../feeds/feed-situation';
import { resolveSource } from '../feeds/source-resolution';
import { withPaneSource, withPaneSymbol } from '../layout/layout-edit';
import { BACKTEST_COLORS } from './backtest-chart-theme';
import { formatSigned } from './number-format';

/** The marker layer's producer key for a backtest run's trades (one run on the charts at a time). */
export const BACKTEST_MARKERS = 'backtest';

/**
 * A run's trades as chart markers at their exact prices: each entry an arrow
 * pointing at its fill (up from below for a long, down from above for a
 * short), each exit a circle at its price labelled with the trade's return,
 * coloured by win or loss.
 */
export function tradeChartMarkers(trades: readonly BacktestTrade[]): ChartMarker[] {
  return trades.flatMap((t, i): ChartMarker[] => {
    const color = t.pnl > 0 ? BACKTEST_COLORS.win : BACKTEST_COLORS.loss;
    const long = t.side === 'long';
    return [
      { id: `bt${String(i)}:entry`, time: t.entryTime, position: long ? 'atPriceTop' : 'atPriceBottom', price: t.entryPrice, shape: long ? 'arrowUp' : 'arrowDown', color, text: long ? 'L' : 'S' },
      { id: `bt${String(i)}:exit`, time: t.exitTime, position: 'atPriceMiddle', price: t.exitPrice, shape: 'circle', color, text: `${formatSigned(t.returnPct, 2)}%` },
    ];
  });
}

/**
 * Puts a run's trades on every pane showing its series (through the marker
 * layer, replacing the previous run's); when no pane shows it, the active
 * pane switches to the run's symbol (its source pinned when the symbol would
 * otherwise resolve to another feed).
 */
export function showRunOnChart(run: BacktestRun, stores: Pick<AppStores, 'panes' | 'chartLayout' | 'settings' | 'feeds' | 'health'>): void {
  const { source, symbol } = run.request;
  const markers = chartMarkers.getState();
  markers.clear(BACKTEST_MARKERS);
  markers.set(BACKTEST_MARKERS, source, symbol, tradeChartMarkers(run.result.trades));
  if (panesShowing(stores, symbol).some((p) => p.view().dataSource === source)) return;
  const settings = stores.settings.getState().settings;
  const situation = feedSituation(stores.feeds.getState().feeds, stores.feeds.getState().error !== null, feedStatuses(stores.health.getState().health));
  const resolved = settings === null ? null : resolveSource(symbol, settings.defaultFeed, situation);
  stores.chartLayout.getState().update((l) => (resolved?.source === source ? withPaneSymbol(l, l.activePane, symbol) : withPaneSource(l, l.activePane, symbol, source)));
}
