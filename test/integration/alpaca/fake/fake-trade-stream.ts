import type { IncomingMessage } from 'node:http';
import type { Duplex } from 'node:stream';
import { WebSocketServer, type RawData, type WebSocket } from 'ws';
import type { FakeKeys } from './fake-keys';
import type { FakeTradeEvent } from './trading-book';

interface Session {
  readonly ws: WebSocket;
  authorized: boolean;
  listening: boolean;
}

const frame = (stream: string, data: unknown): Buffer => Buffer.from(JSON.stringify({ stream, data }));

/**
 * The trade_updates stream of Alpaca's paper host (`/stream`): the client
 * authenticates ({"action":"authenticate","data":{"key_id","secret_key"}}),
 * is answered on the authorization stream, asks to listen to trade_updates
 * and gets the listening frame; events follow as binary frames, as the paper
 * host sends them. Events while nobody listens are lost (Alpaca keeps
 * nothing): reconciliation over REST is what catches up.
 */
export class FakeTradeStream {
  readonly sessions: Session[] = [];
  /** While true, connections are refused (HTTP 503) and events go nowhere. */
  down = false;
  connects = 0;
  sent = 0;
  private readonly wss = new WebSocketServer({ noServer: true });

  constructor(private readonly keys: FakeKeys) {}

  upgrade(req: IncomingMessage, socket: Duplex, head: Buffer): boolean {
    if (new URL(req.url ?? '/', 'ws://fake').pathname !== '/stream') return false;
    if (this.down) {
      socket.end('HTTP/1.1 503 Service Unavailable\r\n\r\n');
      return true;
    }
    this.wss.handleUpgrade(req, socket, head, (ws) => {
      this.connects++;
      const s: Session = { ws, authorized: false, listening: false };
      this.sessions.push(s);
      ws.on('message', (data: RawData) => this.read(s, data));
      ws.on('close', () => {
        const i = this.sessions.indexOf(s);
        if (i >= 0) this.sessions.splice(i, 1);
      });
    });
    return true;
  }

  /** Publishes an event to every listening session. */
  publish(e: FakeTradeEvent): void {
    if (this.down) return;
    for (const s of this.sessions) {
      if (!s.listening) continue;
      s.ws.send(frame('trade_updates', e));
      this.sent++;
    }
  }

  /** Sends raw text to every listening session (a malformed frame). */
  sendRaw(text: string): void {
    for (const s of this.sessions) if (s.listening) s.ws.send(text);
  }

  get listeners(): number {
    return this.sessions.filter((s) => s.listening).length;
  }

  /** Terminates every connection (no close frame), as a network drop. */
  dropAll(): void {
    for (const s of [...this.sessions]) s.ws.terminate();
  }

  async close(): Promise<void> {
    this.dropAll();
    await new Promise<void>((resolve) => this.wss.close(() => resolve()));
  }

  private read(s: Session, data: RawData): void {
    let msg: { action?: unknown; data?: { key_id?: unknown; secret_key?: unknown; streams?: unknown } };
    try {
      msg = JSON.parse(Buffer.isBuffer(data) ? data.toString('utf8') : Array.isArray(data) ? Buffer.concat(data).toString('utf8') : Buffer.from(data).toString('utf8')) as typeof msg;
    } catch {
      s.ws.send(frame('error', { error_message: 'invalid syntax' }));
      return;
    }
    if (msg.action === 'authenticate' || msg.action === 'auth') {
      const ok = msg.data?.key_id === this.keys.keyId && msg.data.secret_key === this.keys.secret;
      s.authorized = ok;
      s.ws.send(frame('authorization', { status: ok ? 'authorized' : 'unauthorized', action: 'authenticate' }));
      if (!ok) s.ws.close(1008, 'access key verification failed');
      return;
    }
    if (msg.action === 'listen') {
      if (!s.authorized) {
        s.ws.send(frame('authorization', { status: 'unauthorized', action: 'listen' }));
        return;
      }
      const streams = Array.isArray(msg.data?.streams) ? msg.data.streams.filter((x): x is string => x === 'trade_updates') : [];
      s.listening = streams.length > 0;
      s.ws.send(frame('listening', { streams }));
    }
  }
}
