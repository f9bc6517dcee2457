/** Reads a response header by (lower-case) name. */
export type HeaderReader = (name: string) => string | undefined;

/**
 * How long to wait after a 429 (or an exhausted budget), in ms: Retry-After
 * (seconds, or an HTTP date) when given, else until X-RateLimit-Reset (Unix
 * seconds), else `fallbackMs`; never negative, never more than `capMs`.
 */
export function rateLimitWaitMs(header: HeaderReader, now: number, fallbackMs: number, capMs: number): number {
  const clamp = (ms: number): number => Math.min(capMs, Math.max(0, Math.ceil(ms)));
  const retryAfter = header('retry-after')?.trim();
  if (retryAfter !== undefined && retryAfter !== '') {
    if (/^\d+(\.\d+)?$/.test(retryAfter)) return clamp(Number(retryAfter) * 1000);
    const when = Date.parse(retryAfter);
    if (Number.isFinite(when)) return clamp(when - now);
  }
  const reset = header('x-ratelimit-reset')?.trim();
  if (reset !== undefined && /^\d{1,12}$/.test(reset)) return clamp(Number(reset) * 1000 - now);
  return clamp(fallbackMs);
}
