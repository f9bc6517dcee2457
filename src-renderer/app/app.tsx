import { useEffect, useMemo, type ReactElement } from 'react';
import type { TapedeckClient } from '../api/tapedeck-client';
import { AppContext, type AppContextValue } from './app-context';
import { startCaptureResponder } from '../chart/capture/capture-responder';
import { startJournalHotkey } from '../journal/journal-hotkey';
import { createAppStores, startAppStores } from './app-stores';
import { installE2eHook, isE2ePage } from './e2e-hook';
import { WorkstationFrame } from './workstation-frame';

export interface AppProps {
  readonly client: TapedeckClient;
}

/** The renderer's root: binds the stores to the client and draws the workstation. */
export function App({ client }: AppProps): ReactElement {
  const value = useMemo<AppContextValue>(() => ({ client, stores: createAppStores(client) }), [client]);

  useEffect(() => startAppStores(value.stores), [value]);
  useEffect(() => startCaptureResponder(value.client, value.stores), [value]);
  useEffect(() => startJournalHotkey(value.client), [value]);
  useEffect(() => {
    if (isE2ePage(window.location)) installE2eHook(window, value.client, value.stores.panes);
  }, [value]);

  return (
    <AppContext value={value}>
      <WorkstationFrame />
    </AppContext>
  );
}
