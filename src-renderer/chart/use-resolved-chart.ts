import { useStore } from 'zustand';
import { useAppStores } from '../app/app-context';
import { useFeedSituation } from '../feeds/use-feed-situation';
import { resolveChart, type ResolvedChart } from './chart-target';

/** The chart's source, symbol and interval from the workspace, the settings and the feeds' health. */
export function useResolvedChart(): ResolvedChart {
  const stores = useAppStores();
  const activeSymbol = useStore(stores.workspace, (s) => s.activeSymbol);
  const chartSource = useStore(stores.workspace, (s) => s.chartSource);
  const interval = useStore(stores.workspace, (s) => s.interval);
  const settings = useStore(stores.settings, (s) => s.settings);
  const situation = useFeedSituation();
  return resolveChart({ activeSymbol, chartSource, interval }, settings, situation);
}
