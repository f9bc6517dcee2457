import type { Clock } from '../platform/app/clock';
import type { BarStore, BarVoids } from '../platform/store';
import type { SeriesRef } from './bar-service';
import type { FeedRegistry } from './feed-registry';

const MAX_TIME = 8.64e15;

/**
 * Where each series begins: the first bar its source can have. A feed says
 * (the sim's first session; an exchange's listing, asked once and kept in
 * bar_voids as a before-start span so a restart need not ask again); an
 * imported series begins at its first stored bar; a replay at its first bar.
 * Null when it cannot be told now (the venue is unreachable).
 */
export class SeriesStarts {
  private readonly known = new Map<string, number>();

  constructor(
    private readonly store: BarStore,
    private readonly voids: BarVoids,
    private readonly feeds: FeedRegistry,
    private readonly clock: Clock,
  ) {}

  async of(ref: SeriesRef): Promise<number | null> {
    const key = { source: ref.source, symbol: ref.symbol, interval: ref.base };
    const feed = this.feeds.get(ref.source);
    if (feed === undefined) return this.store.bounds(key)?.first ?? null;
    const id = `${ref.source}\u0000${ref.symbol}`;
    const cached = this.known.get(id);
    if (cached !== undefined) return cached;
    if (feed.earliest === undefined) {
      // A replay: its own bars are all there is.
      const held = feed.historySync?.(ref.symbol, 0, MAX_TIME);
      return held !== undefined && held.length > 0 ? (held.time[0] ?? null) : null;
    }
    if (feed.persist) {
      const recorded = this.voids.list(key, 0, 1).find((v) => v.reason === 'before-start' && v.from === 0);
      if (recorded !== undefined) {
        this.known.set(id, recorded.to);
        return recorded.to;
      }
    }
    const start = await feed.earliest(ref.symbol).catch(() => null);
    if (start === null) return null;
    this.known.set(id, start);
    if (feed.persist && start > 0) this.voids.add(key, 0, start, 'before-start', this.clock.now());
    return start;
  }
}
