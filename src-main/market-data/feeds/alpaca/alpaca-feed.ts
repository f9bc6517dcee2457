import type { FeedHealth } from '../../../../shared/contract';
import type { Bar } from '../../../../shared/domain/bar';
import type { Instrument } from '../../../../shared/domain/instrument';
import type { Trade } from '../../../../shared/domain/trade';
import { isOpenAt } from '../../../../shared/market/sessions';
import type { Clock, Ticker } from '../../../platform/app/clock';
import type { Logger } from '../../../platform/rpc';
import type { BookQuote, Feed, FeedGap, Unsubscribe } from '../feed';
import { AlpacaAuthError } from './alpaca-errors';
import { alpacaInstruments } from './alpaca-instruments';
import { AuthLatch } from './auth-latch';
import { ALPACA_LIMITS, type AlpacaConfig } from './config';
import { scrub, sealKeys, type AlpacaCredentials, type AlpacaCredentialsSource, type AlpacaKeys } from './credentials';
import { AlpacaRestClient, FINALITY_MARGIN_MS, type AlpacaRestClientOptions } from './http-client';
import { HistoryReadAhead } from './history-read-ahead';
import { AlpacaStreamClient, type StreamData } from './stream-client';
import type { AlpacaStreamClientOptions, StreamStatus } from './stream-options';

/** Test and bench knobs for the clients the feed builds (backoffs, timers, page size). */
export interface AlpacaFeedTuning {
  readonly rest?: Partial<Pick<AlpacaRestClientOptions, 'sleep' | 'pageLimit' | 'serverRetries' | 'rateLimitRetries' | 'backoff'>>;
  readonly stream?: Partial<Pick<AlpacaStreamClientOptions, 'timers' | 'random' | 'backoff' | 'connectionLimitBackoff' | 'pingIntervalMs' | 'handshakeTimeoutMs'>>;
}

export interface AlpacaFeedOptions {
  readonly config: AlpacaConfig;
  readonly credentials: AlpacaCredentialsSource;
  readonly clock: Clock;
  readonly ticker: Ticker;
  readonly log: Logger;
  readonly tuning?: AlpacaFeedTuning;
}

/** Reconnect attempts (REST unreachable) start a minute apart and back off to ten. */
const RETRY_CONNECT_MS = 60_000;
const RETRY_CONNECT_MAX_MS = 10 * 60_000;
const DAY_MS = 24 * 60 * 60_000;
/** The symbol asked for one bar to check that Alpaca answers and takes the keys. */
const PROBE_SYMBOL = 'SPY';

/** Regular session only: US equities' bars are 09:30-16:00 New York on exchange days (the market kind's rule); pre/post-market prints are left out. */
const inSession = (t: number): boolean => isOpenAt('us-equity', t);

/**
 * Alpaca market data for US stocks as a Feed: 1m history from the data REST
 * (read ahead, see HistoryReadAhead), live trades, quotes and minute bars
 * over one stock-stream connection, gaps after a reconnect reported for the
 * pipeline to backfill from REST. Without keys, or once Alpaca refused them,
 * it is OFFLINE with the reason and sends nothing; the charts' US symbols
 * then fall back to the simulated market, badged.
 */
export class AlpacaFeed implements Feed {
  readonly id = 'alpaca' as const;
  readonly name = 'Alpaca';
  readonly simulated = false;
  readonly persist = true;
  readonly backfillHorizonMs = 30 * DAY_MS;
  private readonly list: readonly Instrument[];
  private readonly auth = new AuthLatch();
  private readonly rest: AlpacaRestClient;
  private readonly stream: AlpacaStreamClient;
  private readonly readAhead: HistoryReadAhead;
  private keys: AlpacaKeys | null = null;
  private keysLoaded: Promise<AlpacaKeys | null> | null = null;
  /** The credentials source has answered (with keys or without). */
  private keysSettled = false;
  private reachable = false;
  private unreachable: string | null = null;
  private closed = false;
  private streamStatus: StreamStatus;
  private lastMessageAt: number | null = null;
  private gaps = 0;
  private readonly backfillingSymbols = new Set<string>();
  private readonly gapListeners = new Set<(gap: FeedGap) => void>();
  private readonly stops: (() => void)[] = [];
  private retry: (() => void) | null = null;
  private retryMs = RETRY_CONNECT_MS;
  private connecting: Promise<void> | null = null;

  constructor(private readonly options: AlpacaFeedOptions) {
    const { config, clock, log, tuning } = options;
    const now = () => clock.now();
    const keys = (): Promise<AlpacaCredentials | null> => this.loadKeys();
    const missingKeys = options.credentials.missingReason;
    this.list = alpacaInstruments(config.symbols);
    this.rest = new AlpacaRestClient({ baseUrl: config.dataUrl, keys, missingKeys, auth: this.auth, feed: config.feed, adjustment: config.adjustment, now, log, ...tuning?.rest });
    this.stream = new AlpacaStreamClient({ url: config.dataStreamUrl, keys, missingKeys, auth: this.auth, now, log, ...tuning?.stream });
    this.readAhead = new HistoryReadAhead((symbol, from, to) => this.rest.bars(symbol, from, to), now, FINALITY_MARGIN_MS);
    this.streamStatus = this.stream.state;
    this.stops.push(this.stream.onStatus((s) => (this.streamStatus = s)));
    this.stops.push(this.stream.onResumed((gap) => this.reportGap(gap.from, gap.to, gap.symbols)));
  }

  instruments(): readonly Instrument[] {
    return this.list;
  }

  /** One GET of the data API with this feed's keys, key latch and rate budget (the options chain's snapshots). */
  dataGet(path: string, params: Readonly<Record<string, string | number>>): Promise<unknown> {
    return this.rest.get(path, params);
  }

  /** The option feed of the plan: OPRA with SIP, else the free indicative one. */
  get optionFeed(): 'indicative' | 'opra' {
    return this.options.config.feed === 'sip' ? 'opra' : 'indicative';
  }

  /**
   * Loads the keys and asks Alpaca for one bar: OFFLINE with the reason when
   * there are no keys or Alpaca refuses them (no retry); when Alpaca cannot be
   * reached, tries again a minute later, backing off to ten.
   */
  connect(): Promise<void> {
    // Callers overlapping (the core at start, a command) share one probe.
    if (this.connecting !== null) return this.connecting;
    const run: Promise<void> = this.probe().finally(() => {
      if (this.connecting === run) this.connecting = null;
    });
    this.connecting = run;
    return run;
  }

  private async probe(): Promise<void> {
    if (this.closed) return;
    const keys = await this.loadKeys();
    if (keys === null || this.closed || this.auth.failure !== null) return;
    try {
      await this.rest.firstBarTime(PROBE_SYMBOL, this.options.clock.now() - 7 * DAY_MS);
      if (this.unreachable !== null) this.options.log.warn('alpaca: reachable again; live US stock charts use Alpaca');
      this.unreachable = null;
      this.reachable = true;
      this.retryMs = RETRY_CONNECT_MS;
    } catch (err) {
      if (this.closed || err instanceof AlpacaAuthError) return;
      this.reachable = false;
      const why = scrub(err instanceof Error ? err.message : String(err), keys);
      if (this.unreachable === null) this.options.log.warn(`alpaca: not reachable (${why}); the simulated market stands in for US stocks, retrying in the background`);
      this.unreachable = `not reachable: ${why}`;
      this.scheduleRetry();
    }
  }

  /** The keys changed (entered in Settings, rotated): forget a refusal, reload them, connect again. */
  async credentialsChanged(): Promise<void> {
    this.auth.reset();
    this.connecting = null;
    this.keysLoaded = null;
    this.keysSettled = false;
    this.keys = null;
    this.reachable = false;
    this.readAhead.clear();
    this.stream.restart();
    await this.connect();
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
    return this.stream.subscribe('trades', symbol, (m) => {
      this.lastMessageAt = this.options.clock.now();
      if (m.kind === 'trade' && inSession(m.trade.time)) onTrade(m.trade);
    });
  }

  /** Minute bars (`b`) and updated ones after late trades (`u`), both final. */
  subscribeBars(symbol: string, onBar: (bar: Bar) => void): Unsubscribe {
    const deliver = (m: StreamData): void => {
      this.lastMessageAt = this.options.clock.now();
      if (m.kind === 'bar' && inSession(m.bar.time)) onBar(m.bar);
    };
    const stops = [this.stream.subscribe('bars', symbol, deliver), this.stream.subscribe('updatedBars', symbol, deliver)];
    return () => stops.forEach((stop) => stop());
  }

  /** The stream's quotes, at any hour (the bid/ask matrix shows them pre- and post-market too). */
  subscribeQuotes(symbol: string, onQuote: (q: BookQuote) => void): Unsubscribe {
    return this.stream.subscribe('quotes', symbol, (m) => {
      this.lastMessageAt = this.options.clock.now();
      if (m.kind === 'quote') onQuote({ bid: m.bid, ask: m.ask, time: m.time });
    });
  }

  /** Regular-session 1m bars of [from, to) from Alpaca's REST. */
  async history(symbol: string, from: number, to: number): Promise<readonly Bar[]> {
    const bars = await this.readAhead.bars(symbol, from, to);
    return bars.filter((b) => inSession(b.time));
  }

  /** The symbol's first bar at Alpaca (one request); null while Alpaca cannot be asked. */
  async earliest(symbol: string): Promise<number | null> {
    if (!this.reachable || this.closed || this.auth.failure !== null) return null;
    return this.rest.firstBarTime(symbol, ALPACA_LIMITS.dataStart);
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
    const [status, reason] = this.status();
    return { id: 'alpaca', name: this.name, status, simulated: false, lastMessageAgeMs: age, gapsDetected: this.gaps, ...(reason === null ? {} : { reason: reason.slice(0, 300) }) };
  }

  /** REST and stream statistics (requests, reconnects, malformed messages by kind). */
  stats(): { readonly rest: ReturnType<AlpacaRestClient['stats']>; readonly stream: ReturnType<AlpacaStreamClient['stats']> } {
    return { rest: this.rest.stats(), stream: this.stream.stats() };
  }

  private status(): [FeedHealth['status'], string | null] {
    if (this.closed) return ['OFFLINE', 'closed'];
    if (this.auth.failure !== null) return ['OFFLINE', this.auth.failure];
    if (this.keysSettled && this.keys === null) return ['OFFLINE', this.options.credentials.missingReason];
    if (!this.reachable) return ['OFFLINE', this.unreachable ?? 'connecting'];
    const { state, problem } = this.streamStatus;
    if (state === 'failed') return ['OFFLINE', problem ?? 'the stream cannot connect'];
    if (state === 'connecting' || state === 'reconnecting') return ['DEGRADED', problem ?? 'the stream is reconnecting'];
    if (this.backfillingSymbols.size > 0) return ['BACKFILLING', null];
    return ['LIVE', problem];
  }

  private loadKeys(): Promise<AlpacaKeys | null> {
    this.keysLoaded ??= this.options.credentials.load().then(
      (given) => {
        this.keys = given === null ? null : sealKeys(given);
        this.keysSettled = true;
        return this.keys;
      },
      (err: unknown) => {
        this.options.log.error('alpaca: the keys could not be read', err instanceof Error ? err.message : String(err));
        this.keysSettled = true;
        return null;
      },
    );
    return this.keysLoaded;
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

  private reportGap(from: number, to: number, symbols: readonly string[]): void {
    for (const symbol of symbols) {
      this.gaps += 1;
      for (const listener of this.gapListeners) listener({ symbol, from, to });
    }
  }
}
