import { useStore } from 'zustand';
import { useAppStores } from '../app/app-context';
import { findInstrument } from '../feeds/feed-lookup';

/** The tick of an instrument from `feeds.list` (0.01 until it is known). */
export function useTickSizes(): (source: string, symbol: string) => number {
  const feeds = useStore(useAppStores().feeds, (s) => s.feeds);
  return (source, symbol) => findInstrument(feeds, source, symbol)?.tickSize ?? 0.01;
}
