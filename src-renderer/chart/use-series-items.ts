import { useMemo } from 'react';
import { useStore } from 'zustand';
import { seriesKey, type SeriesKeyedStore } from './series-keyed-store';

const NONE: readonly never[] = [];

/** Every producer's items of a series from a series-keyed store; a stable list while they do not change. */
export function useSeriesItems<T>(store: SeriesKeyedStore<T>, source: string | null, symbol: string | null): readonly T[] {
  const producers = useStore(store, (s) => (source === null || symbol === null ? undefined : s.bySeries[seriesKey(source, symbol)]));
  return useMemo(() => (producers === undefined ? NONE : Object.values(producers).flat()), [producers]);
}
