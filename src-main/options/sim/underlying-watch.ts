import type { Ticker } from '../../platform/app/clock';

/** How often a watched underlying's price is looked at: the sim releases its prints every 250 ms. */
export const UNDERLYING_POLL_MS = 250;

interface Watched {
  readonly listeners: Set<(price: number) => void>;
  last: number | null;
  stop: () => void;
}

/**
 * Tells listeners when an underlying's price changes, looking at it every
 * UNDERLYING_POLL_MS while anyone listens (one poll per underlying however
 * many listen).
 */
export class UnderlyingWatch {
  private readonly watched = new Map<string, Watched>();

  constructor(
    private readonly priceOf: (underlying: string) => number | null,
    private readonly ticker: Ticker,
  ) {}

  on(underlying: string, listener: (price: number) => void): () => void {
    let w = this.watched.get(underlying);
    if (w === undefined) {
      const created: Watched = { listeners: new Set(), last: this.priceOf(underlying), stop: () => undefined };
      created.stop = this.ticker(() => this.poll(underlying, created), UNDERLYING_POLL_MS);
      this.watched.set(underlying, created);
      w = created;
    }
    const owner = w;
    owner.listeners.add(listener);
    return () => {
      if (!owner.listeners.delete(listener) || owner.listeners.size > 0) return;
      owner.stop();
      if (this.watched.get(underlying) === owner) this.watched.delete(underlying);
    };
  }

  close(): void {
    for (const w of this.watched.values()) w.stop();
    this.watched.clear();
  }

  private poll(underlying: string, w: Watched): void {
    const price = this.priceOf(underlying);
    if (price === null || price === w.last) return;
    w.last = price;
    for (const listener of [...w.listeners]) listener(price);
  }
}
