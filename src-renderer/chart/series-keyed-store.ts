import { createStore, type StoreApi } from 'zustand/vanilla';

/** Items per series (source + symbol), each list under the key of the producer that set it. */
export interface SeriesKeyedState<T> {
  /** `seriesKey(source, symbol)` → producer → items. Replaced (never mutated) on every change. */
  readonly bySeries: Readonly<Record<string, Readonly<Record<string, readonly T[]>>>>;
  /** Replaces what `producer` shows for the series (an empty list removes it). */
  readonly set: (producer: string, source: string, symbol: string, items: readonly T[]) => void;
  /** Removes what `producer` shows: for one series, or (without one) everywhere. */
  readonly clear: (producer: string, source?: string, symbol?: string) => void;
}

export type SeriesKeyedStore<T> = StoreApi<SeriesKeyedState<T>>;

export function seriesKey(source: string, symbol: string): string {
  return `${source}\u0000${symbol}`;
}

function without<V>(record: Readonly<Record<string, V>>, key: string): Record<string, V> {
  return Object.fromEntries(Object.entries(record).filter(([k]) => k !== key));
}

function withSeries<T>(
  bySeries: Readonly<Record<string, Readonly<Record<string, readonly T[]>>>>,
  key: string,
  producers: Readonly<Record<string, readonly T[]>>,
): Record<string, Readonly<Record<string, readonly T[]>>> {
  return Object.keys(producers).length === 0 ? without(bySeries, key) : { ...bySeries, [key]: producers };
}

/** A store of items per series and producer (the marker and price-line layers' shape). */
export function createSeriesKeyedStore<T>(): SeriesKeyedStore<T> {
  return createStore<SeriesKeyedState<T>>()((set, get) => ({
    bySeries: {},
    set: (producer, source, symbol, items) => {
      const key = seriesKey(source, symbol);
      const current = get().bySeries[key] ?? {};
      if (items.length === 0 && !(producer in current)) return;
      const next = items.length === 0 ? without(current, producer) : { ...current, [producer]: items };
      set({ bySeries: withSeries(get().bySeries, key, next) });
    },
    clear: (producer, source, symbol) => {
      const keys = source === undefined || symbol === undefined ? Object.keys(get().bySeries) : [seriesKey(source, symbol)];
      for (const key of keys) {
        const current = get().bySeries[key];
        if (current === undefined || !(producer in current)) continue;
        set({ bySeries: withSeries(get().bySeries, key, without(current, producer)) });
      }
    },
  }));
}
