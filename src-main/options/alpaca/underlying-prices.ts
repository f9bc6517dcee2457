import type { Feed, Unsubscribe } from '../../market-data/feeds/feed';

/**
 * Live prices of the underlyings Alpaca's chain is asked about, from the
 * stock stream of the Alpaca feed: the quote's mid (the last print until a
 * quote comes). A symbol is followed from the first time it is asked for
 * until close().
 */
export class UnderlyingPrices {
  private readonly last = new Map<string, number>();
  private readonly listeners = new Map<string, Set<(price: number) => void>>();
  private readonly stops: Unsubscribe[] = [];
  private readonly followed = new Set<string>();

  constructor(private readonly feed: Pick<Feed, 'subscribeTrades' | 'subscribeQuotes'>) {}

  price(symbol: string): number | null {
    this.follow(symbol);
    return this.last.get(symbol) ?? null;
  }

  watch(symbol: string, listener: (price: number) => void): () => void {
    this.follow(symbol);
    const set = this.listeners.get(symbol) ?? new Set();
    set.add(listener);
    this.listeners.set(symbol, set);
    return () => set.delete(listener);
  }

  close(): void {
    for (const stop of this.stops.splice(0)) stop();
    this.followed.clear();
  }

  private follow(symbol: string): void {
    if (this.followed.has(symbol)) return;
    this.followed.add(symbol);
    let quoted = false;
    this.stops.push(
      this.feed.subscribeTrades(symbol, (t) => {
        if (!quoted) this.set(symbol, t.price);
      }),
    );
    const quotes = this.feed.subscribeQuotes?.(symbol, (q) => {
      if (!(q.bid > 0) || !(q.ask >= q.bid)) return;
      quoted = true;
      this.set(symbol, Math.round(((q.bid + q.ask) / 2) * 10_000) / 10_000);
    });
    if (quotes !== undefined) this.stops.push(quotes);
  }

  private set(symbol: string, price: number): void {
    if (this.last.get(symbol) === price) return;
    this.last.set(symbol, price);
    for (const l of this.listeners.get(symbol) ?? []) l(price);
  }
}
