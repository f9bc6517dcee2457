/**
 * Alpaca market data (US stocks): the REST host for history and the stock
 * stream for live trades, quotes and minute bars. Facts from Alpaca's docs,
 * as recorded in ../shared/design/PROTOCOLS.md ("Alpaca").
 */

/** Which consolidated tape the account's plan allows: `iex` (free) or `sip` (paid, every US exchange). */
export type AlpacaDataFeed = 'iex' | 'sip';
export const ALPACA_DATA_FEEDS: readonly AlpacaDataFeed[] = ['iex', 'sip'];

/** Corporate-action adjustment of historical bars; `raw` keeps the prices as traded (what the live stream sends). */
export type AlpacaAdjustment = 'raw' | 'split' | 'dividend' | 'all';
export const ALPACA_ADJUSTMENTS: readonly AlpacaAdjustment[] = ['raw', 'split', 'dividend', 'all'];

export interface AlpacaConfig {
  /** Market-data REST base, e.g. https://data.alpaca.markets (tests: a fake on 127.0.0.1). */
  readonly dataUrl: string;
  /** The stock stream's full URL, e.g. wss://stream.data.alpaca.markets/v2/iex (tests: ws://127.0.0.1:PORT/v2/iex). */
  readonly dataStreamUrl: string;
  readonly feed: AlpacaDataFeed;
  readonly adjustment: AlpacaAdjustment;
  /** Symbols listed besides the defaults (TAPEDECK_ALPACA_SYMBOLS, or the one a CLI command names). */
  readonly symbols: readonly string[];
}

export const ALPACA_DATA_URL = 'https://data.alpaca.markets';
const ALPACA_DATA_STREAM_HOST = 'wss://stream.data.alpaca.markets';

/** The documented stream endpoint of a feed: `wss://stream.data.alpaca.markets/v2/{feed}`. */
export function alpacaStreamUrl(feed: AlpacaDataFeed): string {
  return `${ALPACA_DATA_STREAM_HOST}/v2/${feed}`;
}

export const ALPACA_DEFAULTS: AlpacaConfig = {
  dataUrl: ALPACA_DATA_URL,
  dataStreamUrl: alpacaStreamUrl('iex'),
  feed: 'iex',
  adjustment: 'raw',
  symbols: [],
};

export const ALPACA_LIMITS = {
  /** Bars per page of GET /v2/stocks/{symbol}/bars (the documented maximum). */
  barsPerPage: 10_000,
  /** Requests per minute per account on the free plan (Alpaca answers 429 beyond it). */
  requestsPerMinute: 200,
  /** Alpaca's historical stock data begins in 2016; asking from here finds a symbol's first bar. */
  dataStart: Date.UTC(2015, 11, 1),
  /** Connections per account to one stream endpoint on most plans (a second one gets error 406). */
  streamConnections: 1,
  /** The stream closes a connection that has not authenticated within this long. */
  authWindowMs: 10_000,
} as const;
