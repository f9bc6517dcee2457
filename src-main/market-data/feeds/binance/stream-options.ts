import type { Logger } from '../../../platform/rpc';
import type { WsFailureKind } from './parse-ws';
import { BINANCE_LIMITS } from './config';

/** The timer functions the client uses (tests may pass fakes; `now` must then agree with them). */
export interface StreamTimers {
  setTimeout(fn: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
  setInterval(fn: () => void, ms: number): unknown;
  clearInterval(handle: unknown): void;
}

export const GLOBAL_TIMERS: StreamTimers = {
  setTimeout: (fn, ms) => setTimeout(fn, ms),
  clearTimeout: (handle) => {
    clearTimeout(handle as ReturnType<typeof setTimeout>);
  },
  setInterval: (fn, ms) => setInterval(fn, ms),
  clearInterval: (handle) => {
    clearInterval(handle as ReturnType<typeof setInterval>);
  },
};

export interface BinanceStreamClientOptions {
  /** WebSocket base, e.g. wss://data-stream.binance.vision; the client connects to `${baseUrl}/stream`. */
  readonly baseUrl: string;
  readonly now: () => number;
  readonly log: Logger;
  /** Uniform [0, 1) for backoff jitter (default Math.random). */
  readonly random?: () => number;
  readonly timers?: StreamTimers;
  /** Streams per connection before another one is opened (Binance: 1024). */
  readonly streamsPerConnection?: number;
  /** A socket with live subscriptions and no message for this long is replaced (default 30 s). */
  readonly silentSocketMs?: number;
  /** Binance ends a connection after 24 h; the client replaces it `renewBeforeMs` earlier (default 5 min). */
  readonly maxConnectionMs?: number;
  readonly renewBeforeMs?: number;
  /**
   * Control messages per second per connection (at most 5), sent evenly spaced 10% wider than
   * 1000/n ms. Binance allows 5 incoming messages/s and counts pongs; ws answers pings itself
   * (autoPong), outside this queue, so the default of 4 leaves one slot for a pong in any second.
   */
  readonly controlPerSecond?: number;
  /** Stream names per SUBSCRIBE/UNSUBSCRIBE message (default 200). */
  readonly maxParamsPerMessage?: number;
  /** A control message without a reply after this long counts as refused (default 10 s). */
  readonly ackTimeoutMs?: number;
  /** Refused (un)subscriptions are retried after this long (default 5 s). */
  readonly retryFailedMs?: number;
  /** Reconnect delay: random() * min(capMs, baseMs * 2^attempt); attempts reset after `stableMs` open. */
  readonly backoff?: Partial<BackoffSettings>;
}

export interface BackoffSettings {
  readonly baseMs: number;
  readonly capMs: number;
  readonly stableMs: number;
}

export interface StreamSettings {
  readonly streamsPerConnection: number;
  readonly silentSocketMs: number;
  readonly renewAfterMs: number;
  readonly controlIntervalMs: number;
  readonly maxParamsPerMessage: number;
  readonly ackTimeoutMs: number;
  readonly retryFailedMs: number;
  readonly backoff: BackoffSettings;
}

/** Spacing is stretched 10% so that network jitter cannot squeeze one more message into Binance's one-second window. */
const JITTER_MARGIN = 1.1;

export function resolveSettings(o: BinanceStreamClientOptions): StreamSettings {
  const maxConnectionMs = o.maxConnectionMs ?? BINANCE_LIMITS.maxConnectionMs;
  const renewBeforeMs = o.renewBeforeMs ?? 5 * 60_000;
  const perSecond = o.controlPerSecond ?? BINANCE_LIMITS.wsMessagesPerSecond - 1;
  return {
    streamsPerConnection: Math.max(1, o.streamsPerConnection ?? BINANCE_LIMITS.streamsPerConnection),
    silentSocketMs: o.silentSocketMs ?? BINANCE_LIMITS.silentSocketMs,
    renewAfterMs: Math.max(1000, maxConnectionMs - renewBeforeMs),
    controlIntervalMs: Math.ceil((1000 / Math.min(Math.max(perSecond, 0.1), BINANCE_LIMITS.wsMessagesPerSecond)) * JITTER_MARGIN),
    maxParamsPerMessage: Math.max(1, o.maxParamsPerMessage ?? 200),
    ackTimeoutMs: o.ackTimeoutMs ?? 10_000,
    retryFailedMs: o.retryFailedMs ?? 5_000,
    backoff: { baseMs: 500, capMs: 30_000, stableMs: 60_000, ...o.backoff },
  };
}

export type StreamState = 'connecting' | 'open' | 'reconnecting' | 'closed';

/** The client's state over all its connections: reconnecting while any of them is down. */
export interface StreamStatus {
  readonly state: StreamState;
  readonly since: number;
}

/** A window during which `streams` received nothing: backfill [from, to] from REST. */
export interface StreamGap {
  readonly from: number;
  readonly to: number;
  readonly streams: readonly string[];
}

export interface StreamStats {
  readonly connections: number;
  readonly reconnects: number;
  readonly malformed: Readonly<Record<WsFailureKind, number>>;
  readonly controlSent: number;
}
