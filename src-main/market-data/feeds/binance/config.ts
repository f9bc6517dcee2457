/**
 * Binance Spot public market data (no keys). Facts from the venue's docs,
 * as recorded in ../shared/design/PROTOCOLS.md.
 */
export interface BinanceConfig {
  /** REST base, e.g. https://data-api.binance.vision (tests: a fake on 127.0.0.1). */
  readonly restBaseUrl: string;
  /** WebSocket base for combined streams, e.g. wss://data-stream.binance.vision (tests: ws://127.0.0.1:PORT). */
  readonly wsBaseUrl: string;
  /** Binance Vision bulk files, e.g. https://data.binance.vision. */
  readonly visionBaseUrl: string;
}

export const BINANCE_DEFAULTS: BinanceConfig = {
  restBaseUrl: 'https://data-api.binance.vision',
  wsBaseUrl: 'wss://data-stream.binance.vision',
  visionBaseUrl: 'https://data.binance.vision',
};

export const BINANCE_LIMITS = {
  /** klines per request (max 1000). */
  klinesPerRequest: 1000,
  /** Request weight of one /api/v3/klines call. */
  klinesWeight: 2,
  /** Request weight of /api/v3/exchangeInfo (all symbols). */
  exchangeInfoWeight: 20,
  /** REQUEST_WEIGHT per minute per IP. */
  weightPerMinute: 6000,
  /** Incoming messages per second per WebSocket connection (control messages and pongs count). */
  wsMessagesPerSecond: 5,
  /** Streams per WebSocket connection. */
  streamsPerConnection: 1024,
  /** A subscribed socket silent this long is considered dead. */
  silentSocketMs: 30_000,
  /** Binance closes every connection after 24 hours. */
  maxConnectionMs: 24 * 60 * 60_000,
} as const;
