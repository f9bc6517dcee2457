import { useEffect, useMemo, type ReactElement } from 'react';
import type { TapedeckClient } from '../api/tapedeck-client';
import { AppContext, type AppContextValue } from './app-context';
import { createAppStores, startAppStores } from './app-stores';
import { WorkstationFrame } from './workstation-frame';

export interface AppProps {
  readonly client: TapedeckClient;
}

/** The renderer's root: binds the stores to the client and draws the workstation. */
export function App({ client }: AppProps): ReactElement {
  const value = useMemo<AppContextValue>(() => ({ client, stores: createAppStores(client) }), [client]);

  useEffect(() => startAppStores(value.stores), [value]);

  return (
    <AppContext value={value}>
      <WorkstationFrame />
    </AppContext>
  );
}
