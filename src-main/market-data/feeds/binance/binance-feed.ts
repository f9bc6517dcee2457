import type { FeedHealth } from '../../../../shared/contract';
import type { Bar } from '../../../../shared/domain/bar';
import type { Instrument } from '../../../../shared/domain/instrument';
import type { Trade } from '../../../../shared/domain/trade';
import type { Clock, Ticker } from '../../../platform/app/clock';
import type { Logger } from '../../../platform/rpc';
import type { BookQuote, Feed, FeedGap, Unsubscribe } from '../feed';
import { bookTickerStream } from './stream-names';
import { binanceInstruments, DEFAULT_BINANCE_INSTRUMENTS } from './binance-instruments';
import type { BinanceConfig } from './config';
import { BinanceRestClient } from './http-client';
import { BinanceStreamClient } from './stream-client';
import type { StreamState } from './stream-options';

export interface BinanceFeedOptions {
  readonly config: BinanceConfig;
  readonly clock: Clock;
  readonly ticker: Ticker;
  readonly log: Logger;
  /** Injected in tests; built from `config` otherwise. */
  readonly rest?: BinanceRestClient;
  readonly stream?: BinanceStreamClient;
}

/** Reconnect attempts start a minute apart and back off to ten. */
const RETRY_CONNECT_MS = 60_000;
const RETRY_CONNECT_MAX_MS = 10 * 60_000;
const DAY_MS = 24 * 60 * 60_000;

/**
 * Binance public market data as a Feed: instruments from exchangeInfo, live
 * `<symbol>@trade` and `<symbol>@kline_1m` over one combined-stream client,
 * 1m history from /api/v3/klines. Every reconnect is reported as a gap for
 * each symbol that was streaming, which the pipeline backfills from REST.
 * Until exchangeInfo answers (or when Binance cannot be reached) it lists the
 * default crypto symbols and reports OFFLINE, so charts fall back to SIM.
 */
export class BinanceFeed implements Feed {
  readonly id = 'binance' as const;
  readonly name = 'Binance';
  readonly simulated = false;
  readonly persist = true;
  readonly backfillHorizonMs = 30 * DAY_MS;
  private readonly rest: BinanceRestClient;
  private readonly stream: BinanceStreamClient;
  private list: readonly Instrument[] = DEFAULT_BINANCE_INSTRUMENTS;
  private reachable = false;
  private closed = false;
  private streamState: StreamState = 'closed';
  private lastMessageAt: number | null = null;
  private gaps = 0;
  private readonly backfillingSymbols = new Set<string>();
  private readonly gapListeners = new Set<(gap: FeedGap) => void>();
  private readonly stops: (() => void)[] = [];
  private retry: (() => void) | null = null;
  private retryMs = RETRY_CONNECT_MS;
  /** When Binance stopped answering (null while it answers): the log says a state change once. */
  private unreachableSince: number | null = null;

  constructor(private readonly options: BinanceFeedOptions) {
    const now = () => options.clock.now();
    this.rest = options.rest ?? new BinanceRestClient({ baseUrl: options.config.restBaseUrl, now, log: options.log });
    this.stream = options.stream ?? new BinanceStreamClient({ baseUrl: options.config.wsBaseUrl, now, log: options.log });
    this.stops.push(this.stream.onStatus((s) => (this.streamState = s.state)));
    this.stops.push(this.stream.onResumed((gap) => this.reportGap(gap.from, gap.to, gap.streams)));
  }

  instruments(): readonly Instrument[] {
    return this.list;
  }

  /**
   * Loads the symbol list; on failure stays OFFLINE and tries again, a minute
   * later at first, backing off to ten. The log says when it became
   * unreachable and when it is back, not every failed attempt.
   */
  async connect(): Promise<void> {
    if (this.closed) return;
    try {
      const symbols = await this.rest.exchangeInfo();
      const listed = binanceInstruments(symbols);
      if (listed.length > 0) this.list = listed;
      if (this.unreachableSince !== null) this.options.log.warn('binance: reachable again; live crypto charts use Binance');
      this.unreachableSince = null;
      this.reachable = true;
      this.retryMs = RETRY_CONNECT_MS;
      this.retry?.();
      this.retry = null;
    } catch (err) {
      if (this.closed) return;
      this.reachable = false;
      if (this.unreachableSince === null) {
        this.unreachableSince = this.options.clock.now();
        this.options.log.warn(`binance: not reachable (${err instanceof Error ? err.message : String(err)}); the simulated market stands in, retrying in the background`);
      }
      this.scheduleRetry();
    }
  }

  /** One retry, later each time (the ticker repeats: it is stopped when it fires). */
  private scheduleRetry(): void {
    this.retry?.();
    const handle: { stop?: () => void; fired: boolean } = { fired: false };
    handle.stop = this.options.ticker(() => {
      if (handle.fired) return;
      handle.fired = true;
      handle.stop?.();
      this.retry = null;
      void this.connect();
    }, this.retryMs);
    this.retry = () => handle.stop?.();
    this.retryMs = Math.min(RETRY_CONNECT_MAX_MS, this.retryMs * 2);
  }

  close(): void {
    this.closed = true;
    this.retry?.();
    this.retry = null;
    for (const stop of this.stops.splice(0)) stop();
    this.stream.close();
    this.gapListeners.clear();
  }

  subscribeTrades(symbol: string, onTrade: (trade: Trade) => void): Unsubscribe {
    return this.stream.subscribe(`${symbol.toLowerCase()}@trade`, (m) => {
      this.lastMessageAt = this.options.clock.now();
      if (m.kind === 'trade' && m.symbol === symbol) onTrade(m.trade);
    });
  }

  subscribeBars(symbol: string, onBar: (bar: Bar) => void): Unsubscribe {
    return this.stream.subscribe(`${symbol.toLowerCase()}@kline_1m`, (m) => {
      this.lastMessageAt = this.options.clock.now();
      if (m.kind === 'kline' && m.symbol === symbol && m.interval === '1m') onBar(m.bar);
    });
  }

  /** `@bookTicker`: carries no time, so the quote is stamped with our clock on arrival. */
  subscribeQuotes(symbol: string, onQuote: (q: BookQuote) => void): Unsubscribe {
    return this.stream.subscribe(bookTickerStream(symbol), (m) => {
      const now = this.options.clock.now();
      this.lastMessageAt = now;
      if (m.kind === 'book' && m.symbol === symbol) onQuote({ bid: m.bid, ask: m.ask, time: now });
    });
  }

  history(symbol: string, from: number, to: number): Promise<readonly Bar[]> {
    return this.rest.klines(symbol, from, to);
  }

  /** The symbol's listing: the open time of its first kline (one request, weight 2); null while Binance cannot be reached. */
  async earliest(symbol: string): Promise<number | null> {
    if (!this.reachable || this.closed) return null;
    return this.rest.firstKlineTime(symbol);
  }

  onGap(listener: (gap: FeedGap) => void): Unsubscribe {
    this.gapListeners.add(listener);
    return () => this.gapListeners.delete(listener);
  }

  backfilling(symbol: string, active: boolean): void {
    if (active) this.backfillingSymbols.add(symbol);
    else this.backfillingSymbols.delete(symbol);
  }

  health(): FeedHealth {
    const age = this.lastMessageAt === null ? null : Math.max(0, Math.round(this.options.clock.now() - this.lastMessageAt));
    return { id: 'binance', name: this.name, status: this.status(), simulated: false, lastMessageAgeMs: age, gapsDetected: this.gaps };
  }

  private status(): FeedHealth['status'] {
    if (!this.reachable || this.closed) return 'OFFLINE';
    // Banned (418): live data may flow, but no gap can be backfilled until the ban ends.
    if (this.streamState === 'reconnecting' || this.streamState === 'connecting' || this.rest.stats().bannedUntil !== null) return 'DEGRADED';
    if (this.backfillingSymbols.size > 0) return 'BACKFILLING';
    return 'LIVE';
  }

  private reportGap(from: number, to: number, streams: readonly string[]): void {
    const symbols = new Set(streams.map((s) => s.split('@')[0]?.toUpperCase() ?? '').filter((s) => s !== ''));
    for (const symbol of symbols) {
      this.gaps += 1;
      for (const listener of this.gapListeners) listener({ symbol, from, to });
    }
  }
}
