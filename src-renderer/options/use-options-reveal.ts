import { useEffect, useRef } from 'react';
import { useStore } from 'zustand';
import { useAppStores } from '../app/app-context';

/** Calls `reveal` each time a chain is opened from elsewhere (a watchlist row's chain button): the bottom panel shows the Options tab. */
export function useOptionsReveal(reveal: () => void): void {
  const reveals = useStore(useAppStores().options, (s) => s.reveals);
  const seen = useRef(reveals);
  const latest = useRef(reveal);
  latest.current = reveal;
  useEffect(() => {
    if (reveals === seen.current) return;
    seen.current = reveals;
    latest.current();
  }, [reveals]);
}
