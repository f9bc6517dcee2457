import { AUTH_FAILED } from './auth-latch';

/**
 * Everything the Alpaca clients throw. No message ever carries a key: they
 * are built from fixed words, HTTP statuses and Alpaca's own (scrubbed)
 * `message`, and never wrap the HTTP library's error (whose config holds the
 * request headers).
 */
export abstract class AlpacaError extends Error {
  override readonly name: string = 'AlpacaError';
}

/** No keys configured: nothing can be asked of Alpaca. */
export class AlpacaNoKeysError extends AlpacaError {
  override readonly name = 'AlpacaNoKeysError';
}

/** Alpaca refused the keys (HTTP 401/403, stream error 402); nothing more is sent with them. */
export class AlpacaAuthError extends AlpacaError {
  override readonly name = 'AlpacaAuthError';

  constructor(readonly status?: number) {
    super(status === undefined ? AUTH_FAILED : `${AUTH_FAILED} (HTTP ${String(status)})`);
  }
}

/** A 4xx with Alpaca's error body, e.g. {"code":40010001,"message":"invalid symbol: ZZZZ"}; the message is Alpaca's. */
export class AlpacaApiError extends AlpacaError {
  override readonly name = 'AlpacaApiError';

  constructor(
    readonly status: number,
    readonly code: number | null,
    readonly alpacaMessage: string,
  ) {
    super(`Alpaca: ${alpacaMessage} (HTTP ${String(status)}${code === null ? '' : `, code ${String(code)}`})`);
  }
}

/** HTTP 429 kept coming after every wait Alpaca asked for was honoured. */
export class AlpacaRateLimitedError extends AlpacaError {
  override readonly name = 'AlpacaRateLimitedError';

  constructor(
    readonly path: string,
    readonly attempts: number,
  ) {
    super(`Alpaca kept answering HTTP 429 to ${path} after ${String(attempts)} attempts`);
  }
}

/** Network failure, timeout, 5xx (after its retries) or a 4xx without Alpaca's body: Alpaca could not answer. */
export class AlpacaUnavailableError extends AlpacaError {
  override readonly name = 'AlpacaUnavailableError';

  constructor(
    message: string,
    readonly status?: number,
  ) {
    super(message);
  }
}

/** A 2xx body that is not what Alpaca documents; `index`/`field` locate a bad bar. */
export class AlpacaParseError extends AlpacaError {
  override readonly name = 'AlpacaParseError';

  constructor(
    message: string,
    readonly index?: number,
    readonly field?: string,
  ) {
    super(message);
  }
}
