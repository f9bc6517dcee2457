import type { Logger } from '../../../platform/rpc';
import type { ParsedWsMessage } from './parse-ws';
import { StreamConnection, type ConnectionEvents } from './stream-connection';
import { MalformedCounter } from './stream-malformed';
import { parseStreamName } from './stream-names';
import {
  GLOBAL_TIMERS,
  resolveSettings,
  type BinanceStreamClientOptions,
  type StreamGap,
  type StreamSettings,
  type StreamState,
  type StreamStats,
  type StreamStatus,
} from './stream-options';

interface Subscriber {
  readonly onData: (data: ParsedWsMessage) => void;
}

interface StreamEntry {
  readonly connection: StreamConnection;
  readonly subscribers: Set<Subscriber>;
}

/**
 * Binance combined market streams (`${baseUrl}/stream`) with live
 * SUBSCRIBE/UNSUBSCRIBE. Subscriptions are reference-counted per stream name
 * and spread over as many connections as the per-connection cap requires;
 * each connection paces its control messages, reconnects by itself and
 * reports what it missed through `onResumed`.
 */
export class BinanceStreamClient {
  private readonly settings: StreamSettings;
  private readonly log: Logger;
  private readonly now: () => number;
  private readonly connections: StreamConnection[] = [];
  private readonly streams = new Map<string, StreamEntry>();
  private readonly statusListeners = new Set<(status: StreamStatus) => void>();
  private readonly resumedListeners = new Set<(gap: StreamGap) => void>();
  private readonly malformed: MalformedCounter;
  private readonly events: ConnectionEvents;
  private status: StreamStatus;
  private reconnects = 0;
  private controlSent = 0;
  private closed = false;

  constructor(private readonly options: BinanceStreamClientOptions) {
    this.settings = resolveSettings(options);
    this.log = options.log;
    this.now = options.now;
    this.malformed = new MalformedCounter(options.log);
    this.status = { state: 'closed', since: options.now() };
    this.events = {
      data: (message) => {
        this.deliver(message);
      },
      malformed: (kind, detail) => {
        this.malformed.record(kind, detail);
      },
      stateChanged: () => {
        this.updateStatus();
      },
      resumed: (gap) => {
        this.emit(this.resumedListeners, gap, 'onResumed');
      },
      reconnected: () => {
        this.reconnects += 1;
      },
      controlSent: () => {
        this.controlSent += 1;
      },
    };
  }

  /**
   * Delivers `stream`'s messages (`<symbol>@trade`, `<symbol>@kline_<interval>`,
   * symbol in lower case) to `onData` until the returned function is called.
   * Throws on an unknown stream name or after close().
   */
  subscribe(stream: string, onData: (data: ParsedWsMessage) => void): () => void {
    if (this.closed) throw new Error('BinanceStreamClient is closed');
    if (parseStreamName(stream) === undefined) throw new TypeError(`not a supported Binance stream name: "${stream}"`);
    let entry = this.streams.get(stream);
    if (entry === undefined) {
      const connection = this.connectionWithRoom();
      entry = { connection, subscribers: new Set() };
      this.streams.set(stream, entry);
      connection.add(stream);
    }
    const subscriber: Subscriber = { onData };
    entry.subscribers.add(subscriber);
    return () => {
      const current = this.streams.get(stream);
      if (current === undefined || !current.subscribers.delete(subscriber)) return;
      if (current.subscribers.size > 0) return;
      this.streams.delete(stream);
      current.connection.remove(stream);
    };
  }

  /** Calls `listener` now with the current status, then on every change. */
  onStatus(listener: (status: StreamStatus) => void): () => void {
    this.statusListeners.add(listener);
    listener(this.status);
    return () => {
      this.statusListeners.delete(listener);
    };
  }

  /** After a reconnect re-subscribed some streams: the window they missed (backfill it from REST). */
  onResumed(listener: (gap: StreamGap) => void): () => void {
    this.resumedListeners.add(listener);
    return () => {
      this.resumedListeners.delete(listener);
    };
  }

  stats(): StreamStats {
    return {
      connections: this.connections.length,
      reconnects: this.reconnects,
      malformed: this.malformed.snapshot(),
      controlSent: this.controlSent,
    };
  }

  /** Closes every connection and stops every timer; the client cannot be reused. */
  close(): void {
    if (this.closed) return;
    this.closed = true;
    for (const c of this.connections) c.close();
    this.streams.clear();
    this.updateStatus();
  }

  private connectionWithRoom(): StreamConnection {
    const cap = this.settings.streamsPerConnection;
    const existing = this.connections.find((c) => c.load < cap);
    if (existing !== undefined) return existing;
    const connection = new StreamConnection(
      {
        url: `${this.options.baseUrl.replace(/\/+$/, '')}/stream`,
        now: this.now,
        log: this.log,
        timers: this.options.timers ?? GLOBAL_TIMERS,
        random: this.options.random ?? Math.random,
        settings: this.settings,
      },
      this.events,
    );
    this.connections.push(connection);
    this.updateStatus();
    return connection;
  }

  private deliver(message: ParsedWsMessage): void {
    const entry = this.streams.get(message.stream);
    if (entry === undefined) return;
    for (const subscriber of entry.subscribers) {
      try {
        subscriber.onData(message);
      } catch (err) {
        this.log.error(`binance ws: a ${message.stream} subscriber threw`, err);
      }
    }
  }

  private aggregate(): StreamState {
    if (this.closed || this.connections.length === 0) return 'closed';
    const states = this.connections.map((c) => c.state);
    if (states.includes('reconnecting')) return 'reconnecting';
    if (states.includes('connecting')) return 'connecting';
    return 'open';
  }

  private updateStatus(): void {
    const state = this.aggregate();
    if (state === this.status.state) return;
    this.status = { state, since: this.now() };
    this.emit(this.statusListeners, this.status, 'onStatus');
  }

  private emit<T>(listeners: ReadonlySet<(value: T) => void>, value: T, what: string): void {
    for (const listener of listeners) {
      try {
        listener(value);
      } catch (err) {
        this.log.error(`binance ws: an ${what} listener threw`, err);
      }
    }
  }
}
