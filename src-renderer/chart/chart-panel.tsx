import type { ReactElement } from 'react';
import { useStore } from 'zustand';
import { useAppStores } from '../app/app-context';
import { ChartView } from './chart-view';

/** The centre chart: header with symbol and interval, the chart, and a no-feed overlay. */
export function ChartPanel(): ReactElement {
  const stores = useAppStores();
  const activeSymbol = useStore(stores.workspace, (s) => s.activeSymbol);
  const watchlist = useStore(stores.settings, (s) => s.settings?.watchlist);
  const interval = useStore(stores.settings, (s) => s.settings?.defaultInterval);
  const feed = useStore(stores.settings, (s) => s.settings?.defaultFeed);

  // Follow the user's pick while it is still watched; otherwise the first watched symbol.
  const symbol = activeSymbol !== null && watchlist?.includes(activeSymbol) === true ? activeSymbol : watchlist?.[0];

  return (
    <section className="chart-panel" aria-label="Chart" data-testid="chart-panel">
      <header className="chart-header">
        <span className="chart-symbol" data-testid="chart-symbol">{symbol ?? '—'}</span>
        <span className="chart-chip num">{interval ?? '—'}</span>
        <span className="chart-chip">{feed === undefined ? '—' : feed.toUpperCase()}</span>
        <span className="chart-ohlc num muted" aria-hidden="true">
          O — H — L — C —
        </span>
      </header>
      <div className="chart-body">
        <ChartView />
        <div className="chart-overlay" data-testid="chart-no-feed" role="status">
          <span className="chart-overlay-title">No market data feed connected</span>
          <span className="chart-overlay-text">Bars appear here once a market data feed is connected (coming in a later issue).</span>
        </div>
      </div>
    </section>
  );
}
