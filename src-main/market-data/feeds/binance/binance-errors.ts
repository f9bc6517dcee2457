/**
 * Everything the Binance REST client can throw. Callers branch on the class:
 * a ban or an API error is not worth retrying, an unavailable venue may be.
 */
export abstract class BinanceError extends Error {
  override readonly name: string = 'BinanceError';
}

/** A 4xx answered with Binance's error body, e.g. {"code":-1121,"msg":"Invalid symbol."}. */
export class BinanceApiError extends BinanceError {
  override readonly name = 'BinanceApiError';

  constructor(
    readonly status: number,
    readonly code: number,
    readonly msg: string,
  ) {
    super(`Binance rejected the request: HTTP ${String(status)}, code ${String(code)}: ${msg}`);
  }
}

/**
 * HTTP 418: the IP is banned until `until` (UTC ms). The client refuses every
 * request until then without sending it (another request would extend the ban).
 */
export class BinanceBannedError extends BinanceError {
  override readonly name = 'BinanceBannedError';

  constructor(readonly until: number) {
    super(`Binance banned this IP (HTTP 418) until ${new Date(until).toISOString()}`);
  }
}

/** HTTP 429 kept coming after every Retry-After was honoured. */
export class BinanceRateLimitedError extends BinanceError {
  override readonly name = 'BinanceRateLimitedError';

  constructor(
    readonly path: string,
    readonly attempts: number,
  ) {
    super(`Binance kept answering HTTP 429 to ${path} after ${String(attempts)} attempts`);
  }
}

/** Network failure, timeout, 5xx or a 4xx without Binance's error body: the venue could not answer. */
export class BinanceUnavailableError extends BinanceError {
  override readonly name = 'BinanceUnavailableError';

  constructor(
    message: string,
    /** The HTTP status when there was a response. */
    readonly status?: number,
    options?: ErrorOptions,
  ) {
    super(message, options);
  }
}

/** A 2xx body that is not what Binance documents. `index`/`field` locate a bad kline row. */
export class BinanceParseError extends BinanceError {
  override readonly name = 'BinanceParseError';

  constructor(
    message: string,
    readonly index?: number,
    readonly field?: string,
  ) {
    super(message);
  }
}
