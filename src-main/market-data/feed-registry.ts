import { ContractFailure, type FeedHealth, type FeedInfo } from '../../shared/contract';
import type { Instrument } from '../../shared/domain/instrument';
import type { Feed } from './feeds/feed';

/** The feeds this run has, and their instruments by (source, symbol). */
export class FeedRegistry {
  private readonly feeds = new Map<string, Feed>();

  register(feed: Feed): void {
    if (this.feeds.has(feed.id)) throw new Error(`feed ${feed.id} is registered twice`);
    this.feeds.set(feed.id, feed);
  }

  get(source: string): Feed | undefined {
    return this.feeds.get(source);
  }

  all(): Feed[] {
    return [...this.feeds.values()];
  }

  instrument(source: string, symbol: string): Instrument | undefined {
    return this.feeds.get(source)?.instruments().find((i) => i.symbol === symbol);
  }

  /** The feed and instrument of a live series, or a NOT_FOUND naming the bad field. */
  requireLive(source: string, symbol: string): { feed: Feed; instrument: Instrument } {
    const feed = this.feeds.get(source);
    if (feed === undefined) throw new ContractFailure('NOT_FOUND', `unknown feed "${source}"`, 'params.source');
    const instrument = feed.instruments().find((i) => i.symbol === symbol);
    if (instrument === undefined) throw new ContractFailure('NOT_FOUND', `feed "${source}" has no symbol "${symbol}"`, 'params.symbol');
    return { feed, instrument };
  }

  list(): FeedInfo[] {
    return this.all().map((f) => ({ id: f.id, name: f.name, simulated: f.simulated, instruments: [...f.instruments()] }));
  }

  health(): FeedHealth[] {
    return this.all().map((f) => f.health());
  }

  closeAll(): void {
    for (const f of this.feeds.values()) f.close();
  }
}
