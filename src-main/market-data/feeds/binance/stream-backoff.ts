import type { BackoffSettings } from './stream-options';

/** Exponential backoff with full jitter; a connection that stayed up `stableMs` resets it. */
export class Backoff {
  private attempt = 0;

  constructor(
    private readonly settings: BackoffSettings,
    private readonly random: () => number,
  ) {}

  /** The delay before the next attempt; `openFor` is how long the dropped socket was open (undefined: it never opened). */
  next(openFor: number | undefined): number {
    if (openFor !== undefined && openFor >= this.settings.stableMs) this.attempt = 0;
    const ceiling = Math.min(this.settings.capMs, this.settings.baseMs * 2 ** this.attempt);
    this.attempt = Math.min(this.attempt + 1, 30);
    return Math.floor(this.random() * ceiling);
  }
}
