import WebSocket, { type RawData } from 'ws';
import type { AlpacaKeys } from './credentials';
import { parseStreamFrame, type StreamItem, type WsFailure } from './parse-ws';
import type { StreamTimers } from './stream-options';

export interface SocketConfig {
  readonly url: string;
  readonly keys: AlpacaKeys;
  readonly now: () => number;
  readonly timers: StreamTimers;
  readonly pingIntervalMs: number;
  readonly handshakeTimeoutMs: number;
}

/** What one socket tells the client. */
export interface SocketEvents {
  /** "authenticated": subscriptions may be sent. */
  ready(): void;
  /** Every other message, in order (data, subscription replies, errors). */
  items(items: readonly StreamItem[]): void;
  malformed(failure: WsFailure): void;
  /** The socket is gone (by either side, or dropped by us); no event follows. */
  closed(reason: string): void;
}

function text(data: RawData): string {
  if (Array.isArray(data)) return Buffer.concat(data).toString('utf8');
  return Buffer.isBuffer(data) ? data.toString('utf8') : Buffer.from(data).toString('utf8');
}

function ignore(): void {
  // a detached socket may still report an error; nobody is listening any more
}

type Phase = 'connecting' | 'await-connected' | 'await-auth' | 'ready' | 'gone';

/**
 * One stock-stream socket through its handshake: waits for
 * [{"T":"success","msg":"connected"}], sends {"action":"auth","key","secret"},
 * waits for "authenticated". Pings on a timer and drops a socket that did not
 * answer the previous ping, or that is not authenticated in time. The keys
 * go into the auth message and nowhere else.
 */
export class StreamSocket {
  private phase: Phase = 'connecting';
  private readonly socket: WebSocket;
  private lastMessage: number;
  private awaitingPong = false;
  private pingTimer: unknown;
  private handshakeTimer: unknown;

  constructor(
    private readonly cfg: SocketConfig,
    private readonly events: SocketEvents,
  ) {
    this.lastMessage = cfg.now();
    this.socket = new WebSocket(cfg.url, { handshakeTimeout: cfg.handshakeTimeoutMs });
    this.socket.on('open', () => {
      this.phase = 'await-connected';
      this.armPing();
    });
    this.socket.on('message', (data) => {
      this.received(text(data));
    });
    this.socket.on('pong', () => {
      this.awaitingPong = false;
    });
    this.socket.on('close', (code, reason) => {
      this.gone(`closed by the server (${String(code)}${reason.length > 0 ? ` ${reason.toString('utf8')}` : ''})`);
    });
    this.socket.on('error', (err) => {
      this.gone(`failed: ${err.message}`);
    });
    this.handshakeTimer = cfg.timers.setTimeout(() => {
      if (this.phase !== 'ready') this.drop(`was not authenticated within ${String(cfg.handshakeTimeoutMs)} ms`);
    }, cfg.handshakeTimeoutMs);
  }

  get ready(): boolean {
    return this.phase === 'ready';
  }

  /** When the socket last said anything (a message, not a pong). */
  get lastMessageAt(): number {
    return this.lastMessage;
  }

  send(message: unknown): void {
    if (this.phase === 'gone' || this.socket.readyState !== WebSocket.OPEN) return;
    this.socket.send(JSON.stringify(message), (err) => {
      if (err instanceof Error) this.drop(`failed to send: ${err.message}`);
    });
  }

  /** Drops the socket and reports it closed with `reason`. */
  drop(reason: string): void {
    if (this.phase === 'gone') return;
    this.teardown();
    this.events.closed(reason);
  }

  /** Closes the socket without reporting anything (the client is done with it). */
  close(): void {
    if (this.phase === 'gone') return;
    this.teardown();
  }

  private received(raw: string): void {
    if (this.phase === 'gone') return;
    this.lastMessage = this.cfg.now();
    const { items, failures } = parseStreamFrame(raw);
    for (const f of failures) this.events.malformed(f);
    const rest: StreamItem[] = [];
    for (const item of items) {
      if (item.kind === 'success' && item.msg === 'connected' && this.phase === 'await-connected') {
        this.phase = 'await-auth';
        this.send({ action: 'auth', key: this.cfg.keys.keyId, secret: this.cfg.keys.secret });
      } else if (item.kind === 'success' && item.msg === 'authenticated' && this.phase === 'await-auth') {
        this.phase = 'ready';
        this.cfg.timers.clearTimeout(this.handshakeTimer);
        this.events.ready();
      } else {
        rest.push(item);
      }
      if (this.isGone()) return;
    }
    if (rest.length > 0) this.events.items(rest);
  }

  /** A method, not a field read: the phase changes under a callback the compiler cannot see. */
  private isGone(): boolean {
    return this.phase === 'gone';
  }

  private armPing(): void {
    this.pingTimer = this.cfg.timers.setTimeout(() => {
      if (this.phase === 'gone') return;
      if (this.awaitingPong) {
        this.drop(`did not answer a ping within ${String(this.cfg.pingIntervalMs)} ms`);
        return;
      }
      this.awaitingPong = true;
      this.socket.ping();
      this.armPing();
    }, this.cfg.pingIntervalMs);
  }

  private gone(reason: string): void {
    this.drop(reason);
  }

  private teardown(): void {
    this.phase = 'gone';
    this.cfg.timers.clearTimeout(this.pingTimer);
    this.cfg.timers.clearTimeout(this.handshakeTimer);
    this.socket.removeAllListeners();
    this.socket.on('error', ignore);
    if (this.socket.readyState === WebSocket.OPEN) this.socket.close(1000);
    else this.socket.terminate();
  }
}
