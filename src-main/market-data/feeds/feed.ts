import type { FeedHealth } from '../../../shared/contract';
import type { Bar } from '../../../shared/domain/bar';
import type { BarColumns } from '../../../shared/domain/bar-columns';
import type { FeedId } from '../../../shared/domain/feed';
import type { Instrument } from '../../../shared/domain/instrument';
import type { Trade } from '../../../shared/domain/trade';

/** Open times [from, to) of bars a feed may have missed for one symbol. */
export interface FeedGap {
  readonly symbol: string;
  readonly from: number;
  readonly to: number;
}

/** How a generated feed's history can be rebuilt elsewhere (a worker thread): the simulated market and its seed. */
export interface FeedGenerator {
  readonly kind: 'sim';
  readonly seed: number;
}

/** A venue's best bid and ask at `time` (UTC ms). */
export interface BookQuote {
  readonly bid: number;
  readonly ask: number;
  readonly time: number;
}

/** Stops what a subscribe call started. */
export type Unsubscribe = () => void;

/**
 * What every market-data source offers the pipeline (sim, replay, Binance,
 * Alpaca): instruments, live trades and/or 1m bars, 1m history for any range,
 * and its health. Venue formats never leave the adapter.
 */
export interface Feed {
  readonly id: FeedId;
  readonly name: string;
  /** True for generated data; such bars are badged SIM everywhere. */
  readonly simulated: boolean;
  /**
   * Whether the pipeline stores this feed's bars (exchanges). A feed that can
   * answer any range from memory or a seed (the sim, a replay) is not
   * persisted: it offers historySync instead.
   */
  readonly persist: boolean;
  /** How far back a live gap (a dropped socket) is backfilled, in ms. Reads of a range are always completed whole. */
  readonly backfillHorizonMs: number;
  instruments(): readonly Instrument[];
  /** Starts the feed's connections (idempotent). */
  connect(): Promise<void>;
  /** Ends everything the feed started; no callback fires afterwards. */
  close(): void;
  /** Live trades of one symbol, in the order the venue sent them. */
  subscribeTrades(symbol: string, onTrade: (trade: Trade) => void): Unsubscribe;
  /**
   * Live 1m bars pushed by the venue itself (a kline stream), when it has one;
   * a closed bar arrives with final=true.
   */
  subscribeBars?(symbol: string, onBar: (bar: Bar) => void): Unsubscribe;
  /**
   * The best bid and ask of one symbol, pushed on every change, when the
   * venue has a book (the sim's spread, Binance bookTicker, Alpaca quotes).
   * A feed without one gets a synthetic quote (last ± a half-spread) from the
   * quote service.
   */
  subscribeQuotes?(symbol: string, onQuote: (q: BookQuote) => void): Unsubscribe;
  /** Final 1m bars of `symbol` with open time in [from, to), oldest first. */
  history(symbol: string, from: number, to: number): Promise<readonly Bar[]>;
  /**
   * For feeds that are not persisted (the sim, a replay): their past,
   * generated or held in memory, read synchronously, never beyond the feed's
   * own clock (no forming bar).
   */
  historySync?(symbol: string, from: number, to: number): BarColumns;
  /** For a generated feed: makes historySync of [from, to) cheap (generating ahead in short steps). */
  prepareHistory?(symbol: string, from: number, to: number): Promise<void>;
  /**
   * The open time of the first bar the feed has for `symbol` (the sim's first
   * session, an exchange's listing), or null when it cannot tell now. Ranges
   * before it are reported, never asked for.
   */
  earliest?(symbol: string): Promise<number | null>;
  /** For a generated feed: what a worker needs to generate the same history (so large reads leave the event loop). */
  readonly generator?: FeedGenerator;
  health(): FeedHealth;
  /**
   * Windows in which the feed saw nothing of a symbol (a dropped socket): the
   * pipeline backfills each from history() through the merger, so no bar is
   * lost. Returns the unsubscribe.
   */
  onGap?(listener: (gap: FeedGap) => void): Unsubscribe;
  /** The pipeline says when it is backfilling a symbol's gap (health shows BACKFILLING meanwhile). */
  backfilling?(symbol: string, active: boolean): void;
  /** The feed's own clock when it is not the wall clock (a replay's cursor); bars close by it. */
  now?(): number;
  /**
   * Called when the feed's past changed discontinuously (a replay jumped in
   * time): everything built from it must be rebuilt. Returns the unsubscribe.
   */
  onReset?(listener: (symbol: string) => void): Unsubscribe;
}
