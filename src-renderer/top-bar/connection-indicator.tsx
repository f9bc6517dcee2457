import type { ReactElement } from 'react';
import { useStore } from 'zustand';
import type { TapedeckClient } from '../api/tapedeck-client';
import { useAppStores } from '../app/app-context';
import { connectionTone } from '../app/status-tone';

function transportLabel(transport: TapedeckClient['transport']): string {
  switch (transport) {
    case 'ipc':
      return 'IPC';
    case 'websocket':
      return 'WS';
  }
}

/** The client's link to the core: transport and whether it is up. */
export function ConnectionIndicator(): ReactElement {
  const stores = useAppStores();
  const state = useStore(stores.connection, (s) => s.state);
  const transport = useStore(stores.connection, (s) => s.transport);
  const tone = connectionTone(state);
  return (
    <div className="connection-state" data-testid="connection-state" data-state={state} title={`Link to the Tapedeck core: ${state}`}>
      <span className={`status-dot tone-${tone}`} aria-hidden="true" />
      <span className="connection-transport">{transportLabel(transport)}</span>
      <span className={`connection-label tone-${tone}`}>{state}</span>
    </div>
  );
}
