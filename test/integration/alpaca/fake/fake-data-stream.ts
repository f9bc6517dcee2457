import type { IncomingMessage } from 'node:http';
import type { Duplex } from 'node:stream';
import { WebSocketServer } from 'ws';
import { Collector } from '../../binance/fake/ws-wait';
import type { FakePlan } from './data-rest';
import { dollars, rfc3339, type FakeBar, type FakeTrade } from './fake-market';
import type { FakeKeys } from './fake-keys';
import { FakeStreamSession, type StreamControl } from './stream-session';

export type FakeStreamEvent =
  | { readonly type: 'connection'; readonly session: FakeStreamSession }
  | { readonly type: 'control'; readonly control: StreamControl }
  | { readonly type: 'disconnect'; readonly session: FakeStreamSession };

export interface FakeDataStreamOptions {
  readonly keys: FakeKeys;
  readonly plan: () => FakePlan;
  /** Connections per account (Alpaca: 1 on most plans). */
  readonly connectionLimit?: number;
  /** Symbols over trades + quotes before error 405 (default 10,000). */
  readonly symbolLimit?: number;
}

/** Failures on command. */
export interface FakeStreamFaults {
  /** Terminates every socket (no close frame). */
  dropAll(): void;
  /** Sends `payload` as is to every authenticated socket. */
  sendRaw(payload: string): void;
  /** Another client of the account holds the connection while true: new ones get 406. */
  takenElsewhere: boolean;
  /** Answers the next `n` handshakes with HTTP 503. */
  refuseConnections(n: number): void;
}

/**
 * The fake stock stream (`/v2/iex`, `/v2/sip`, `/v2/test`) on the fake's HTTP
 * server: sessions speak the documented protocol (stream-session.ts); the
 * test pushes market data to whoever subscribed, in Alpaca's wire format.
 */
export class FakeDataStream {
  readonly events = new Collector<FakeStreamEvent>();
  readonly faults: FakeStreamFaults;
  private readonly wss = new WebSocketServer({ noServer: true });
  private readonly sessions: FakeStreamSession[] = [];
  private refuse = 0;

  constructor(private readonly options: FakeDataStreamOptions) {
    this.faults = {
      takenElsewhere: false,
      dropAll: () => {
        for (const s of this.connections()) s.terminate();
      },
      sendRaw: (payload) => {
        for (const s of this.connections()) if (s.authenticated) s.sendRaw(payload);
      },
      refuseConnections: (n) => {
        this.refuse += n;
      },
    };
  }

  /** Takes the HTTP server's upgrades for the stream paths; returns false for other paths (the trading stream's, later). */
  upgrade(req: IncomingMessage, socket: Duplex, head: Buffer): boolean {
    const path = new URL(req.url ?? '/', 'ws://fake').pathname;
    if (!['/v2/iex', '/v2/sip', '/v2/test'].includes(path)) return false;
    if (this.refuse > 0) {
      this.refuse--;
      socket.end('HTTP/1.1 503 Service Unavailable\r\n\r\n');
      return true;
    }
    this.wss.handleUpgrade(req, socket, head, (ws) => {
      const feedAllowed = path !== '/v2/sip' || this.options.plan() === 'sip';
      const session = new FakeStreamSession(this.sessions.length + 1, path, ws, {
        keys: this.options.keys,
        feedAllowed,
        symbolLimit: this.options.symbolLimit ?? 10_000,
        connectionTaken: (me) => {
          const others = this.sessions.filter((s) => s !== me && s.open && s.authenticated).length + (this.faults.takenElsewhere ? 1 : 0);
          return others >= (this.options.connectionLimit ?? 1);
        },
        onControl: (control) => {
          this.events.push({ type: 'control', control });
        },
        onClose: (s) => {
          this.events.push({ type: 'disconnect', session: s });
        },
      });
      this.sessions.push(session);
      this.events.push({ type: 'connection', session });
    });
    return true;
  }

  /** Open sockets, oldest first. */
  connections(): FakeStreamSession[] {
    return this.sessions.filter((s) => s.open);
  }

  /** Every socket ever accepted. */
  history(): readonly FakeStreamSession[] {
    return [...this.sessions];
  }

  /** Sends trades of `symbol` (one frame) to every socket subscribed to its trades; returns how many got it. */
  trades(symbol: string, trades: readonly FakeTrade[]): number {
    const messages = trades.map((t) => ({ T: 't', S: symbol, i: t.id, x: t.exchange, p: dollars(t.cents), s: t.size, c: ['@'], t: rfc3339(t.time, true), z: 'C' }));
    return this.push('trades', symbol, messages);
  }

  /** A quote of `symbol` (bid/ask in cents). */
  quote(symbol: string, bid: number, ask: number, time: number): number {
    return this.push('quotes', symbol, [{ T: 'q', S: symbol, bx: 'V', bp: dollars(bid), bs: 3, ax: 'V', ap: dollars(ask), as: 2, c: ['R'], t: rfc3339(time, true), z: 'C' }]);
  }

  /** A minute bar (`b`), or an updated one (`u`) after late trades. */
  bar(symbol: string, b: FakeBar, kind: 'b' | 'u' = 'b'): number {
    const message = { T: kind, S: symbol, o: dollars(b.open), h: dollars(b.high), l: dollars(b.low), c: dollars(b.close), v: b.volume, t: rfc3339(b.time), n: b.trades, vw: Math.round(b.vwapCents * 100) / 10_000 };
    return this.push(kind === 'b' ? 'bars' : 'updatedBars', symbol, [message]);
  }

  close(): Promise<void> {
    for (const s of this.connections()) s.terminate();
    return new Promise<void>((resolve) => {
      this.wss.close(() => resolve());
    });
  }

  private push(channel: 'trades' | 'quotes' | 'bars' | 'updatedBars', symbol: string, messages: readonly Record<string, unknown>[]): number {
    const targets = this.connections().filter((s) => s.wants(channel, symbol));
    for (const s of targets) s.send(messages);
    return targets.length;
  }
}
