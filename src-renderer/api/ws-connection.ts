import {
  bytesOf,
  encodeBinaryCall,
  FrameAssembler,
  partFrameSchema,
  serverFrameSchema,
  type ClientFrame,
  type EventFrame,
  type ReplyFrame,
} from '../../shared/contract';
import type { Connection, ConnectionState } from './connection';
import { pageToken } from './page-token';

interface Pending {
  resolve(reply: ReplyFrame): void;
  timer: ReturnType<typeof setTimeout> | undefined;
}

const RETRY_MIN_MS = 250;
const RETRY_MAX_MS = 5_000;
/** How long a request waits for a (re)connection before it is answered UNAVAILABLE. */
const OPEN_WAIT_MS = 10_000;
/** A request nobody gave a time-out still gets one. */
const DEFAULT_TIMEOUT_MS = 60_000;

/**
 * The renderer's side of `tapedeck serve`: one WebSocket to the core, replies
 * matched by request id, reconnection with capped exponential backoff. A
 * request in flight when the socket drops is answered UNAVAILABLE rather than
 * left hanging; subscriptions are restored by the client above on reconnect.
 */
export function wsConnection(url: string): Connection {
  const pending = new Map<number, Pending>();
  const eventListeners = new Set<(frame: EventFrame) => void>();
  const stateListeners = new Set<(state: ConnectionState) => void>();
  let state: ConnectionState = 'connecting';
  let socket: WebSocket | null = null;
  let retryMs = RETRY_MIN_MS;

  const setState = (next: ConnectionState): void => {
    if (next === state) return;
    state = next;
    for (const listener of stateListeners) listener(next);
  };

  const assembler = new FrameAssembler();

  const settle = (id: number, reply: ReplyFrame): void => {
    const p = pending.get(id);
    if (p === undefined) return;
    pending.delete(id);
    clearTimeout(p.timer);
    p.resolve(reply);
  };

  const failPending = (message: string): void => {
    for (const id of [...pending.keys()]) settle(id, { t: 'reply', id, ok: false, error: { code: 'UNAVAILABLE', message, path: '' } });
  };

  const onMessage = (data: unknown): void => {
    if (typeof data !== 'string') return;
    let json: unknown;
    try {
      json = JSON.parse(data);
    } catch {
      console.warn('tapedeck: dropped a server frame that is not JSON');
      return;
    }
    const part = partFrameSchema.safeParse(json);
    if (part.success) {
      const joined = assembler.add(part.data);
      if (joined === null) return;
      if ('error' in joined) {
        console.warn(`tapedeck: ${joined.error}`);
        if (joined.reply !== null) settle(joined.reply, { t: 'reply', id: joined.reply, ok: false, error: { code: 'TOO_LARGE', message: joined.error, path: '' } });
        return;
      }
      onMessage(joined.text);
      return;
    }
    const parsed = serverFrameSchema.safeParse(json);
    if (!parsed.success) {
      console.warn('tapedeck: dropped a malformed server frame', parsed.error.issues[0]);
      return;
    }
    const frame = parsed.data;
    if (frame.t === 'reply') {
      settle(frame.id, frame);
    } else if (frame.t === 'event') {
      for (const listener of eventListeners) listener(frame);
    } else {
      console.warn(`tapedeck: server reported ${frame.error.code}: ${frame.error.message}`);
    }
  };

  const connect = (): void => {
    const ws = new WebSocket(url);
    socket = ws;
    ws.onopen = () => {
      retryMs = RETRY_MIN_MS;
      setState('open');
    };
    ws.onmessage = (ev: MessageEvent) => onMessage(ev.data);
    ws.onclose = () => {
      if (socket !== ws) return;
      socket = null;
      assembler.reset();
      failPending('connection to Tapedeck lost');
      setState('reconnecting');
      const delay = retryMs * (0.5 + Math.random() / 2);
      retryMs = Math.min(RETRY_MAX_MS, retryMs * 2);
      setTimeout(connect, delay);
    };
  };
  connect();

  /** Resolves true once the socket is open, or false after OPEN_WAIT_MS. */
  const whenOpen = (): Promise<boolean> => {
    if (state === 'open' && socket?.readyState === WebSocket.OPEN) return Promise.resolve(true);
    return new Promise((resolve) => {
      const timer = setTimeout(() => {
        stateListeners.delete(listener);
        resolve(false);
      }, OPEN_WAIT_MS);
      const listener = (next: ConnectionState): void => {
        if (next !== 'open') return;
        clearTimeout(timer);
        stateListeners.delete(listener);
        resolve(true);
      };
      stateListeners.add(listener);
    });
  };

  return {
    kind: 'websocket',
    state: () => state,
    onState(listener) {
      stateListeners.add(listener);
      return () => stateListeners.delete(listener);
    },
    onEvent(listener) {
      eventListeners.add(listener);
      return () => eventListeners.delete(listener);
    },
    async request(frame: ClientFrame, timeoutMs = DEFAULT_TIMEOUT_MS): Promise<ReplyFrame> {
      const open = await whenOpen();
      return new Promise((resolve) => {
        if (!open || socket === null) {
          resolve({ t: 'reply', id: frame.id, ok: false, error: { code: 'UNAVAILABLE', message: 'not connected to Tapedeck', path: '' } });
          return;
        }
        const timer = setTimeout(() => {
          settle(frame.id, { t: 'reply', id: frame.id, ok: false, error: { code: 'TIMEOUT', message: `no answer from Tapedeck within ${String(Math.round(timeoutMs / 1000))} s`, path: '' } });
        }, timeoutMs);
        pending.set(frame.id, { resolve, timer });
        // A call carrying bytes (a pane's picture) goes as one binary frame, the bytes as they are.
        const bytes = bytesOf(frame);
        socket.send(bytes === null ? JSON.stringify(frame) : encodeBinaryCall(frame, bytes));
      });
    },
  };
}

/**
 * The socket URL for the page we were served from, carrying its access token
 * when the page's URL had one; without it (a reload after the token left the
 * address bar) the browser's HttpOnly token cookie authenticates the upgrade.
 */
export function serveSocketUrl(location: Pick<Location, 'protocol' | 'host' | 'search'>): string {
  const token = pageToken(location);
  const scheme = location.protocol === 'https:' ? 'wss:' : 'ws:';
  return `${scheme}//${location.host}/api/ws${token === null ? '' : `?token=${encodeURIComponent(token)}`}`;
}
