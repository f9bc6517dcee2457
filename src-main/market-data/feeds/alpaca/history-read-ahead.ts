import type { Bar } from '../../../../shared/domain/bar';
import { DAY_MS, MINUTE_MS } from '../../../../shared/domain/interval';

/** How far past the asked range one fetch reads: about 10,000 minutes with extended hours (one page). */
export const READ_AHEAD_MS = 14 * DAY_MS;
/** A read-ahead window is reused this long, then fetched again. */
const TTL_MS = 5 * 60_000;
/** Windows held at once (one per symbol being filled); the oldest goes first. */
const MAX_WINDOWS = 8;

interface Window {
  readonly from: number;
  readonly to: number;
  /** Every bar of [from, to) at `fetchedAt`, sorted. */
  readonly bars: readonly Bar[];
  readonly fetchedAt: number;
}

/**
 * The history filler asks for a stock's missing bars one session at a time
 * (390 minutes); Alpaca answers up to 10,000 bars a request and allows 200
 * requests a minute. So one fetch reads two weeks ahead (never past now) and
 * the sessions after it are answered from that window: a year of 1m history
 * is ~26 requests, not ~252. Only ranges that had closed when the window was
 * fetched are answered from it; anything newer goes to Alpaca again.
 */
export class HistoryReadAhead {
  private readonly windows = new Map<string, Window>();

  constructor(
    private readonly fetch: (symbol: string, from: number, to: number) => Promise<Bar[]>,
    private readonly now: () => number,
    /** Bars must have closed this long before a fetch to be trusted later. */
    private readonly finalityMarginMs: number,
  ) {}

  async bars(symbol: string, from: number, to: number): Promise<Bar[]> {
    const now = this.now();
    const held = this.windows.get(symbol);
    if (held !== undefined && now - held.fetchedAt < TTL_MS && from >= held.from && to <= held.to && to <= held.fetchedAt - this.finalityMarginMs - MINUTE_MS) {
      return held.bars.filter((b) => b.time >= from && b.time < to);
    }
    const end = Math.max(to, Math.min(from + READ_AHEAD_MS, now - (now % MINUTE_MS)));
    const bars = await this.fetch(symbol, from, end);
    if (end > to) this.keep(symbol, { from, to: end, bars, fetchedAt: now });
    return end > to ? bars.filter((b) => b.time < to) : bars;
  }

  private keep(symbol: string, window: Window): void {
    this.windows.delete(symbol);
    for (const [s, w] of this.windows) if (window.fetchedAt - w.fetchedAt >= TTL_MS) this.windows.delete(s);
    while (this.windows.size >= MAX_WINDOWS) {
      const oldest = this.windows.keys().next().value;
      if (oldest === undefined) break;
      this.windows.delete(oldest);
    }
    this.windows.set(symbol, window);
  }

  /** Forgets every window (the keys or the feed changed). */
  clear(): void {
    this.windows.clear();
  }
}
