import { useStore } from 'zustand';
import { useAppStores } from '../app/app-context';
import { useFeedSituation } from '../feeds/use-feed-situation';
import { resolvePane, type ResolvedChart } from './chart-target';

/** Pane `index`'s source, symbol and interval from the layout, the settings and the feeds' health. */
export function useResolvedPane(index: number): ResolvedChart {
  const stores = useAppStores();
  const layout = useStore(stores.chartLayout, (s) => s.value);
  const settings = useStore(stores.settings, (s) => s.settings);
  const situation = useFeedSituation();
  return resolvePane(layout, index, settings, situation);
}

/** The active pane's series: what the watchlist highlights and the Backtests and Replay tabs start from. */
export function useResolvedChart(): ResolvedChart {
  const stores = useAppStores();
  const active = useStore(stores.chartLayout, (s) => s.value?.activePane ?? 0);
  return useResolvedPane(active);
}
