import { useMemo } from 'react';
import { useStore } from 'zustand';
import { useShallow } from 'zustand/react/shallow';
import { useAppStores } from '../app/app-context';
import { fallbackNote } from '../feeds/fallback-note';
import { findInstrument, isSimulatedChart } from '../feeds/feed-lookup';
import type { TimeLabelContext } from '../format/chart-time-format';
import { chartZoneOf } from '../format/chart-zone';
import { precisionForPrice, precisionOfTick } from '../format/price-precision';
import type { ChartStore } from './chart-store';
import type { ResolvedChart } from './chart-target';
import type { PaneView } from './pane-handle';

export interface PaneLook {
  /** What the pane's layers read. */
  readonly view: PaneView;
  /** The time labels' context, once the market is known. */
  readonly labels: TimeLabelContext | null;
  /** Smallest price move of the price scale. */
  readonly minMove: number;
  readonly simulated: boolean;
  /** Why the pane is not on its preferred feed, or null. */
  readonly fallback: string | null;
}

/** How a pane draws its series: price precision from the instrument's tick, the time zone, the source's badges. */
export function usePaneLook(chart: ResolvedChart, summary: ChartStore): PaneLook {
  const stores = useAppStores();
  const feeds = useStore(stores.feeds, (s) => s.feeds);
  const simulatedFeeds = useStore(stores.health, useShallow((s) => s.health?.feeds.filter((f) => f.simulated).map((f) => f.id) ?? []));
  const replayedSource = useStore(stores.replay, (s) => s.replay?.source ?? null);
  const zoneChoice = useStore(stores.settings, (s) => s.settings?.chartTimeZone ?? 'UTC');
  // Only the price's magnitude matters here, so this does not re-render on every tick.
  const guessed = useStore(summary, (s) => (s.lastBar === null ? null : precisionForPrice(s.lastBar.close)));
  const streamMarket = useStore(summary, (s) => s.market);

  const instrument = chart.source === null || chart.symbol === null ? null : findInstrument(feeds, chart.source, chart.symbol);
  const precision = instrument !== null ? precisionOfTick(instrument.tickSize) : (guessed ?? 2);
  const market = streamMarket ?? instrument?.market ?? null;
  const zone = chartZoneOf(market, zoneChoice);
  const { interval } = chart;
  const source = chart.target?.source ?? null;
  const symbol = chart.target?.symbol ?? null;

  // During a replay the bars are the replayed series': its drawings and markers are that series'.
  const dataSource = source === 'replay' ? (replayedSource ?? source) : source;
  const view = useMemo<PaneView>(
    () => ({ target: source !== null && symbol !== null && interval !== null ? { source, symbol, interval } : null, dataSource, market, interval, zone, precision }),
    [source, dataSource, symbol, market, interval, zone, precision],
  );
  const labels = useMemo<TimeLabelContext | null>(
    () => (market === null || interval === null ? null : { zone, market, interval }),
    [zone, market, interval],
  );
  return {
    view,
    labels,
    minMove: instrument?.tickSize ?? 10 ** -precision,
    simulated: chart.source !== null && isSimulatedChart(chart.source, replayedSource, feeds, simulatedFeeds),
    fallback: fallbackNote(chart.offlineFeed, chart.source, feeds),
  };
}
