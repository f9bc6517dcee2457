import type { Quote } from '../../../shared/trading/quote';
import type { Timer } from '../../platform/app/clock';
import type { QuoteService } from '../quotes/quote-service';

/** How long a quote subscription opened for an order stays open after it (the next order needs no wait). */
const KEEP_MS = 60_000;

/**
 * Makes sure the quote service follows an instrument before an order on it
 * is checked (the data gate and the order's value need its price): the
 * latest quote at once when someone already follows it, else the first one
 * to arrive within `waitMs` (null when none came: the data gate says so).
 */
export class QuoteWarmer {
  private readonly held = new Map<string, { stop: () => void; release: () => void }>();

  constructor(
    private readonly quotes: QuoteService,
    private readonly timer: Timer,
    private readonly waitMs: number,
  ) {}

  async ensure(source: string, symbol: string): Promise<Quote | null> {
    const key = `${source}\u0000${symbol}`;
    this.hold(key, source, symbol);
    const now = this.quotes.latest(source, symbol);
    if (now !== null) return now;
    return new Promise<Quote | null>((resolve) => {
      let done = false;
      let stopWait = (): void => undefined;
      let stopSub: (() => void) | null = null;
      const finish = (q: Quote | null): void => {
        if (done) return;
        done = true;
        stopWait();
        stopSub?.();
        resolve(q);
      };
      stopSub = this.quotes.subscribe(source, symbol, { deliver: (q) => finish(q) });
      if (done) {
        stopSub();
        return;
      }
      stopWait = this.timer(() => finish(this.quotes.latest(source, symbol)), this.waitMs);
    });
  }

  close(): void {
    for (const h of this.held.values()) {
      h.release();
      h.stop();
    }
    this.held.clear();
  }

  private hold(key: string, source: string, symbol: string): void {
    const existing = this.held.get(key);
    if (existing !== undefined) {
      existing.release();
      existing.release = this.timer(() => this.drop(key), KEEP_MS);
      return;
    }
    const stop = this.quotes.subscribe(source, symbol, { deliver: () => undefined });
    this.held.set(key, { stop, release: this.timer(() => this.drop(key), KEEP_MS) });
  }

  private drop(key: string): void {
    const h = this.held.get(key);
    if (h === undefined) return;
    this.held.delete(key);
    h.stop();
  }
}
