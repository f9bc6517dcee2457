import type { RawData, WebSocket } from 'ws';
import type { FakeKeys } from './fake-keys';

/** The channels of the stock stream Tapedeck uses, and the ones a subscription reply lists besides. */
export const CHANNELS = ['trades', 'quotes', 'bars', 'updatedBars', 'dailyBars', 'statuses'] as const;
export type FakeChannel = (typeof CHANNELS)[number];

/** One control message as the fake received it (the auth message without its values). */
export interface StreamControl {
  readonly session: number;
  readonly action: string;
  readonly channels: Readonly<Partial<Record<FakeChannel, readonly string[]>>>;
}

export interface SessionRules {
  readonly keys: FakeKeys;
  /** Whether this path's feed is in the account's plan (`/v2/sip` on an iex plan is not: error 409 after auth). */
  readonly feedAllowed: boolean;
  /** Whether another authenticated connection of the account exists (then error 406). */
  readonly connectionTaken: (self: FakeStreamSession) => boolean;
  /** Most symbols over trades + quotes (error 405 beyond). */
  readonly symbolLimit: number;
  readonly onControl: (control: StreamControl) => void;
  readonly onClose: (session: FakeStreamSession) => void;
}

type Message = Record<string, unknown>;

function text(data: RawData): string {
  if (Array.isArray(data)) return Buffer.concat(data).toString('utf8');
  return Buffer.isBuffer(data) ? data.toString('utf8') : Buffer.from(data).toString('utf8');
}

const isStrings = (v: unknown): v is string[] => Array.isArray(v) && v.every((s) => typeof s === 'string');

/**
 * One client socket of the fake stock stream, speaking the documented
 * protocol: [{"T":"success","msg":"connected"}] on open; {"action":"auth",
 * "key","secret"} → "authenticated", or error 402 (wrong keys, then closed),
 * 406 (the account's one connection is taken, then closed), 409 (feed not in
 * the plan, then closed); subscribe/unsubscribe before auth → 401; over the
 * symbol limit → 405; every accepted change answered with a "subscription"
 * message listing the whole current set; unparseable input → 400.
 */
export class FakeStreamSession {
  readonly subscriptions: Record<FakeChannel, Set<string>> = {
    trades: new Set(),
    quotes: new Set(),
    bars: new Set(),
    updatedBars: new Set(),
    dailyBars: new Set(),
    statuses: new Set(),
  };
  authenticated = false;
  open = true;
  closedBy: 'client' | 'server' | undefined;
  /** Errors the fake sent, by code. */
  readonly errorsSent: number[] = [];
  private serverClosing = false;

  constructor(
    readonly id: number,
    readonly path: string,
    private readonly socket: WebSocket,
    private readonly rules: SessionRules,
  ) {
    socket.on('message', (data) => {
      this.receive(text(data));
    });
    socket.on('close', () => {
      this.open = false;
      this.closedBy = this.serverClosing ? 'server' : 'client';
      rules.onClose(this);
    });
    socket.on('error', () => {
      // a client that vanished mid-frame; 'close' follows
    });
    this.send([{ T: 'success', msg: 'connected' }]);
  }

  /** Sends one frame: an array of messages, as Alpaca batches them. */
  send(messages: readonly Message[]): void {
    if (this.open) this.socket.send(JSON.stringify(messages));
  }

  sendRaw(payload: string): void {
    if (this.open) this.socket.send(payload);
  }

  /** Whether this socket gets `channel` data of `symbol`. */
  wants(channel: FakeChannel, symbol: string): boolean {
    return this.authenticated && this.open && this.subscriptions[channel].has(symbol);
  }

  terminate(): void {
    this.serverClosing = true;
    this.socket.terminate();
  }

  close(code = 1000, reason = ''): void {
    this.serverClosing = true;
    this.socket.close(code, reason);
  }

  private error(code: number, msg: string, thenClose = false): void {
    this.errorsSent.push(code);
    this.send([{ T: 'error', code, msg }]);
    if (thenClose) this.close(1008, msg);
  }

  private receive(raw: string): void {
    let msg: unknown;
    try {
      msg = JSON.parse(raw);
    } catch {
      this.error(400, 'invalid syntax');
      return;
    }
    if (typeof msg !== 'object' || msg === null || Array.isArray(msg)) {
      this.error(400, 'invalid syntax');
      return;
    }
    const m = msg as Message;
    const action = typeof m['action'] === 'string' ? m['action'] : '';
    const channels: Partial<Record<FakeChannel, string[]>> = {};
    for (const c of CHANNELS) {
      const v = m[c];
      if (isStrings(v)) channels[c] = v;
    }
    this.rules.onControl({ session: this.id, action, channels });
    switch (action) {
      case 'auth':
        this.auth(m);
        return;
      case 'subscribe':
      case 'unsubscribe':
        this.change(action, channels);
        return;
      default:
        this.error(400, 'invalid syntax');
    }
  }

  private auth(m: Message): void {
    if (this.authenticated) {
      this.error(403, 'already authenticated');
      return;
    }
    if (m['key'] !== this.rules.keys.keyId || m['secret'] !== this.rules.keys.secret) {
      this.error(402, 'auth failed', true);
      return;
    }
    if (this.rules.connectionTaken(this)) {
      this.error(406, 'connection limit exceeded', true);
      return;
    }
    if (!this.rules.feedAllowed) {
      this.error(409, 'insufficient subscription', true);
      return;
    }
    this.authenticated = true;
    this.send([{ T: 'success', msg: 'authenticated' }]);
  }

  private change(action: 'subscribe' | 'unsubscribe', channels: Partial<Record<FakeChannel, string[]>>): void {
    if (!this.authenticated) {
      this.error(401, 'not authenticated');
      return;
    }
    if (action === 'subscribe') {
      const trades = new Set([...this.subscriptions.trades, ...(channels.trades ?? [])]);
      const quotes = new Set([...this.subscriptions.quotes, ...(channels.quotes ?? [])]);
      if (trades.size + quotes.size > this.rules.symbolLimit) {
        this.error(405, 'symbol limit exceeded');
        return;
      }
    }
    for (const [c, symbols] of Object.entries(channels) as [FakeChannel, string[]][]) {
      for (const s of symbols) {
        if (action === 'subscribe') this.subscriptions[c].add(s);
        else this.subscriptions[c].delete(s);
      }
    }
    const list = (c: FakeChannel): string[] => [...this.subscriptions[c]];
    this.send([
      {
        T: 'subscription',
        trades: list('trades'),
        quotes: list('quotes'),
        bars: list('bars'),
        updatedBars: list('updatedBars'),
        dailyBars: list('dailyBars'),
        statuses: list('statuses'),
        lulds: [],
        corrections: list('trades'),
        cancelErrors: list('trades'),
      },
    ]);
  }
}
