import { useMemo } from 'react';
import { useAppStores } from '../app/app-context';
import { layoutActions, type LayoutActions } from './layout-actions';

/** The chart layout's actions, stable for the window's lifetime. */
export function useLayoutActions(): LayoutActions {
  const stores = useAppStores();
  return useMemo(() => layoutActions(stores.chartLayout), [stores.chartLayout]);
}
