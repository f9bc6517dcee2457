import type { IncomingMessage } from 'node:http';
import { WebSocketServer, type WebSocket } from 'ws';
import { FakeWsSession, type FakeWsEvent } from './ws-fake-session';
import { Collector } from './ws-wait';

export interface FakeBinanceWsOptions {
  /** Send a ping frame to every socket this often (0: never; Binance: 20 s). */
  readonly pingIntervalMs?: number;
  /** Incoming messages per second per connection before the fake disconnects (Binance: 5). */
  readonly messagesPerSecond?: number;
  /** Streams per connection (Binance: 1024). */
  readonly streamsPerConnection?: number;
}

/** Failures on command. */
export interface FakeWsFaults {
  /** Terminates every socket (no close frame). */
  dropAll(): void;
  /** Stops market data (not control replies or pings) for `ms`; sockets stay open. */
  goSilent(ms: number): void;
  /** Sends `payload` as is to every socket. */
  sendRaw(payload: string | Buffer, binary?: boolean): void;
  /** Sends `{"e":"serverShutdown"}` to every socket, then closes them with 1001 (going away) after `closeAfterMs`. */
  serverShutdown(closeAfterMs?: number): void;
  /**
   * Closes every socket as at Binance's 24-hour limit, with 1000 (normal
   * closure). The code Binance really uses is UNCONFIRMED; the client treats
   * every close alike.
   */
  close24h(): void;
  /** Answers the next `n` handshakes with HTTP 503. */
  refuseConnections(n: number): void;
  /** Answers the next `n` SUBSCRIBE requests with an error reply. */
  refuseSubscribes(n: number): void;
  /** From now on takes the next `n` control messages without ever replying (subscriptions still apply); 0 answers again. */
  swallowControls(n: number): void;
}

export interface FakeBinanceWs {
  /** Base URL (ws://127.0.0.1:PORT); the combined-stream endpoint is `${url}/stream`. */
  readonly url: string;
  readonly port: number;
  readonly faults: FakeWsFaults;
  /** Everything that happened, in order; await conditions on it. */
  readonly events: Collector<FakeWsEvent>;
  /** Open sockets, oldest first. */
  connections(): readonly FakeWsSession[];
  /** Every socket ever accepted. */
  history(): readonly FakeWsSession[];
  /** Sends `{"stream":stream,"data":data}` to every socket subscribed to `stream`; returns how many got it. */
  send(stream: string, data: unknown): number;
  /** Sends `payload` as JSON to every socket, subscribed or not. */
  broadcast(payload: unknown): void;
  stats(): { readonly accepted: number; readonly refused: number; readonly rateViolations: number };
  close(): Promise<void>;
}

function initialStreams(req: IncomingMessage): string[] {
  const streams = new URL(req.url ?? '/', 'ws://fake').searchParams.get('streams');
  return streams === null || streams === '' ? [] : streams.split('/');
}

/** A Binance combined-stream server (`/stream`) on 127.0.0.1 and a random port. */
export async function startFakeBinanceWs(options: FakeBinanceWsOptions = {}): Promise<FakeBinanceWs> {
  const limits = {
    messagesPerSecond: options.messagesPerSecond ?? 5,
    streamsPerConnection: options.streamsPerConnection ?? 1024,
  };
  const events = new Collector<FakeWsEvent>();
  const sessions: FakeWsSession[] = [];
  const timers = new Set<ReturnType<typeof setTimeout>>();
  let refuseHandshakes = 0;
  let refuseSubscribes = 0;
  let swallowControls = 0;
  let refused = 0;
  let silentUntil = 0;

  const wss = new WebSocketServer({
    host: '127.0.0.1',
    port: 0,
    verifyClient: (info, done) => {
      if (new URL(info.req.url ?? '/', 'ws://fake').pathname !== '/stream') {
        done(false, 404, 'Not Found');
      } else if (refuseHandshakes > 0) {
        refuseHandshakes -= 1;
        refused += 1;
        events.push({ type: 'refused' });
        done(false, 503, 'Service Unavailable');
      } else {
        done(true);
      }
    },
  });
  await new Promise<void>((resolve, reject) => {
    wss.once('listening', resolve);
    wss.once('error', reject);
  });
  const address = wss.address();
  if (address === null || typeof address === 'string') throw new Error('expected a TCP address');

  wss.on('connection', (socket: WebSocket, req: IncomingMessage) => {
    const session = new FakeWsSession(sessions.length + 1, socket, limits, events.push, () => {
      if (refuseSubscribes === 0) return false;
      refuseSubscribes -= 1;
      return true;
    }, () => {
      if (swallowControls === 0) return false;
      swallowControls -= 1;
      return true;
    });
    for (const s of initialStreams(req)) session.subscriptions.add(s);
    sessions.push(session);
    events.push({ type: 'connection', session });
  });

  const open = (): FakeWsSession[] => sessions.filter((s) => s.open);
  const later = (ms: number, fn: () => void): void => {
    const t = setTimeout(() => {
      timers.delete(t);
      fn();
    }, ms);
    timers.add(t);
  };
  const pinger =
    (options.pingIntervalMs ?? 0) > 0
      ? setInterval(() => {
          for (const s of open()) s.ping();
        }, options.pingIntervalMs)
      : undefined;

  const faults: FakeWsFaults = {
    dropAll: () => {
      for (const s of open()) s.terminate();
    },
    goSilent: (ms) => {
      silentUntil = Date.now() + ms;
    },
    sendRaw: (payload, binary = false) => {
      for (const s of open()) s.send(payload, binary);
    },
    serverShutdown: (closeAfterMs = 0) => {
      const targets = open();
      for (const s of targets) s.send(JSON.stringify({ e: 'serverShutdown' }));
      later(closeAfterMs, () => {
        for (const s of targets) if (s.open) s.close(1001, 'server shutdown');
      });
    },
    close24h: () => {
      for (const s of open()) s.close(1000, 'connection lifetime exceeded');
    },
    refuseConnections: (n) => {
      refuseHandshakes += n;
    },
    refuseSubscribes: (n) => {
      refuseSubscribes += n;
    },
    swallowControls: (n) => {
      swallowControls = Math.max(0, n);
    },
  };

  return {
    url: `ws://127.0.0.1:${String(address.port)}`,
    port: address.port,
    faults,
    events,
    connections: open,
    history: () => [...sessions],
    send: (stream, data) => {
      if (Date.now() < silentUntil) return 0;
      const text = JSON.stringify({ stream, data });
      const targets = open().filter((s) => s.subscriptions.has(stream));
      for (const s of targets) s.send(text);
      return targets.length;
    },
    broadcast: (payload) => {
      faults.sendRaw(JSON.stringify(payload));
    },
    stats: () => ({
      accepted: sessions.length,
      refused,
      rateViolations: events.count((e) => e.type === 'violation'),
    }),
    close: () => {
      if (pinger !== undefined) clearInterval(pinger);
      for (const t of timers) clearTimeout(t);
      for (const s of open()) s.terminate();
      return new Promise<void>((resolve, reject) => {
        wss.close((err) => {
          if (err === undefined) resolve();
          else reject(err);
        });
      });
    },
  };
}
