import type { RawData, WebSocket } from 'ws';
import { RateWindow } from './ws-rate-window';

export interface FakeWsLimits {
  readonly messagesPerSecond: number;
  readonly streamsPerConnection: number;
}

/** One control message as the fake received it. */
export interface ControlRecord {
  readonly session: number;
  readonly at: number;
  readonly method: string;
  readonly params: readonly string[];
  readonly id: unknown;
}

export type FakeWsEvent =
  | { readonly type: 'connection'; readonly session: FakeWsSession }
  | { readonly type: 'refused' }
  | { readonly type: 'control'; readonly control: ControlRecord }
  | { readonly type: 'pong'; readonly session: FakeWsSession }
  | { readonly type: 'violation'; readonly session: FakeWsSession; readonly count: number }
  | { readonly type: 'disconnect'; readonly session: FakeWsSession; readonly by: 'client' | 'server' };

type Reply = { result: null | string[]; id: unknown } | { error: { code: number; msg: string }; id: unknown };

function text(data: RawData): string {
  if (Array.isArray(data)) return Buffer.concat(data).toString('utf8');
  return Buffer.isBuffer(data) ? data.toString('utf8') : Buffer.from(data).toString('utf8');
}

function isStringArray(v: unknown): v is string[] {
  return Array.isArray(v) && v.every((s) => typeof s === 'string');
}

/**
 * One client socket of the fake: its subscription set, the 5 messages/s rule
 * (control messages and pongs count; exceeding it disconnects, as Binance does)
 * and the 1024-stream cap (a SUBSCRIBE beyond it is refused with code 2 — the
 * fake's choice; Binance's exact reply is UNCONFIRMED).
 */
export class FakeWsSession {
  readonly subscriptions = new Set<string>();
  readonly controls: ControlRecord[] = [];
  pongs = 0;
  badPongs = 0;
  open = true;
  closedBy: 'client' | 'server' | undefined;
  private readonly rate = new RateWindow(1000);
  private serverClosing = false;
  private lastPing = '';

  constructor(
    readonly id: number,
    private readonly socket: WebSocket,
    private readonly limits: FakeWsLimits,
    private readonly emit: (event: FakeWsEvent) => void,
    private readonly refuseSubscribe: () => boolean,
    private readonly swallowControl: () => boolean = () => false,
  ) {
    socket.on('message', (data) => {
      if (this.count()) this.control(text(data));
    });
    socket.on('pong', (data) => {
      if (data.toString('utf8') === this.lastPing) this.pongs += 1;
      else this.badPongs += 1;
      if (this.count()) emit({ type: 'pong', session: this });
    });
    socket.on('close', () => {
      this.open = false;
      this.closedBy = this.serverClosing ? 'server' : 'client';
      emit({ type: 'disconnect', session: this, by: this.closedBy });
    });
    socket.on('error', () => {
      // a client that vanished mid-frame; 'close' follows
    });
  }

  /** The most messages this client sent within any one second. */
  get maxPerSecond(): number {
    return this.rate.max;
  }

  send(payload: string | Buffer, binary = false): void {
    if (this.open) this.socket.send(payload, { binary });
  }

  ping(): void {
    if (!this.open) return;
    this.lastPing = `p${String(Date.now())}`;
    this.socket.ping(this.lastPing);
  }

  terminate(): void {
    this.serverClosing = true;
    this.socket.terminate();
  }

  close(code: number, reason: string): void {
    this.serverClosing = true;
    this.socket.close(code, reason);
  }

  /** Counts one incoming message; false (and the socket closed) if it broke the limit. */
  private count(): boolean {
    const n = this.rate.hit(Date.now());
    if (n <= this.limits.messagesPerSecond) return true;
    this.emit({ type: 'violation', session: this, count: n });
    this.close(1008, 'Too many requests');
    return false;
  }

  private control(raw: string): void {
    let msg: unknown;
    try {
      msg = JSON.parse(raw);
    } catch {
      this.reply({ error: { code: 3, msg: 'Invalid JSON' }, id: null });
      return;
    }
    if (typeof msg !== 'object' || msg === null) {
      this.reply({ error: { code: 2, msg: 'Invalid request' }, id: null });
      return;
    }
    const { method, params, id } = msg as { method?: unknown; params?: unknown; id?: unknown };
    const names = isStringArray(params) ? params : [];
    const reply = this.answer(method, params, names, id);
    const record: ControlRecord = { session: this.id, at: Date.now(), method: String(method), params: names, id };
    this.controls.push(record);
    this.emit({ type: 'control', control: record });
    // A server that took the message and never answers (a half-dead socket): no reply at all.
    if (this.swallowControl()) return;
    this.reply(reply);
  }

  private answer(method: unknown, params: unknown, names: readonly string[], id: unknown): Reply {
    if (typeof id !== 'number' && typeof id !== 'string') {
      return { error: { code: 2, msg: 'Invalid request: request ID must be an unsigned integer' }, id: null };
    }
    switch (method) {
      case 'LIST_SUBSCRIPTIONS':
        return { result: [...this.subscriptions], id };
      case 'SUBSCRIBE': {
        if (!isStringArray(params)) return { error: { code: 2, msg: 'Invalid request: params must be stream names' }, id };
        if (this.refuseSubscribe()) return { error: { code: 2, msg: 'Invalid request: refused (fault)' }, id };
        const added = names.filter((s) => !this.subscriptions.has(s)).length;
        if (this.subscriptions.size + added > this.limits.streamsPerConnection) {
          return { error: { code: 2, msg: 'Invalid request: too many streams' }, id };
        }
        for (const s of names) this.subscriptions.add(s);
        return { result: null, id };
      }
      case 'UNSUBSCRIBE':
        if (!isStringArray(params)) return { error: { code: 2, msg: 'Invalid request: params must be stream names' }, id };
        for (const s of names) this.subscriptions.delete(s);
        return { result: null, id };
      default:
        return { error: { code: 2, msg: `Invalid request: unknown variant ${String(method)}` }, id };
    }
  }

  private reply(reply: Reply): void {
    this.send(JSON.stringify(reply));
  }
}
