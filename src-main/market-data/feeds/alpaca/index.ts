/** Alpaca market data (US stocks): the feed, its configuration and key sources. Venue formats stay inside this folder. */
export { AlpacaFeed, type AlpacaFeedOptions, type AlpacaFeedTuning } from './alpaca-feed';
export { alpacaInstruments, US_STOCK_SYMBOL } from './alpaca-instruments';
export { AlpacaApiError, AlpacaAuthError, AlpacaError, AlpacaNoKeysError, AlpacaParseError, AlpacaRateLimitedError, AlpacaUnavailableError } from './alpaca-errors';
export { ALPACA_DEFAULTS, ALPACA_LIMITS, alpacaStreamUrl, type AlpacaAdjustment, type AlpacaConfig, type AlpacaDataFeed } from './config';
export {
  AlpacaKeys,
  envCredentials,
  noCredentials,
  scrub,
  staticCredentials,
  type AlpacaCredentials,
  type AlpacaCredentialsSource,
} from './credentials';
export { AlpacaRestClient, type AlpacaRestClientOptions } from './http-client';
