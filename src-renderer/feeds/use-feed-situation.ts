import { useMemo } from 'react';
import { useStore } from 'zustand';
import { useShallow } from 'zustand/react/shallow';
import { useAppStores } from '../app/app-context';
import { feedSituation, feedStatuses, type FeedSituation } from './feed-situation';

/** The feeds and their statuses, for resolving sources; re-renders only when a status or the list changes. */
export function useFeedSituation(): FeedSituation | null {
  const stores = useAppStores();
  const feeds = useStore(stores.feeds, (s) => s.feeds);
  const listFailed = useStore(stores.feeds, (s) => s.error !== null);
  const statuses = useStore(stores.health, useShallow((s) => feedStatuses(s.health)));
  return useMemo(() => feedSituation(feeds, listFailed, statuses), [feeds, listFailed, statuses]);
}
