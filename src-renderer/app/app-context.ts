import { createContext, use } from 'react';
import type { TapedeckClient } from '../api/tapedeck-client';
import type { AppStores } from './app-stores';

export interface AppContextValue {
  readonly client: TapedeckClient;
  readonly stores: AppStores;
}

export const AppContext = createContext<AppContextValue | null>(null);

/** The window's client and stores; only valid below `<App>`. */
export function useAppContext(): AppContextValue {
  const value = use(AppContext);
  if (value === null) throw new Error('useAppContext() used outside <App>');
  return value;
}

export function useAppStores(): AppStores {
  return useAppContext().stores;
}
