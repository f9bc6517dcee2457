import type { FeedHealth } from '../../../../shared/contract';
import type { Bar } from '../../../../shared/domain/bar';
import type { BarColumns } from '../../../../shared/domain/bar-columns';
import { MINUTE_MS } from '../../../../shared/domain/interval';
import type { Trade } from '../../../../shared/domain/trade';
import { eventLoopTurn } from '../../../platform/app/event-loop-turn';
import type { BookQuote, Feed, FeedGenerator, Unsubscribe } from '../feed';
import { floorMinute } from './sim-calendar';
import { SimMarket, type Quote } from './sim-market';
import type { SimInstrument } from './sim-symbols';

export interface SimFeedOptions {
  readonly seed: number;
  /** Generated bars the feed keeps (default SESSION_CACHE_BARS). */
  readonly cacheBars?: number;
  readonly clock: { now(): number };
  /** Calls `fn` every `ms` until the returned function is called (setInterval in the app, a manual ticker in tests). */
  readonly schedule: (fn: () => void, ms: number) => () => void;
}

/** How often live prints are released. */
export const SIM_TICK_MS = 250;

/** How often a standing simulated book is confirmed (its quote's time moves on). */
export const QUOTE_REFRESH_MS = 1_000;

interface Subscription {
  readonly symbol: string;
  readonly onTrade: (trade: Trade) => void;
  /** The minute being released and how many of its prints this subscriber has had. */
  minute: number;
  sent: number;
}

/**
 * The offline default feed: SimMarket played against the clock. Every tick
 * releases, per subscriber, the prints of the current (and any missed)
 * minutes whose time has come, so once a minute is over each subscriber has
 * seen exactly its tradesForMinute and a chart built from them equals
 * history(). History stops before the minute still forming.
 */
export class SimFeed implements Feed {
  readonly id = 'sim';
  readonly name = 'Simulated market';
  readonly simulated = true;
  /**
   * Not stored: any range is generated from the seed on read (historySync),
   * so the same request gives the same bars whatever was asked before, and a
   * year of 1m bars per symbol does not fill the database with what the seed
   * already holds.
   */
  readonly persist = false;
  /** Live gaps never happen (the sim's prints cannot be missed), so none is backfilled. */
  readonly backfillHorizonMs = 0;
  readonly generator: FeedGenerator;
  private readonly market: SimMarket;
  private readonly subs = new Set<Subscription>();
  /** The prints of the last minute asked for, per symbol (every subscriber reads the same minute). */
  private readonly minuteCache = new Map<string, { minute: number; trades: Trade[] }>();
  private connected = false;
  /** The tick timer runs only while connected with at least one subscriber. */
  private stopTimer: (() => void) | null = null;
  private lastEmitAt: number | null = null;

  constructor(private readonly options: SimFeedOptions) {
    this.market = new SimMarket(options.seed, undefined, options.cacheBars);
    this.generator = { kind: 'sim', seed: options.seed };
  }

  instruments(): readonly SimInstrument[] {
    return this.market.instruments();
  }

  connect(): Promise<void> {
    this.connected = true;
    this.syncTimer();
    return Promise.resolve();
  }

  close(): void {
    this.connected = false;
    this.subs.clear();
    this.minuteCache.clear();
    this.syncTimer();
  }

  subscribeTrades(symbol: string, onTrade: (trade: Trade) => void): Unsubscribe {
    this.requireSymbol(symbol);
    const sub: Subscription = { symbol, onTrade, minute: floorMinute(this.options.clock.now()), sent: 0 };
    this.subs.add(sub);
    this.syncTimer();
    return () => {
      this.subs.delete(sub);
      this.syncTimer();
    };
  }

  history(symbol: string, from: number, to: number): Promise<readonly Bar[]> {
    try {
      this.requireSymbol(symbol);
      const formingMinute = floorMinute(this.options.clock.now());
      return Promise.resolve(this.market.bars(symbol, from, Math.min(to, formingMinute)));
    } catch (e: unknown) {
      return Promise.reject(e instanceof Error ? e : new Error(String(e)));
    }
  }

  /**
   * The sim's bid and ask (the tape's book: a buy prints at the ask, a sell
   * at the bid): the book now at once, then on every change as its prints are
   * released, and re-confirmed every QUOTE_REFRESH_MS while it stands (the
   * simulated book is known at every instant, so a quiet tape is not a stale
   * price). Nothing outside the symbol's session.
   */
  subscribeQuotes(symbol: string, onQuote: (q: BookQuote) => void): Unsubscribe {
    this.requireSymbol(symbol);
    const since = this.options.clock.now();
    let last: Quote | null = null;
    let lastAt = Number.NEGATIVE_INFINITY;
    const emit = (time: number): void => {
      const q = this.market.quote(symbol, time);
      if (q === null) return;
      if (last !== null && q.bid === last.bid && q.ask === last.ask && time - lastAt < QUOTE_REFRESH_MS) return;
      last = q;
      lastAt = time;
      onQuote({ bid: q.bid, ask: q.ask, time });
    };
    emit(since);
    // The prints of the minute so far are released at once: their (older) books are not news.
    const stopTrades = this.subscribeTrades(symbol, (t) => {
      if (t.time >= since) emit(t.time);
    });
    const stopBeat = this.options.schedule(() => emit(this.options.clock.now()), QUOTE_REFRESH_MS);
    return () => {
      stopTrades();
      stopBeat();
    };
  }

  /** Every closed minute of [from, to), generated (sessions are cached); never the forming minute or later. */
  historySync(symbol: string, from: number, to: number): BarColumns {
    this.requireSymbol(symbol);
    return this.market.columns(symbol, from, Math.min(to, floorMinute(this.options.clock.now())));
  }

  /** Generates what [from, to) needs a session per turn of the event loop, so historySync then only cuts from the cache. */
  prepareHistory(symbol: string, from: number, to: number): Promise<void> {
    this.requireSymbol(symbol);
    return this.market.warm(symbol, from, Math.min(to, floorMinute(this.options.clock.now())), eventLoopTurn);
  }

  /** The simulated market begins with its first session of 2015. */
  earliest(symbol: string): Promise<number> {
    try {
      this.requireSymbol(symbol);
      return Promise.resolve(this.market.firstBarTime(symbol));
    } catch (e: unknown) {
      return Promise.reject(e instanceof Error ? e : new Error(String(e)));
    }
  }

  health(): FeedHealth {
    const now = this.options.clock.now();
    return {
      id: this.id,
      name: this.name,
      status: this.connected ? 'LIVE' : 'OFFLINE',
      simulated: true,
      lastMessageAgeMs: this.lastEmitAt === null ? null : Math.max(0, Math.round(now - this.lastEmitAt)),
      gapsDetected: 0,
    };
  }

  private syncTimer(): void {
    const wanted = this.connected && this.subs.size > 0;
    if (wanted && this.stopTimer === null) this.stopTimer = this.options.schedule(() => this.tick(), SIM_TICK_MS);
    if (!wanted && this.stopTimer !== null) {
      this.stopTimer();
      this.stopTimer = null;
    }
  }

  private requireSymbol(symbol: string): void {
    if (!this.market.instruments().some((i) => i.symbol === symbol)) {
      throw new Error(`the simulated market has no symbol "${symbol}"`);
    }
  }

  private tick(): void {
    const now = this.options.clock.now();
    for (const sub of [...this.subs]) this.release(sub, now);
  }

  /** Sends `sub` every print up to `now` it has not had, minute by minute, skipping closed hours. */
  private release(sub: Subscription, now: number): void {
    while (sub.minute <= now && this.subs.has(sub)) {
      const trades = this.tradesOf(sub.symbol, sub.minute);
      while (sub.sent < trades.length && this.subs.has(sub)) {
        const trade = trades[sub.sent];
        if (trade === undefined || trade.time > now) return;
        sub.sent += 1;
        this.lastEmitAt = now;
        sub.onTrade(trade);
      }
      if (sub.minute + MINUTE_MS > now) return;
      const next = sub.minute + MINUTE_MS;
      sub.minute = this.market.nextOpenMinute(sub.symbol, next, now) ?? Math.max(next, floorMinute(now));
      sub.sent = 0;
    }
  }

  private tradesOf(symbol: string, minute: number): Trade[] {
    const cached = this.minuteCache.get(symbol);
    if (cached?.minute === minute) return cached.trades;
    const trades = this.market.tradesForMinute(symbol, minute);
    this.minuteCache.set(symbol, { minute, trades });
    return trades;
  }
}
