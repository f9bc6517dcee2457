/** A scripted answer the fake gives instead of serving the request. */
export interface FaultReply {
  readonly status: number;
  readonly headers: Readonly<Record<string, string>>;
  readonly body: unknown;
}

/**
 * Failures on command for the fake's REST (data now, trading later): each
 * applies to the next n requests, in the order rate limit, server error.
 */
export class RestFaults {
  private rateLimited: { remaining: number; headers: Record<string, string> } = { remaining: 0, headers: {} };
  private failures = { remaining: 0, status: 500 };
  /** Answers 200 with this text instead of JSON (a proxy's error page, a truncated body). */
  garbage: string | null = null;

  /**
   * The next `n` requests get 429. `retryAfterSec` sends Retry-After; `resetAt`
   * (epoch ms) sends X-RateLimit-Reset in Unix seconds; neither leaves the
   * client to its backoff.
   */
  rateLimit(n: number, wait: { readonly retryAfterSec?: number; readonly resetAt?: number } = {}): void {
    const headers: Record<string, string> = { 'x-ratelimit-limit': '200', 'x-ratelimit-remaining': '0' };
    if (wait.retryAfterSec !== undefined) headers['retry-after'] = String(wait.retryAfterSec);
    if (wait.resetAt !== undefined) headers['x-ratelimit-reset'] = String(Math.ceil(wait.resetAt / 1000));
    this.rateLimited = { remaining: n, headers };
  }

  /** The next `n` requests get `status` (a 5xx) with Alpaca's error body. */
  fail(n: number, status = 500): void {
    this.failures = { remaining: n, status };
  }

  clear(): void {
    this.rateLimited = { remaining: 0, headers: {} };
    this.failures = { remaining: 0, status: 500 };
    this.garbage = null;
  }

  /** The fault for the request arriving now, if any (consumes one). */
  take(): FaultReply | undefined {
    if (this.rateLimited.remaining > 0) {
      this.rateLimited.remaining--;
      return { status: 429, headers: this.rateLimited.headers, body: { code: 42910000, message: 'rate limit exceeded' } };
    }
    if (this.failures.remaining > 0) {
      this.failures.remaining--;
      return { status: this.failures.status, headers: {}, body: { code: 50010000, message: 'internal server error occurred' } };
    }
    return undefined;
  }
}
