import { BRIDGE_GLOBAL, type FrameTransport } from '../../shared/contract';
import { ipcConnection } from './connection';
import { createTapedeckClient, type TapedeckClient } from './tapedeck-client';
import { serveSocketUrl, wsConnection } from './ws-connection';

/** Picks the Electron preload bridge when present, else the `tapedeck serve` WebSocket. */
export function createClient(win: Window): TapedeckClient {
  const bridge = (win as unknown as Record<string, FrameTransport | undefined>)[BRIDGE_GLOBAL];
  const connection = bridge !== undefined ? ipcConnection(bridge) : wsConnection(serveSocketUrl(win.location));
  return createTapedeckClient(connection);
}
