import { AUTH_FAILED } from './auth-latch';
import { scrub, sealKeys, type AlpacaKeys } from './credentials';
import type { StreamChannel, StreamItem, WsFailure } from './parse-ws';
import { Backoff } from './stream-backoff';
import { BlindWindow } from './stream-gaps';
import { MalformedCounter } from './stream-malformed';
import {
  GLOBAL_TIMERS,
  resolveSettings,
  type AlpacaStreamClientOptions,
  type StreamGap,
  type StreamSettings,
  type StreamState,
  type StreamStats,
  type StreamStatus,
  type StreamTimers,
} from './stream-options';
import { StreamSocket } from './stream-socket';
import { SubscriptionBook, type ChannelLists } from './stream-subscriptions';

/** A message delivered to a consumer: a trade, a quote or a bar of the symbol it subscribed to. */
export type StreamData = Extract<StreamItem, { kind: 'trade' | 'quote' | 'bar' }>;
type Handler = (data: StreamData) => void;

/** Channels whose silence loses bars (a gap to backfill); quotes are only the latest. */
const GAP_CHANNELS: readonly StreamChannel[] = ['trades', 'bars'];

/**
 * Alpaca's stock stream over ONE connection per account (a second one gets
 * error 406): every consumer's (channel, symbol) is reference-counted on it
 * and changed live with subscribe/unsubscribe messages. The connection opens
 * with the first subscription, re-authenticates and re-subscribes after every
 * drop (with backoff; longer after 406), and reports the window each symbol
 * missed (`onResumed`) for a REST backfill. Refused keys (402) and a plan
 * without the feed (409) are terminal: no reconnect until `restart()`.
 */
export class AlpacaStreamClient {
  private readonly settings: StreamSettings;
  private readonly timers: StreamTimers;
  private readonly book = new SubscriptionBook<Handler>();
  private readonly blind = new BlindWindow();
  private readonly malformed: MalformedCounter;
  private readonly backoff: Backoff;
  private readonly limitBackoff: Backoff;
  private readonly statusListeners = new Set<(s: StreamStatus) => void>();
  private readonly resumedListeners = new Set<(g: StreamGap) => void>();
  private socket: StreamSocket | undefined;
  private keys: AlpacaKeys | null = null;
  private status: StreamStatus;
  private readyAt: number | undefined;
  private everReady = false;
  private limitHit = false;
  private flushTimer: unknown;
  private flushPending = false;
  private retryTimer: unknown;
  private connectRun = 0;
  private counts = { connects: 0, reconnects: 0, ignored: 0, subscribeMessages: 0, unsubscribeMessages: 0 };
  private readonly errors: Record<number, number> = {};
  private readonly stopAuth: () => void;

  constructor(private readonly options: AlpacaStreamClientOptions) {
    this.settings = resolveSettings(options);
    this.timers = options.timers ?? GLOBAL_TIMERS;
    this.malformed = new MalformedCounter(options.log);
    const random = options.random ?? Math.random;
    this.backoff = new Backoff(this.settings.backoff, random);
    this.limitBackoff = new Backoff(this.settings.limitBackoff, random);
    this.status = { state: 'idle', problem: null, since: options.now() };
    // Keys refused over REST: the stream stops too (and the other way round, through the same latch).
    this.stopAuth = options.auth.onFail((reason) => this.fail(reason));
  }

  /** Delivers `channel` messages of `symbol` to `onData` until the returned function is called. */
  subscribe(channel: StreamChannel, symbol: string, onData: Handler): () => void {
    if (this.status.state === 'closed') throw new Error('AlpacaStreamClient is closed');
    const handler: Handler = (d) => onData(d);
    this.book.add(channel, symbol, handler);
    this.wake();
    return () => {
      if (!this.book.remove(channel, symbol, handler)) return;
      if (this.book.handlers('trades', symbol) === undefined && this.book.handlers('bars', symbol) === undefined) this.blind.forget(symbol);
      this.scheduleFlush();
    };
  }

  /** Calls `listener` now with the current status, then on every change. */
  onStatus(listener: (s: StreamStatus) => void): () => void {
    this.statusListeners.add(listener);
    listener(this.status);
    return () => this.statusListeners.delete(listener);
  }

  /** After a reconnect re-subscribed some symbols: the window they missed. */
  onResumed(listener: (g: StreamGap) => void): () => void {
    this.resumedListeners.add(listener);
    return () => this.resumedListeners.delete(listener);
  }

  get state(): StreamStatus {
    return this.status;
  }

  stats(): StreamStats {
    return { ...this.counts, malformed: this.malformed.snapshot(), errors: { ...this.errors } };
  }

  /** The keys changed: forget a refusal and connect again if anything is wanted. */
  restart(): void {
    if (this.status.state === 'closed') return;
    this.options.auth.reset();
    this.socket?.close();
    this.socket = undefined;
    this.book.reset();
    this.backoff.reset();
    this.limitBackoff.reset();
    this.cancelRetry();
    this.setStatus('idle', null);
    this.wake();
  }

  close(): void {
    if (this.status.state === 'closed') return;
    this.stopAuth();
    this.cancelRetry();
    this.timers.clearTimeout(this.flushTimer);
    this.socket?.close();
    this.socket = undefined;
    this.setStatus('closed', null);
  }

  /** Connects if something is wanted and nothing is connected or scheduled. */
  private wake(): void {
    if (this.status.state === 'idle' && !this.book.empty) void this.connect();
    else this.scheduleFlush();
  }

  private async connect(): Promise<void> {
    const run = ++this.connectRun;
    this.setStatus(this.everReady ? 'reconnecting' : 'connecting', this.status.problem);
    const given = this.options.auth.failure === null ? await this.options.keys() : null;
    if (run !== this.connectRun || this.status.state === 'closed' || this.status.state === 'failed') return;
    if (this.options.auth.failure !== null) {
      this.fail(this.options.auth.failure);
      return;
    }
    if (given === null) {
      this.fail(this.options.missingKeys);
      return;
    }
    const keys = (this.keys = sealKeys(given));
    this.counts.connects++;
    try {
      this.socket = new StreamSocket(
        { url: this.options.url, keys, now: this.options.now, timers: this.timers, pingIntervalMs: this.settings.pingIntervalMs, handshakeTimeoutMs: this.settings.handshakeTimeoutMs },
        {
          ready: () => this.ready(),
          items: (items) => this.items(items),
          malformed: (f) => this.recordMalformed(f),
          closed: (reason) => this.dropped(reason),
        },
      );
    } catch (err) {
      this.dropped(`cannot connect: ${err instanceof Error ? err.message : String(err)}`);
    }
  }

  private ready(): void {
    this.readyAt = this.options.now();
    if (this.everReady) this.counts.reconnects++;
    this.everReady = true;
    this.limitHit = false;
    this.setStatus('open', null);
    this.scheduleFlush();
  }

  private items(items: readonly StreamItem[]): void {
    for (const item of items) {
      switch (item.kind) {
        case 'trade':
        case 'quote':
        case 'bar':
          this.deliver(item);
          break;
        case 'subscription':
          this.subscribed(item.channels);
          break;
        case 'error':
          this.serverError(item.code, item.msg);
          break;
        case 'ignored':
          this.counts.ignored++;
          break;
        case 'success':
          break;
      }
      if (this.socket === undefined) return;
    }
  }

  private deliver(item: StreamData): void {
    const channel: StreamChannel = item.kind === 'trade' ? 'trades' : item.kind === 'quote' ? 'quotes' : item.channel;
    const handlers = this.book.handlers(channel, item.symbol);
    if (handlers === undefined) return;
    for (const h of handlers) {
      try {
        h(item);
      } catch (err) {
        this.options.log.error(`alpaca stream: a ${channel} subscriber of ${item.symbol} threw`, err);
      }
    }
  }

  private subscribed(channels: Readonly<Record<StreamChannel, readonly string[]>>): void {
    const added = this.book.acknowledged(channels);
    const resumed = new Set<string>();
    for (const c of GAP_CHANNELS) for (const s of added[c]) resumed.add(s);
    const gap = this.blind.resumed(resumed, this.options.now());
    if (gap !== undefined) this.emit(this.resumedListeners, gap);
    this.scheduleFlush();
  }

  /** The documented error codes (Alpaca's "Real-time stock pricing data" → Errors). */
  private serverError(code: number, msg: string): void {
    this.errors[code] = (this.errors[code] ?? 0) + 1;
    const text = `${scrub(msg, this.keys)} (error ${String(code)})`;
    switch (code) {
      case 402:
        this.options.log.error(`alpaca stream: ${AUTH_FAILED}: ${text}; not reconnecting until the keys change`);
        this.options.auth.fail(AUTH_FAILED);
        return;
      case 406:
        this.limitHit = true;
        this.socket?.drop(`${text}: another client is using this account's one market-data connection`);
        return;
      case 408:
      case 409:
        this.options.log.error(`alpaca stream: ${text}: the account's data plan does not include ${this.options.url}; not reconnecting`);
        this.fail(`${text}: the data plan does not include this feed`);
        return;
      case 405:
        this.book.refused();
        this.options.log.warn(`alpaca stream: ${text}: some symbols are not streamed`);
        this.setStatus(this.status.state, `symbol limit exceeded (error 405)`);
        return;
      case 401:
      case 404:
      case 407:
      case 500:
        this.socket?.drop(text);
        return;
      default:
        this.book.refused();
        this.options.log.warn(`alpaca stream: server error ${text}`);
    }
  }

  private recordMalformed(f: WsFailure): void {
    this.malformed.record({ kind: f.kind, detail: scrub(f.detail, this.keys) });
  }

  private dropped(reason: string): void {
    const socket = this.socket;
    this.socket = undefined;
    if (this.status.state === 'closed' || this.status.state === 'failed') return;
    const openFor = this.readyAt === undefined ? undefined : this.options.now() - this.readyAt;
    if (socket !== undefined && this.readyAt !== undefined) this.blind.dropped(socket.lastMessageAt, this.book.live(GAP_CHANNELS));
    this.readyAt = undefined;
    this.book.reset();
    if (this.book.empty) {
      this.setStatus('idle', null);
      return;
    }
    const delay = (this.limitHit ? this.limitBackoff : this.backoff).next(openFor);
    this.options.log.warn(`alpaca stream: connection ${scrub(reason, this.keys)}; reconnecting in ${String(delay)} ms`);
    this.setStatus('reconnecting', this.limitHit ? 'connection limit exceeded (error 406): another client is using this account\'s stream' : null);
    this.cancelRetry();
    this.retryTimer = this.timers.setTimeout(() => {
      this.retryTimer = undefined;
      if (this.status.state === 'reconnecting') void this.connect();
    }, delay);
  }

  /** Terminal until restart(): no keys, refused keys, a plan without this feed. */
  private fail(reason: string): void {
    if (this.status.state === 'closed') return;
    this.connectRun++;
    this.cancelRetry();
    this.socket?.close();
    this.socket = undefined;
    this.book.reset();
    this.setStatus('failed', reason);
  }

  private scheduleFlush(): void {
    if (this.flushPending || this.socket === undefined || !this.socket.ready) return;
    this.flushPending = true;
    // One macrotask later: a burst of subscribe calls (a chart opening three streams) becomes one message.
    this.flushTimer = this.timers.setTimeout(() => {
      this.flushPending = false;
      this.flush();
    }, 0);
  }

  private flush(): void {
    const socket = this.socket;
    if (socket === undefined || !socket.ready) return;
    const { subscribe, unsubscribe } = this.book.diff();
    if (unsubscribe !== null) this.request(socket, 'unsubscribe', unsubscribe);
    if (subscribe !== null) this.request(socket, 'subscribe', subscribe);
  }

  private request(socket: StreamSocket, action: 'subscribe' | 'unsubscribe', lists: ChannelLists): void {
    this.book.sent(action, lists);
    if (action === 'subscribe') this.counts.subscribeMessages++;
    else this.counts.unsubscribeMessages++;
    socket.send({ action, ...lists });
  }

  private cancelRetry(): void {
    if (this.retryTimer === undefined) return;
    this.timers.clearTimeout(this.retryTimer);
    this.retryTimer = undefined;
  }

  private setStatus(state: StreamState, problem: string | null): void {
    if (state === this.status.state && problem === this.status.problem) return;
    this.status = { state, problem, since: this.options.now() };
    this.emit(this.statusListeners, this.status);
  }

  private emit<T>(listeners: ReadonlySet<(value: T) => void>, value: T): void {
    for (const listener of [...listeners]) {
      try {
        listener(value);
      } catch (err) {
        this.options.log.error('alpaca stream: a listener threw', err);
      }
    }
  }
}
