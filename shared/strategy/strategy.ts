import type { MarketKind } from '../market/market-kind';
import type { MarkerSchedule } from './marker-schedule';

/**
 * The one strategy interface that live trading, replay and the backtest engine
 * all drive (Freqtrade runs the same `populate_*` everywhere; nautilus has one
 * `Strategy` for backtest and live). A strategy is pure: it sees one closed bar
 * at a time, never a later one, and its own position; it answers with what it
 * wants, each with a reason. The framework around it owns fills, sizing, costs
 * and bookkeeping.
 */

/** A closed bar as a strategy sees it (times are UTC ms of the bar's open). */
export interface StrategyBar {
  readonly time: number;
  readonly open: number;
  readonly high: number;
  readonly low: number;
  readonly close: number;
  readonly volume: number;
}

/** What a strategy is told besides the bar. */
export interface StrategyContext {
  /** Signed units held: > 0 long, < 0 short, 0 flat (after every fill up to this bar's close). */
  readonly position: number;
  /**
   * Whether the run allows short positions. A short entry in a run that does
   * not is recorded as a signal without position (and a long held is closed).
   */
  readonly allowShort: boolean;
}

/**
 * How an order is filled:
 * - `market`: at the next bar's open (the default execution model);
 * - `limit` / `stop`: from the next bar on, when its high/low reaches `price`
 *   (a gap through the price fills at the open);
 * - `close`: at the close of the bar that generated it (market-on-close; for
 *   "flat by session end").
 */
export type OrderEntry =
  | { readonly type: 'market' }
  | { readonly type: 'close' }
  | { readonly type: 'limit'; readonly price: number }
  | { readonly type: 'stop'; readonly price: number };

/** What every intent carries (see StrategyIntent). */
interface IntentFields {
  /** Why, in a few words a trader reads on a chart marker or in the trade list. */
  readonly reason: string;
  /** Defaults to `{ type: 'market' }`. */
  readonly entry?: OrderEntry;
  readonly stopLoss?: number;
  readonly takeProfit?: number;
  /** A stop this many percent of the actual fill price away (resolved at the fill); not together with `stopLoss`. */
  readonly stopLossPct?: number;
  /** A target this many percent of the actual fill price away (resolved at the fill); not together with `takeProfit`. */
  readonly takeProfitPct?: number;
  /** Fraction of equity to commit, (0, 1]; defaults to the run's sizing (all-in). */
  readonly sizeFraction?: number;
  /**
   * A signal the model reports without taking a position (a down day in a
   * long-only mode): the engine records it as a signal without position,
   * follows it as a hypothetical one-unit position, and leaves the real
   * position and any resting order alone.
   */
  readonly observe?: boolean;
}

/** Be long or short: every entry names its setup family ('orb-up', 'sweep-low', 'cross-up'…), which the results group trades by. */
export interface EntryIntent extends IntentFields {
  readonly target: 'long' | 'short';
  readonly setup: string;
}

/** Be flat (an exit; also closes an open signal without position). */
export interface FlatIntent extends IntentFields {
  readonly target: 'flat';
  readonly setup?: string;
}

/**
 * What a strategy wants after a bar: be long, short or flat. Going from long to
 * short is a reversal: one fill closes the long and opens the short. A new
 * intent replaces any unfilled one. Protective exits are prices (or percents
 * of the fill price): once the position is open they are checked against
 * every following bar's high/low (when both lie inside one bar the stop is
 * assumed to hit first).
 */
export type StrategyIntent = EntryIntent | FlatIntent;

/** A horizontal level or a time block a strategy shows on the chart (opening range, previous block high/low). */
export interface ChartLevel {
  readonly label: string;
  readonly price: number;
  /** Where the level applies: [from, to) in UTC ms. */
  readonly from: number;
  readonly to: number;
  readonly kind: 'range-high' | 'range-low' | 'range-mid' | 'target' | 'stop' | 'block-high' | 'block-low';
}

export interface Strategy {
  /**
   * Called once per closed bar, in time order. Returns an intent, or null to
   * keep things as they are. The `bar` and `ctx` objects are reused from call
   * to call (the backtest loop allocates nothing per bar): read the numbers
   * you need during the call and never keep the objects themselves.
   */
  onBar(bar: StrategyBar, ctx: StrategyContext): StrategyIntent | null;
  /** Levels worth drawing so far (the current day's range, block boundaries). */
  levels?(): readonly ChartLevel[];
  /** Marker times (UTC ms) the model has seen so far and the next few after its last bar (known before they print). */
  markers?(): StrategyMarkers;
}

export interface StrategyMarkers {
  readonly past: readonly number[];
  readonly next: readonly number[];
}

/** A parameter's value: a number (`int`, `number`), a flag (`boolean`) or text (`choice`, `string`). */
export type ParamValue = number | boolean | string;

/**
 * One tunable parameter, described so the optimiser and the UI can read it:
 * `int` / `number` with bounds, `boolean`, `choice` (one of `choices`) or
 * `string` (free text of 1 to 64 characters, e.g. a marker schedule's name).
 */
export interface ParamSpec {
  readonly name: string;
  readonly description: string;
  readonly type: 'int' | 'number' | 'boolean' | 'choice' | 'string';
  readonly default: ParamValue;
  /** Inclusive bounds and a sensible step for ranges (numbers only). */
  readonly min?: number;
  readonly max?: number;
  readonly step?: number;
  /** The allowed values of a `choice`. */
  readonly choices?: readonly string[];
}

export type StrategyParams = Readonly<Record<string, ParamValue>>;

/** What a strategy is built for. */
export interface StrategySetup {
  readonly market: MarketKind;
  /** The bar interval the strategy runs on, in ms. */
  readonly intervalMs: number;
  /** The user's marker schedules (from the settings); the built-in ones are always available. */
  readonly schedules?: readonly MarkerSchedule[];
}

/** A registered strategy: its id, parameters, checks and factory. */
export interface StrategyDefinition {
  readonly id: string;
  readonly name: string;
  readonly description: string;
  readonly params: readonly ParamSpec[];
  /** Whether a run that does not say otherwise allows short positions (the model trades both directions). */
  readonly shortsByDefault: boolean;
  /**
   * Fills defaults and checks a parameter set: unknown names, wrong types,
   * out-of-range values and cross-parameter rules (slow > fast) are refused
   * with a message naming the parameter. Never half-applied.
   */
  resolveParams(input: Readonly<Record<string, unknown>>): StrategyParamsResult;
  create(params: StrategyParams, setup: StrategySetup): Strategy;
}

export type StrategyParamsResult =
  | { readonly ok: true; readonly params: StrategyParams }
  | { readonly ok: false; readonly field: string; readonly message: string };
