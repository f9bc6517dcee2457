import { contextBridge, ipcRenderer, type IpcRendererEvent } from 'electron';
import { BRIDGE_GLOBAL, type FrameTransport } from '../shared/contract/bridge';
import { IPC_CHANNELS } from '../shared/contract/ipc-channels';
import type { ClientFrame, EventFrame, ReplyFrame } from '../shared/contract/wire';

/**
 * The only thing the page gets from Electron: send a contract frame, await its
 * reply, listen for event frames. No ipcRenderer, no Node, no process.env.
 * Frames are fully validated in the main process; here we only route them.
 */
const pending = new Map<number, (reply: ReplyFrame) => void>();
const eventListeners = new Set<(frame: EventFrame) => void>();

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null;
}

ipcRenderer.on(IPC_CHANNELS.toRenderer, (_event: IpcRendererEvent, frame: unknown) => {
  if (!isObject(frame)) return;
  if (frame.t === 'reply' && typeof frame.id === 'number') {
    const resolve = pending.get(frame.id);
    pending.delete(frame.id);
    resolve?.(frame as unknown as ReplyFrame);
  } else if (frame.t === 'event') {
    for (const listener of eventListeners) listener(frame as unknown as EventFrame);
  } else if (frame.t === 'error') {
    console.warn('tapedeck: the core refused a frame', frame.error);
  }
});

const bridge: FrameTransport = {
  kind: 'ipc',
  request(frame: ClientFrame): Promise<ReplyFrame> {
    return new Promise((resolve) => {
      pending.set(frame.id, resolve);
      ipcRenderer.send(IPC_CHANNELS.toMain, frame);
    });
  },
  onEvent(listener) {
    eventListeners.add(listener);
    return () => {
      eventListeners.delete(listener);
    };
  },
};

ipcRenderer.send(IPC_CHANNELS.hello);
contextBridge.exposeInMainWorld(BRIDGE_GLOBAL, bridge);
