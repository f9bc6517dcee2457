import type { FeedHealth } from '../../shared/contract';
import type { Bar } from '../../shared/domain/bar';
import type { EpochMs } from '../../shared/domain/epoch';
import type { FeedId, FeedStatus } from '../../shared/domain/feed';
import type { Instrument } from '../../shared/domain/instrument';
import type { SymbolId } from '../../shared/domain/symbol';
import type { Trade } from '../../shared/domain/trade';
import type { BookQuote, Feed, Unsubscribe } from '../../src-main/market-data/feeds/feed';

/**
 * A live venue the test drives by hand (it stands in for an exchange, so it
 * takes an exchange's feed id): it lists the instruments it is given
 * and pushes exactly the quotes and prints the test scripts, stamped with the
 * test's clock. History is empty (the store answers ranges), persist true.
 */
export class ScriptedFeed implements Feed {
  readonly name = 'Scripted';
  readonly simulated = false;
  readonly persist = true;
  readonly backfillHorizonMs = 0;
  status: FeedStatus = 'LIVE';
  private readonly quoteSubs = new Map<string, Set<(q: BookQuote) => void>>();
  private readonly tradeSubs = new Map<string, Set<(t: Trade) => void>>();
  private tradeId = 0;

  constructor(
    readonly id: FeedId,
    private readonly list: readonly Instrument[],
    private readonly clock: { now(): number },
  ) {}

  instruments(): readonly Instrument[] {
    return this.list;
  }

  connect(): Promise<void> {
    return Promise.resolve();
  }

  close(): void {
    this.quoteSubs.clear();
    this.tradeSubs.clear();
  }

  subscribeTrades(symbol: string, onTrade: (trade: Trade) => void): Unsubscribe {
    return this.add(this.tradeSubs, symbol, onTrade);
  }

  subscribeQuotes(symbol: string, onQuote: (q: BookQuote) => void): Unsubscribe {
    return this.add(this.quoteSubs, symbol, onQuote);
  }

  history(): Promise<readonly Bar[]> {
    return Promise.resolve([]);
  }

  health(): FeedHealth {
    return { id: this.id, name: this.name, status: this.status, simulated: false, lastMessageAgeMs: 0, gapsDetected: 0 };
  }

  /** Who follows a symbol's quotes or prints now. */
  watchers(symbol: string): number {
    return (this.quoteSubs.get(symbol)?.size ?? 0) + (this.tradeSubs.get(symbol)?.size ?? 0);
  }

  quote(symbol: string, bid: number, ask: number): void {
    const q = { bid, ask, time: this.clock.now() };
    for (const fn of [...(this.quoteSubs.get(symbol) ?? [])]) fn(q);
  }

  trade(symbol: string, price: number, size: number): void {
    const t: Trade = { id: ++this.tradeId, time: this.clock.now() as EpochMs, price, size };
    for (const fn of [...(this.tradeSubs.get(symbol) ?? [])]) fn(t);
  }

  private add<T>(map: Map<string, Set<T>>, symbol: string, fn: T): Unsubscribe {
    let set = map.get(symbol);
    if (set === undefined) map.set(symbol, (set = new Set()));
    set.add(fn);
    return () => set.delete(fn);
  }
}

/** A crypto pair on a 0.01 tick and a 0.001 lot. */
export function testPair(symbol: string, source: FeedId): Instrument {
  return { source, symbol: symbol as SymbolId, market: 'crypto', description: `${symbol} (scripted)`, tickSize: 0.01, lotSize: 0.001, baseInterval: '1m' };
}
