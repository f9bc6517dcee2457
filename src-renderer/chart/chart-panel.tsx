import type { ReactElement } from 'react';
import { useStore } from 'zustand';
import { useShallow } from 'zustand/react/shallow';
import { useAppStores } from '../app/app-context';
import { fallbackNote } from '../feeds/fallback-note';
import { findInstrument, isSimulatedChart } from '../feeds/feed-lookup';
import { precisionForPrice, precisionOfTick } from '../format/price-precision';
import { ChartHeader } from './chart-header';
import { ChartOverlay } from './chart-overlay';
import { ChartView } from './chart-view';
import { OhlcLegend } from './ohlc-legend';
import { useResolvedChart } from './use-resolved-chart';

/** The centre chart: header, the live chart of the active symbol, its OHLC legend and overlay. */
export function ChartPanel(): ReactElement {
  const stores = useAppStores();
  const chart = useResolvedChart();
  const feeds = useStore(stores.feeds, (s) => s.feeds);
  const simulatedFeeds = useStore(stores.health, useShallow((s) => s.health?.feeds.filter((f) => f.simulated).map((f) => f.id) ?? []));
  const status = useStore(stores.chart, (s) => s.status);
  const error = useStore(stores.chart, (s) => s.error);
  // Only the price's magnitude matters here, so this does not re-render on every tick.
  const guessed = useStore(stores.chart, (s) => (s.lastBar === null ? null : precisionForPrice(s.lastBar.close)));
  const settingsLoaded = useStore(stores.settings, (s) => s.settings !== null);
  const replayedSource = useStore(stores.replay, (s) => s.replay?.source ?? null);

  const instrument = chart.source === null || chart.symbol === null ? null : findInstrument(feeds, chart.source, chart.symbol);
  const precision = instrument !== null ? precisionOfTick(instrument.tickSize) : (guessed ?? 2);
  const minMove = instrument?.tickSize ?? 10 ** -precision;
  const simulated = chart.source !== null && isSimulatedChart(chart.source, replayedSource, feeds, simulatedFeeds);
  const fallback = fallbackNote(chart.offlineFeed, chart.source, feeds);
  const series = chart.target === null ? null : `${chart.target.source.toUpperCase()} ${chart.target.symbol} ${chart.target.interval}`;

  return (
    <section className="chart-panel" aria-label="Chart" data-testid="chart-panel" data-status={status}>
      <ChartHeader chart={chart} simulated={simulated} fallback={fallback} precision={precision} />
      <div className="chart-body">
        <ChartView target={chart.target} priceFormat={{ precision, minMove }} />
        <OhlcLegend precision={precision} />
        <ChartOverlay status={status} error={error} series={series} noSymbol={settingsLoaded && chart.symbol === null} />
      </div>
    </section>
  );
}
