/** A scripted failure the fake answers with instead of serving the request. */
export interface FaultResponse {
  readonly status: number;
  readonly retryAfterSec?: number;
  readonly body: { readonly code: number; readonly msg: string };
}

/**
 * Faults the test injects on command. A ban lasts on the fake's clock (every
 * request until it ends gets 418, as on Binance); rate limits and failures
 * apply to the next n requests.
 */
export class RestFaults {
  private rateLimited = { remaining: 0, retryAfterSec: 0 };
  private failures = 0;
  private bannedUntil = Number.NEGATIVE_INFINITY;
  /** Answers without the x-mbx-used-weight-1m header (a proxy that strips it). */
  omitWeightHeader = false;

  constructor(private readonly now: () => number) {}

  /** The next `n` requests get 429 with Retry-After: `retryAfterSec`. */
  rateLimit(n: number, retryAfterSec: number): void {
    this.rateLimited = { remaining: n, retryAfterSec };
  }

  /** From now on, every request gets 418 until `retryAfterSec` have passed on the fake's clock. */
  ban(retryAfterSec: number): void {
    this.bannedUntil = this.now() + retryAfterSec * 1000;
  }

  /** The next `n` requests get HTTP 500. */
  fail(n: number): void {
    this.failures = n;
  }

  clear(): void {
    this.rateLimited = { remaining: 0, retryAfterSec: 0 };
    this.failures = 0;
    this.bannedUntil = Number.NEGATIVE_INFINITY;
    this.omitWeightHeader = false;
  }

  /** The fault for the request arriving now, if any (consumes one of a counted fault). */
  take(): FaultResponse | undefined {
    const now = this.now();
    if (now < this.bannedUntil) {
      const retryAfterSec = Math.ceil((this.bannedUntil - now) / 1000);
      return { status: 418, retryAfterSec, body: { code: -1003, msg: `Way too many requests; IP banned until ${String(this.bannedUntil)}.` } };
    }
    if (this.rateLimited.remaining > 0) {
      this.rateLimited.remaining--;
      return { status: 429, retryAfterSec: this.rateLimited.retryAfterSec, body: { code: -1003, msg: 'Too many requests.' } };
    }
    if (this.failures > 0) {
      this.failures--;
      return { status: 500, body: { code: -1000, msg: 'An unknown error occurred while processing the request.' } };
    }
    return undefined;
  }
}
