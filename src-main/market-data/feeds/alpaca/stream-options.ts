import type { Logger } from '../../../platform/rpc';
import type { AuthLatch } from './auth-latch';
import type { AlpacaCredentials } from './credentials';
import type { WsFailureKind } from './parse-ws';

/** The timer functions the stream uses (tests may pass fakes; `now` must then agree with them). */
export interface StreamTimers {
  setTimeout(fn: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
}

export const GLOBAL_TIMERS: StreamTimers = {
  setTimeout: (fn, ms) => setTimeout(fn, ms),
  clearTimeout: (handle) => {
    clearTimeout(handle as ReturnType<typeof setTimeout>);
  },
};

export interface BackoffSettings {
  readonly baseMs: number;
  readonly capMs: number;
  /** A connection that stayed up this long resets the backoff. */
  readonly stableMs: number;
}

export interface AlpacaStreamClientOptions {
  /** The stock stream's full URL, e.g. wss://stream.data.alpaca.markets/v2/iex. */
  readonly url: string;
  /** The keys (or null), asked before each connection. */
  readonly keys: () => Promise<AlpacaCredentials | null>;
  /** Why there are no keys (the stream's problem while there are none). */
  readonly missingKeys: string;
  readonly auth: AuthLatch;
  readonly now: () => number;
  readonly log: Logger;
  readonly timers?: StreamTimers;
  /** Uniform [0, 1) for backoff jitter (default Math.random). */
  readonly random?: () => number;
  /** Reconnect delay after a drop: random() * min(capMs, baseMs * 2^attempt). */
  readonly backoff?: Partial<BackoffSettings>;
  /** Reconnect delay after error 406 (another client holds the account's one connection): longer. */
  readonly connectionLimitBackoff?: Partial<BackoffSettings>;
  /** A ping goes out this often; a socket that has not answered the previous one is dropped (default 20 s). */
  readonly pingIntervalMs?: number;
  /** From connect to "authenticated" at most this long (default 15 s). */
  readonly handshakeTimeoutMs?: number;
}

export interface StreamSettings {
  readonly backoff: BackoffSettings;
  readonly limitBackoff: BackoffSettings;
  readonly pingIntervalMs: number;
  readonly handshakeTimeoutMs: number;
}

export function resolveSettings(o: AlpacaStreamClientOptions): StreamSettings {
  return {
    backoff: { baseMs: 500, capMs: 30_000, stableMs: 60_000, ...o.backoff },
    limitBackoff: { baseMs: 15_000, capMs: 5 * 60_000, stableMs: 60_000, ...o.connectionLimitBackoff },
    pingIntervalMs: o.pingIntervalMs ?? 20_000,
    handshakeTimeoutMs: o.handshakeTimeoutMs ?? 15_000,
  };
}

/**
 * `idle`: no connection wanted yet; `failed`: will not connect (no keys,
 * refused keys, a plan without this feed) until the keys change.
 */
export type StreamState = 'idle' | 'connecting' | 'open' | 'reconnecting' | 'failed' | 'closed';

export interface StreamStatus {
  readonly state: StreamState;
  /** Why it is not plainly open: "authentication failed", "connection limit exceeded …", the missing keys. */
  readonly problem: string | null;
  readonly since: number;
}

/** A window during which `symbols` received nothing: backfill [from, to] from REST. */
export interface StreamGap {
  readonly from: number;
  readonly to: number;
  readonly symbols: readonly string[];
}

export interface StreamStats {
  /** Sockets opened (handshakes started). */
  readonly connects: number;
  readonly reconnects: number;
  readonly malformed: Readonly<Record<WsFailureKind, number>>;
  /** Documented messages Tapedeck does not use (daily bars, statuses, …). */
  readonly ignored: number;
  readonly subscribeMessages: number;
  readonly unsubscribeMessages: number;
  /** Error messages from the server, by code. */
  readonly errors: Readonly<Record<number, number>>;
}
