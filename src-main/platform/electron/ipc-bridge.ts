import { ipcMain, type IpcMainEvent, type WebContents } from 'electron';
import { IPC_CHANNELS } from '../../../shared/contract';
import type { Connection, Core } from '../app/core';
import { parseClientFrame } from '../rpc';

/**
 * Carries contract frames between the core and our windows. Only frames from
 * a window we created, whose sending frame shows our own app origin, are
 * accepted; each loaded document is one client session, ended when the next
 * document says hello, the renderer dies or the window goes away (so
 * subscriptions never leak, and a cancelled navigation ends nothing).
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

  const fromTrusted = (event: IpcMainEvent): boolean => {
    const frameUrl = event.senderFrame?.url ?? '';
    const ok = trusted.has(event.sender.id) && isAppUrl(frameUrl);
    if (!ok) console.error(`tapedeck: refused IPC from an untrusted sender (${frameUrl})`);
    return ok;
  };

  ipcMain.on(IPC_CHANNELS.hello, (event: IpcMainEvent) => {
    if (fromTrusted(event)) reset(event.sender);
  });

  ipcMain.on(IPC_CHANNELS.toMain, (event: IpcMainEvent, raw: unknown) => {
    if (!fromTrusted(event)) return;
    const connection = connectionFor(event.sender);
    const parsed = parseClientFrame(raw);
    if (!parsed.ok) connection.session.reject(parsed.id, parsed.error);
    else void connection.session.handle(parsed.frame);
  });

  return (wc: WebContents) => {
    trusted.add(wc.id);
    wc.on('render-process-gone', () => reset(wc));
    wc.once('destroyed', () => {
      reset(wc);
      trusted.delete(wc.id);
    });
  };
}
