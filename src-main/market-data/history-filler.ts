import type { HistoryProgress } from '../../shared/contract';
import type { Bar } from '../../shared/domain/bar';
import type { EpochMs } from '../../shared/domain/epoch';
import { MINUTE_MS } from '../../shared/domain/interval';
import type { MarketKind } from '../../shared/market/market-kind';
import { emptySlots, type Span } from '../../shared/market/slots';
import type { Clock } from '../platform/app/clock';
import type { Feed } from './feeds/feed';
import type { Logger } from '../platform/rpc';
import type { BarStore, BarVoids, SeriesKey } from '../platform/store';
import { columnsFromBarsSorted } from './column-overlay';
import type { LoadFailure } from './coverage-report';

/** Minutes asked of the venue per step: ten 1,000-bar pages, then progress is reported. */
const STEP_MINUTES = 10_000;
/** A minute the venue answered without is only taken as empty once it is this old (the venue may still be writing it). */
const SETTLE_MS = 5 * MINUTE_MS;

export interface FillTarget {
  readonly feed: Feed;
  readonly key: SeriesKey;
  readonly market: MarketKind;
  /** The source's first bar, when known: nothing before it is asked for. */
  readonly start: number | null;
}

/**
 * Completes a stored venue series (1m) over a range: finds the store's empty
 * slots, leaves out spans already known empty (bar_voids), and fetches the
 * rest from the venue in steps, storing each step in its own transaction and
 * handing it to the live series. A span the venue answered without bars (and
 * that has settled) is recorded as a venue gap, so it is never asked again.
 * One fill per series at a time: a second caller waits for the first and then
 * finds the range (nearly) complete. A failed step ends the fill; the failure
 * is returned for the reply's coverage, and the next read tries again.
 */
export class HistoryFiller {
  private readonly running = new Map<string, Promise<unknown>>();
  private readonly listeners = new Set<(p: HistoryProgress) => void>();

  constructor(
    private readonly store: BarStore,
    private readonly voids: BarVoids,
    private readonly clock: Clock,
    private readonly log: Logger,
    /** Hands fetched bars to the open live series of (source, symbol), if any. */
    private readonly toLive: (source: string, symbol: string, bars: readonly Bar[]) => void,
  ) {}

  onProgress(listener: (p: HistoryProgress) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** Fills [from, to) of the target's series; resolves with the spans that could not be loaded. */
  async ensure(target: FillTarget, from: number, to: number): Promise<LoadFailure[]> {
    const id = `${target.key.source}\u0000${target.key.symbol}`;
    const before = this.running.get(id) ?? Promise.resolve();
    const mine = before.then(
      () => this.fill(target, from, to),
      () => this.fill(target, from, to),
    );
    this.running.set(id, mine);
    try {
      return await mine;
    } finally {
      if (this.running.get(id) === mine) this.running.delete(id);
    }
  }

  private async fill(target: FillTarget, from: number, to: number): Promise<LoadFailure[]> {
    const { feed, key, market } = target;
    const now = this.clock.now();
    const lo = Math.max(from, target.start ?? from);
    const hi = Math.min(to, now - (now % MINUTE_MS));
    if (hi <= lo) return [];
    const todo = this.toFetch(target, lo, hi);
    const total = todo.reduce((sum, s) => sum + (s.to - s.from), 0);
    if (total === 0) return [];
    let done = 0;
    let loaded = 0;
    this.emit(key, lo, hi, 0, 0, 'loading', null);
    for (const span of todo) {
      for (let a = span.from; a < span.to; a += STEP_MINUTES * MINUTE_MS) {
        const b = Math.min(span.to, a + STEP_MINUTES * MINUTE_MS);
        let bars: readonly Bar[];
        try {
          bars = await feed.history(key.symbol, a, b);
        } catch (err) {
          const message = err instanceof Error ? err.message : String(err);
          this.log.warn(`${key.source}:${key.symbol}: history ${new Date(a).toISOString()}..${new Date(b).toISOString()} not loaded: ${message}`);
          this.emit(key, lo, hi, done / total, loaded, 'failed', message);
          return [{ from: a, to: span.to, message }];
        }
        const finals = bars.filter((x) => x.final && x.time >= a && x.time < b);
        if (finals.length > 0) {
          this.store.upsert(key, market, columnsFromBarsSorted(finals), 'fill');
          this.toLive(key.source, key.symbol, finals);
        }
        this.noteVenueGaps(target, finals, a, Math.min(b, this.clock.now() - SETTLE_MS));
        loaded += finals.length;
        done += b - a;
        this.emit(key, lo, hi, done / total, loaded, 'loading', null);
      }
    }
    this.emit(key, lo, hi, 1, loaded, 'done', null);
    return [];
  }

  /** The store's empty slots in [from, to) less the spans known empty. */
  private toFetch(target: FillTarget, from: number, to: number): Span[] {
    const have = this.store.range(target.key, from, to);
    const known = this.voids.list(target.key, from, to);
    const out: Span[] = [];
    for (const gap of emptySlots(target.market, '1m', have.time, from, to)) {
      let a = gap.from;
      for (const v of known) {
        if (v.to <= a || v.from >= gap.to) continue;
        if (v.from > a) out.push({ from: a, to: v.from });
        a = Math.max(a, v.to);
      }
      if (a < gap.to) out.push({ from: a, to: gap.to });
    }
    return out;
  }

  /** Minutes in [from, to) the venue answered without a bar: its own gap, recorded so it is not asked again. */
  private noteVenueGaps(target: FillTarget, bars: readonly Bar[], from: number, to: number): void {
    if (to <= from) return;
    const times = Float64Array.from(bars, (x) => x.time);
    for (const gap of emptySlots(target.market, '1m', times, from, to)) this.voids.add(target.key, gap.from, gap.to, 'venue-gap', this.clock.now());
  }

  private emit(key: SeriesKey, from: number, to: number, fraction: number, bars: number, state: HistoryProgress['state'], message: string | null): void {
    const p: HistoryProgress = { source: key.source, symbol: key.symbol as HistoryProgress['symbol'], from: from as EpochMs, to: to as EpochMs, fraction, bars, state, message };
    for (const listener of this.listeners) listener(p);
  }
}
