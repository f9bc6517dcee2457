import { ipcMain, type IpcMainEvent, type WebContents } from 'electron';
import { IPC_CHANNELS } from '../../shared/contract';
import type { Connection, Core } from '../app/core';
import { parseClientFrame } from '../rpc';

/**
 * Carries contract frames between the core and our windows. Only frames from
 * a window we created, whose sending frame shows our own app origin, are
 * accepted; each window is one client session, closed when the window goes
 * away or reloads (so its subscriptions never leak).
 */
export function bridgeIpc(core: Core, isAppUrl: (url: string) => boolean): (wc: WebContents) => void {
  const connections = new Map<number, Connection>();
  const trusted = new Set<number>();

  const reset = (wc: WebContents): void => {
    connections.get(wc.id)?.close();
    connections.delete(wc.id);
  };

  const connectionFor = (wc: WebContents): Connection => {
    let connection = connections.get(wc.id);
    if (connection === undefined) {
      connection = core.connect((frame) => {
        if (!wc.isDestroyed()) wc.send(IPC_CHANNELS.toRenderer, frame);
      });
      connections.set(wc.id, connection);
    }
    return connection;
  };

  ipcMain.on(IPC_CHANNELS.toMain, (event: IpcMainEvent, raw: unknown) => {
    const frameUrl = event.senderFrame?.url ?? '';
    if (!trusted.has(event.sender.id) || !isAppUrl(frameUrl)) {
      console.error(`tapedeck: refused an IPC frame from an untrusted sender (${frameUrl})`);
      return;
    }
    const connection = connectionFor(event.sender);
    const parsed = parseClientFrame(raw);
    if (!parsed.ok) connection.session.reject(parsed.id, parsed.error);
    else void connection.session.handle(parsed.frame);
  });

  return (wc: WebContents) => {
    trusted.add(wc.id);
    wc.on('did-start-navigation', (details) => {
      if (details.isMainFrame && !details.isSameDocument) reset(wc);
    });
    wc.on('render-process-gone', () => reset(wc));
    wc.once('destroyed', () => {
      reset(wc);
      trusted.delete(wc.id);
    });
  };
}
