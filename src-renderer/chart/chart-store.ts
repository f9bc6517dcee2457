import { createStore, type StoreApi } from 'zustand/vanilla';
import { IDLE_SUMMARY, type ChartSummary } from './chart-summary';

export interface ChartState extends ChartSummary {
  readonly publish: (summary: ChartSummary) => void;
}

export type ChartStore = StoreApi<ChartState>;

/** The chart's stream summary, written by the chart view, read by its header and overlay. */
export function createChartStore(): ChartStore {
  return createStore<ChartState>()((set) => ({
    ...IDLE_SUMMARY,
    publish: (summary) => {
      set(summary);
    },
  }));
}
