/**
 * Where Tapedeck reaches Alpaca's trading API: the REST host for orders,
 * positions and the account, and the trade_updates stream. Paper only: a
 * URL on Alpaca's live host is refused wherever one is read or used, so
 * nothing in Tapedeck can place a live order (PROTOCOLS.md "Alpaca":
 * paper https://paper-api.alpaca.markets, live https://api.alpaca.markets).
 */
export interface AlpacaTradingEndpoints {
  /** Trading REST base, e.g. https://paper-api.alpaca.markets (tests: a fake on 127.0.0.1). */
  readonly tradingUrl: string;
  /** The trade_updates stream's full URL, e.g. wss://paper-api.alpaca.markets/stream. */
  readonly streamUrl: string;
}

export const ALPACA_PAPER_TRADING_URL = 'https://paper-api.alpaca.markets';
export const ALPACA_PAPER_STREAM_URL = 'wss://paper-api.alpaca.markets/stream';

export const ALPACA_TRADING_DEFAULTS: AlpacaTradingEndpoints = { tradingUrl: ALPACA_PAPER_TRADING_URL, streamUrl: ALPACA_PAPER_STREAM_URL };

const PAPER_HOST = 'paper-api.alpaca.markets';
const ALPACA_DOMAIN = 'alpaca.markets';

/** Thrown at start-up (and by any trading client given such a URL): Tapedeck trades Alpaca's paper accounts only. */
export class LiveTradingRefusedError extends Error {
  override readonly name = 'LiveTradingRefusedError';
}

/**
 * The host of `url` when it is one of Alpaca's trading hosts other than the
 * paper one (api.alpaca.markets, or any other *.alpaca.markets name a
 * trading URL could point at), else null. Data hosts are not trading URLs:
 * the caller asks only of the trading and trade-stream URLs.
 */
function nonPaperAlpacaHost(url: string): string | null {
  let host: string;
  try {
    host = new URL(url).hostname.toLowerCase().replace(/\.+$/, '');
  } catch {
    return null;
  }
  if (host === PAPER_HOST) return null;
  return host === ALPACA_DOMAIN || host.endsWith(`.${ALPACA_DOMAIN}`) ? host : null;
}

/**
 * Refuses a trading or trade-stream URL on Alpaca's live host (or any
 * alpaca.markets host but paper-api): `what` names where it came from (the
 * environment variable) so the message says what to change.
 */
export function assertPaperEndpoint(url: string, what: string): void {
  const host = nonPaperAlpacaHost(url);
  if (host === null) return;
  throw new LiveTradingRefusedError(
    `${what} points at ${host}: Tapedeck trades Alpaca paper accounts only and refuses Alpaca's live trading host; use ${PAPER_HOST} (or leave ${what} unset)`,
  );
}

/** Both endpoints checked; returns them unchanged. */
export function paperEndpoints(endpoints: AlpacaTradingEndpoints): AlpacaTradingEndpoints {
  assertPaperEndpoint(endpoints.tradingUrl, 'TAPEDECK_ALPACA_TRADING_URL');
  assertPaperEndpoint(endpoints.streamUrl, 'TAPEDECK_ALPACA_STREAM_URL');
  return endpoints;
}
