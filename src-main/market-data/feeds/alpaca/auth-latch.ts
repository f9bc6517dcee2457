/**
 * Set once Alpaca refused the keys (REST 401/403, stream error 402): from then
 * on nothing is sent with them, so a wrong or expired key costs one request,
 * not a retry storm. Cleared only when the keys change.
 */
export class AuthLatch {
  private why: string | null = null;
  private readonly listeners = new Set<(reason: string) => void>();

  /** The reason the keys were refused, or null while they are not known to be bad. */
  get failure(): string | null {
    return this.why;
  }

  /** The first refusal wins; listeners hear of it once. */
  fail(reason: string): void {
    if (this.why !== null) return;
    this.why = reason;
    for (const listener of [...this.listeners]) listener(reason);
  }

  reset(): void {
    this.why = null;
  }

  onFail(listener: (reason: string) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }
}

/** The one reason shown for refused keys, whatever the channel that found out. */
export const AUTH_FAILED = 'authentication failed';
