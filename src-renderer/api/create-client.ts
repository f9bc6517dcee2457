import { BRIDGE_GLOBAL, type FrameTransport } from '../../shared/contract';
import { ipcConnection } from './connection';
import { dropTokenFromAddress } from './page-token';
import { createTapedeckClient, type TapedeckClient } from './tapedeck-client';
import { serveSocketUrl, wsConnection } from './ws-connection';

/** Picks the Electron preload bridge when present, else the `tapedeck serve` WebSocket. */
export function createClient(win: Window): TapedeckClient {
  const bridge = (win as unknown as Record<string, FrameTransport | undefined>)[BRIDGE_GLOBAL];
  if (bridge !== undefined) return createTapedeckClient(ipcConnection(bridge));
  // The socket keeps the token (for reconnects); the address bar and history lose it.
  const connection = wsConnection(serveSocketUrl(win.location));
  dropTokenFromAddress(win);
  return createTapedeckClient(connection);
}
