import { streaming } from '@alpacahq/alpaca-trade-api';
import WebSocket, { type RawData } from 'ws';
import { z } from 'zod';
import { scrub, type AlpacaKeys } from '../../../market-data/feeds/alpaca/credentials';
import type { Logger } from '../../../platform/rpc';
import { assertPaperEndpoint } from './trading-endpoints';
import { parseTradeUpdate, type AlpacaTradeUpdate } from './trading-wire';

/** What the trade_updates stream tells the broker. */
export interface TradeStreamEvents {
  /** Authorized and listening to trade_updates (after every (re)connect): reconcile now, updates follow. */
  listening(): void;
  update(update: AlpacaTradeUpdate): void;
  /** The socket is gone; the SDK reconnects with backoff. */
  down(reason: string): void;
  /** Alpaca refused the keys: no reconnect until they change. */
  authFailed(): void;
}

export interface TradeStreamOptions {
  /** wss://paper-api.alpaca.markets/stream, or a fake's; Alpaca's live host is refused. */
  readonly url: string;
  readonly keys: AlpacaKeys;
  readonly log: Logger;
  /** Reconnect delay: initialMs doubling to maxMs, ±20% jitter (the SDK's). */
  readonly reconnect?: { readonly initialMs?: number; readonly maxMs?: number };
  readonly pingIntervalMs?: number;
  /** From the socket opening to "authorized" at most this long, else it is dropped and the SDK reconnects (default 15 s). */
  readonly authTimeoutMs?: number;
}

export interface TradeStreamStats {
  connects: number;
  updates: number;
  malformed: number;
}

/** The frames Tapedeck reads itself (everything else is the SDK's protocol). */
const frameSchema = z.looseObject({ stream: z.string().max(64), data: z.unknown() });
const authSchema = z.looseObject({ status: z.string().max(64) });
const listeningSchema = z.looseObject({ streams: z.array(z.string().max(64)).max(16) });

function text(data: RawData): string {
  if (Array.isArray(data)) return Buffer.concat(data).toString('utf8');
  return Buffer.isBuffer(data) ? data.toString('utf8') : Buffer.from(data).toString('utf8');
}

/**
 * Alpaca's trade_updates stream through the SDK's TradingStream (its `url`
 * pointed at TAPEDECK_ALPACA_STREAM_URL and its `wsFactory` making our `ws`
 * sockets): the SDK authenticates, listens, keeps the socket alive and
 * reconnects with backoff for ever (an auth refusal is terminal, as it
 * should be). Tapedeck reads the frames from the socket it made: JSON text
 * or binary (paper sends binary), each zod-parsed (trading-wire.ts); a
 * malformed frame is counted and logged once, never a crash. A socket that
 * is not authorized in time is dropped so the SDK tries again.
 */
export class AlpacaTradeStream {
  readonly stats: TradeStreamStats = { connects: 0, updates: 0, malformed: 0 };
  private readonly sdk: streaming.TradingStream;
  private closed = false;
  private loggedMalformed = false;
  private lastClose = 'the connection closed';

  constructor(
    private readonly options: TradeStreamOptions,
    private readonly events: TradeStreamEvents,
  ) {
    assertPaperEndpoint(options.url, 'the Alpaca trade-updates stream URL');
    this.sdk = new streaming.TradingStream({
      credentials: { keyId: options.keys.keyId, secret: options.keys.secret },
      url: options.url,
      maxReconnectAttempts: streaming.UNLIMITED_RECONNECT_ATTEMPTS,
      initialReconnectMs: options.reconnect?.initialMs ?? 1_000,
      maxReconnectMs: options.reconnect?.maxMs ?? 64_000,
      pingIntervalMs: options.pingIntervalMs ?? 20_000,
      wsFactory: (url) => this.socket(url),
    });
    this.sdk.onStateChange((state) => {
      if (this.closed) return;
      if (state === streaming.STATE.WAITING_TO_RECONNECT) events.down(this.lastClose);
    });
    this.sdk.onError((message) => {
      if (!this.closed && !message.startsWith('failed to')) options.log.warn(`alpaca trade updates: ${scrub(message, options.keys)}`);
    });
    this.sdk.subscribeTradeUpdates();
  }

  start(): void {
    this.sdk.connect();
  }

  close(): void {
    this.closed = true;
    this.sdk.disconnect();
  }

  /** One socket for the SDK, with Tapedeck's own reader of what arrives on it. */
  private socket(url: string): streaming.WebSocketLike {
    this.stats.connects++;
    const ws = new WebSocket(url, { perMessageDeflate: false, handshakeTimeout: this.options.authTimeoutMs ?? 15_000 });
    let authorized = false;
    let timer: ReturnType<typeof setTimeout> | null = null;
    ws.on('open', () => {
      timer = setTimeout(() => {
        if (!authorized && !this.closed) {
          this.lastClose = 'not authorized in time';
          ws.terminate();
        }
      }, this.options.authTimeoutMs ?? 15_000);
    });
    ws.on('message', (data: RawData) => {
      if (this.closed) return;
      const kind = this.read(text(data));
      if (kind === 'authorized') {
        authorized = true;
        if (timer !== null) clearTimeout(timer);
      }
    });
    ws.on('close', (code: number, reason: Buffer) => {
      if (timer !== null) clearTimeout(timer);
      this.lastClose = `closed (${String(code)}${reason.length > 0 ? ` ${scrub(reason.toString('utf8'), this.options.keys)}` : ''})`;
    });
    ws.on('error', (err: Error) => {
      this.lastClose = `failed: ${scrub(err.message, this.options.keys)}`;
    });
    return ws;
  }

  /** One frame: what it was (the authorization verdict matters to the socket). */
  private read(raw: string): 'authorized' | 'other' {
    let json: unknown;
    try {
      json = JSON.parse(raw);
    } catch {
      this.malformed('a frame that is not JSON');
      return 'other';
    }
    const frame = frameSchema.safeParse(json);
    if (!frame.success) {
      this.malformed('a frame without stream and data');
      return 'other';
    }
    const { stream, data } = frame.data;
    if (stream === 'authorization') {
      const status = authSchema.safeParse(data);
      if (status.success && status.data.status === 'authorized') return 'authorized';
      this.events.authFailed();
      return 'other';
    }
    if (stream === 'listening') {
      const l = listeningSchema.safeParse(data);
      if (l.success && l.data.streams.includes('trade_updates')) this.events.listening();
      return 'other';
    }
    if (stream === 'trade_updates') {
      let update: AlpacaTradeUpdate;
      try {
        update = parseTradeUpdate(data);
      } catch (err) {
        this.malformed(err instanceof Error ? err.message : String(err));
        return 'other';
      }
      this.stats.updates++;
      this.events.update(update);
    }
    return 'other';
  }

  private malformed(what: string): void {
    this.stats.malformed++;
    if (this.loggedMalformed) return;
    this.loggedMalformed = true;
    this.options.log.warn(`alpaca trade updates: ${what} (malformed frames are counted and skipped; logged once)`);
  }
}
