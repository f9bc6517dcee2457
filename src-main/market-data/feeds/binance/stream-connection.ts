import WebSocket, { type RawData } from 'ws';
import type { Logger } from '../../../platform/rpc';
import { parseWsFrame, type ParsedWsMessage, type WsFailureKind } from './parse-ws';
import { Backoff } from './stream-backoff';
import { ControlChannel } from './stream-control-channel';
import type { StreamGap, StreamSettings, StreamState, StreamTimers } from './stream-options';
import { OneShotTimer } from './stream-timer';

export interface ConnectionConfig {
  /** The combined-stream endpoint, `${baseUrl}/stream`. */
  readonly url: string;
  readonly now: () => number;
  readonly log: Logger;
  readonly timers: StreamTimers;
  readonly random: () => number;
  readonly settings: StreamSettings;
}

/** What a connection tells the client. */
export interface ConnectionEvents {
  data(message: ParsedWsMessage): void;
  malformed(kind: WsFailureKind, detail: string): void;
  stateChanged(): void;
  resumed(gap: StreamGap): void;
  reconnected(): void;
  controlSent(): void;
}

function text(data: RawData): string {
  if (Array.isArray(data)) return Buffer.concat(data).toString('utf8');
  return Buffer.isBuffer(data) ? data.toString('utf8') : Buffer.from(data).toString('utf8');
}

function ignore(): void {
  // a detached socket may still report an error; nobody is listening any more
}

/**
 * One combined-stream socket kept alive across drops: reconnects with backoff
 * on close, error, silence (no message at all for `silentSocketMs` while
 * it has streams to carry, acknowledged or not; ping frames do not count), `serverShutdown` and shortly before
 * Binance's 24-hour limit; then re-subscribes through its ControlChannel.
 * Ping frames are answered by ws itself (`autoPong`, on by default).
 */
export class StreamConnection {
  private current: StreamState = 'connecting';
  private socket: WebSocket | undefined;
  private readonly control: ControlChannel;
  private readonly backoff: Backoff;
  private everOpened = false;
  private openedAt: number | undefined;
  private lastMessageAt = 0;
  private readonly reconnectTimer: OneShotTimer;
  private readonly watchdog: OneShotTimer;
  private readonly renewTimer: OneShotTimer;

  constructor(
    private readonly cfg: ConnectionConfig,
    private readonly events: ConnectionEvents,
  ) {
    this.control = new ControlChannel(cfg, events);
    this.backoff = new Backoff(cfg.settings.backoff, cfg.random);
    this.reconnectTimer = new OneShotTimer(cfg.timers);
    this.watchdog = new OneShotTimer(cfg.timers);
    this.renewTimer = new OneShotTimer(cfg.timers);
    this.connect();
  }

  get state(): StreamState {
    return this.current;
  }

  /** Streams counted against the per-connection cap. */
  get load(): number {
    return this.control.load;
  }

  add(stream: string): void {
    this.control.add(stream);
  }

  remove(stream: string): void {
    this.control.remove(stream);
  }

  close(): void {
    if (this.current === 'closed') return;
    this.control.stop();
    this.watchdog.cancel();
    this.renewTimer.cancel();
    this.reconnectTimer.cancel();
    const socket = this.socket;
    this.socket = undefined;
    if (socket !== undefined) {
      socket.removeAllListeners();
      socket.on('error', ignore);
      if (socket.readyState === WebSocket.OPEN) socket.close(1000);
      else socket.terminate();
    }
    this.setState('closed');
  }

  private connect(): void {
    let socket: WebSocket;
    try {
      socket = new WebSocket(this.cfg.url, { handshakeTimeout: 10_000 });
    } catch (err) {
      this.cfg.log.error(`binance ws: cannot connect to ${this.cfg.url}`, err);
      this.retryLater(undefined);
      return;
    }
    this.socket = socket;
    socket.on('open', () => {
      this.opened(socket);
    });
    socket.on('message', (data) => {
      this.received(socket, data);
    });
    socket.on('close', (code, reason) => {
      this.drop(socket, `closed by the server (${String(code)} ${reason.toString('utf8')})`);
    });
    socket.on('error', (err) => {
      this.drop(socket, `failed: ${err.message}`);
    });
  }

  private opened(socket: WebSocket): void {
    if (socket !== this.socket) return;
    const now = this.cfg.now();
    this.openedAt = now;
    this.lastMessageAt = now;
    if (this.everOpened) this.events.reconnected();
    this.everOpened = true;
    this.setState('open');
    this.watchdog.arm(this.cfg.settings.silentSocketMs, () => {
      this.checkSilence(socket);
    });
    this.renewTimer.arm(this.cfg.settings.renewAfterMs, () => {
      this.drop(socket, 'is near the 24-hour limit: renewing it');
    });
    this.control.attach((message) => {
      socket.send(message, (err) => {
        if (err instanceof Error) this.drop(socket, `failed to send: ${err.message}`);
      });
    });
  }

  private received(socket: WebSocket, data: RawData): void {
    if (socket !== this.socket) return;
    this.lastMessageAt = this.cfg.now();
    const parsed = parseWsFrame(text(data));
    if (!parsed.ok) {
      this.events.malformed(parsed.kind, parsed.detail);
      return;
    }
    const frame = parsed.frame;
    switch (frame.type) {
      case 'data':
        if (this.control.wants(frame.message.stream)) this.events.data(frame.message);
        return;
      case 'ack':
        this.control.acked(frame.id);
        return;
      case 'error':
        this.control.refused(frame.id, `${String(frame.code)} ${frame.msg}`);
        return;
      case 'server-shutdown':
        this.drop(socket, 'announced serverShutdown');
        return;
    }
  }

  private checkSilence(socket: WebSocket): void {
    if (socket !== this.socket) return;
    const silentMs = this.cfg.settings.silentSocketMs;
    const idle = this.cfg.now() - this.lastMessageAt;
    // Streams wanted, acknowledged or not: a socket that never answers its SUBSCRIBE is as dead as a silent one.
    const subscribed = this.control.load > 0;
    if (subscribed && idle >= silentMs) {
      this.drop(socket, `was silent for ${String(idle)} ms`);
      return;
    }
    this.watchdog.arm(subscribed ? silentMs - idle : silentMs, () => {
      this.checkSilence(socket);
    });
  }

  /** Gives up on `socket` (if it is still ours) and schedules the next attempt. */
  private drop(socket: WebSocket, reason: string): void {
    if (socket !== this.socket || this.current === 'closed') return;
    this.socket = undefined;
    socket.removeAllListeners();
    socket.on('error', ignore);
    socket.terminate();
    this.watchdog.cancel();
    this.renewTimer.cancel();
    const wasOpen = this.openedAt !== undefined;
    const openFor = this.openedAt === undefined ? undefined : this.cfg.now() - this.openedAt;
    this.control.detach(wasOpen ? this.lastMessageAt : undefined);
    this.openedAt = undefined;
    this.retryLater(openFor, reason);
  }

  private retryLater(openFor: number | undefined, reason?: string): void {
    const delay = this.backoff.next(openFor);
    if (reason !== undefined) this.cfg.log.warn(`binance ws: connection ${reason}; reconnecting in ${String(delay)} ms`);
    this.setState('reconnecting');
    this.reconnectTimer.arm(delay, () => {
      this.connect();
    });
  }

  private setState(state: StreamState): void {
    if (state === this.current) return;
    this.current = state;
    this.events.stateChanged();
  }
}
