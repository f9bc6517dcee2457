import { eventFrameSchema, replyFrameSchema, type FrameTransport, type ReplyFrame } from '../../shared/contract';

export type ConnectionState = 'connecting' | 'open' | 'reconnecting';

/** A frame transport plus its connection state (IPC is always open; a socket is not). */
export interface Connection extends FrameTransport {
  state(): ConnectionState;
  onState(listener: (state: ConnectionState) => void): () => void;
}

/**
 * Wraps the preload bridge: IPC to the main process never drops while the
 * window lives. Frames from the bridge are checked here, as the socket's are.
 */
export function ipcConnection(bridge: FrameTransport): Connection {
  return {
    kind: 'ipc',
    async request(frame, timeoutMs): Promise<ReplyFrame> {
      let timer: ReturnType<typeof setTimeout> | undefined;
      const late = new Promise<ReplyFrame>((resolve) => {
        if (timeoutMs === undefined) return;
        timer = setTimeout(() => {
          resolve({ t: 'reply', id: frame.id, ok: false, error: { code: 'TIMEOUT', message: `no answer from Tapedeck within ${String(Math.round(timeoutMs / 1000))} s`, path: '' } });
        }, timeoutMs);
      });
      const raw: unknown = await Promise.race([bridge.request(frame), late]).finally(() => clearTimeout(timer));
      const parsed = replyFrameSchema.safeParse(raw);
      if (parsed.success) return parsed.data;
      return { t: 'reply', id: frame.id, ok: false, error: { code: 'INTERNAL', message: 'malformed reply from the core', path: '' } };
    },
    onEvent: (listener) =>
      bridge.onEvent((frame) => {
        const parsed = eventFrameSchema.safeParse(frame);
        if (parsed.success) listener(parsed.data);
      }),
    state: () => 'open',
    onState: () => () => undefined,
  };
}
