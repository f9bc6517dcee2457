import { BACKTEST_STAT_NAMES, type BacktestResult, type BacktestStats, type BacktestTrade, type SetupStats, type UnfilledSignal } from '../../../shared/contract/backtest-contract';
import type { EpochMs } from '../../../shared/domain/epoch';
import type { BacktestError } from './backtest-error';
import type { ShadowSignal } from './shadow-book';

/**
 * What a run gives back. The statistics and trades are the contract's types
 * (`shared/contract/backtest-contract.ts`: one definition of the public field
 * names); the equity curve stays in typed arrays until it is serialised.
 */

/** One entry per bar: the bar's open time, equity marked at its close, and the drawdown below the running peak in percent (0 or negative). */
export interface EquityColumns {
  readonly time: Float64Array;
  readonly equity: Float64Array;
  readonly drawdownPct: Float64Array;
}

/** A position left open at the end (`closeAtEnd: false`); it is in the equity curve, not in the trade list. */
export interface OpenPosition {
  readonly side: 'long' | 'short';
  readonly size: number;
  readonly entryTime: EpochMs;
  readonly entryPrice: number;
  /** The entry fill's commission (already paid, in `commissionsPaid`). */
  readonly commission: number;
  readonly setup: string;
  readonly entryReason: string;
  readonly stopLoss: number | null;
  readonly takeProfit: number | null;
}

export interface BacktestOutput {
  readonly stats: BacktestStats;
  readonly trades: readonly BacktestTrade[];
  /** The trades by setup family (setup-statistics.ts). */
  readonly setups: readonly SetupStats[];
  /** Signals without position by setup and side (setup-statistics.ts). */
  readonly unfilledSignals: readonly UnfilledSignal[];
  /** Each signal without position as it was followed (shadow-book.ts); not in the contract's result. */
  readonly shadowSignals: readonly ShadowSignal[];
  readonly equity: EquityColumns;
  readonly openPosition: OpenPosition | null;
  /**
   * Entries that fired but could not buy (or sell short) one unit: a price
   * above the cash in whole units (try `fractional`). Not in the contract's
   * result; worth telling the user when there are no trades.
   */
  readonly unaffordableEntries: number;
}

/**
 * What to tell the user about entries that could not trade, or null: with
 * whole units a price above the cash skips every entry (BTC at 60,000 with
 * 10,000 cash), and a run with no trades would otherwise look like a strategy
 * that never fired.
 */
export function unaffordableNote(output: Pick<BacktestOutput, 'unaffordableEntries'>, fractional: boolean): string | null {
  const n = output.unaffordableEntries;
  if (n <= 0) return null;
  const entries = `${String(n)} entry signal${n === 1 ? '' : 's'}`;
  return fractional
    ? `${entries} found no cash left to trade with (equity at or below the fees)`
    : `${entries} could not buy one whole unit with the cash available: allow fractional units (crypto) or start with more cash`;
}

export type BacktestOutcome = { readonly ok: true; readonly output: BacktestOutput } | { readonly ok: false; readonly error: BacktestError };

/** The key order of a trade in the serialised result (the contract's order). */
export const TRADE_KEYS = [
  'side',
  'size',
  'entryTime',
  'entryPrice',
  'exitTime',
  'exitPrice',
  'pnl',
  'returnPct',
  'barsHeld',
  'commission',
  'setup',
  'entryReason',
  'exitReason',
] as const satisfies readonly (keyof BacktestTrade)[];

const SETUP_KEYS = ['setup', 'trades', 'winRatePct', 'avgReturnPct', 'profitFactor', 'totalPnl'] as const satisfies readonly (keyof SetupStats)[];
const UNFILLED_KEYS = ['setup', 'side', 'count', 'avgUnderlyingReturnPct', 'favourablePct'] as const satisfies readonly (keyof UnfilledSignal)[];

/** The contract's form of a result (plain arrays), as `backtestResultSchema` reads it. */
export function toBacktestResult(output: BacktestOutput): BacktestResult {
  return {
    stats: orderedStats(output.stats),
    trades: output.trades.map(orderedTrade),
    setups: output.setups.map((s) => ordered(s, SETUP_KEYS)),
    unfilledSignals: output.unfilledSignals.map((u) => ordered(u, UNFILLED_KEYS)),
    equity: {
      time: Array.from(output.equity.time, (t) => t as EpochMs),
      equity: Array.from(output.equity.equity),
      drawdownPct: Array.from(output.equity.drawdownPct),
    },
  };
}

/**
 * Deterministic JSON of a result in the contract's shape
 * `{ stats, trades, setups, unfilledSignals, equity: { time, equity, drawdownPct } }`: keys in a fixed
 * order (the contract's), numbers as JavaScript prints them (shortest
 * round-trip form), any non-finite number as null. The same run gives the same
 * bytes.
 */
export function serializeBacktest(output: BacktestOutput): string {
  const stats = JSON.stringify(orderedStats(output.stats));
  const trades = JSON.stringify(output.trades.map(orderedTrade));
  const setups = JSON.stringify(output.setups.map((s) => ordered(s, SETUP_KEYS)));
  const unfilled = JSON.stringify(output.unfilledSignals.map((u) => ordered(u, UNFILLED_KEYS)));
  const e = output.equity;
  return `{"stats":${stats},"trades":${trades},"setups":${setups},"unfilledSignals":${unfilled},"equity":{"time":${numbers(e.time)},"equity":${numbers(e.equity)},"drawdownPct":${numbers(e.drawdownPct)}}}`;
}

function orderedStats(stats: BacktestStats): BacktestStats {
  const out: Record<string, unknown> = {};
  for (const key of BACKTEST_STAT_NAMES) {
    const v = stats[key];
    out[key] = typeof v === 'number' && !Number.isFinite(v) ? null : v;
  }
  return out as BacktestStats;
}

function orderedTrade(trade: BacktestTrade): BacktestTrade {
  return ordered(trade, TRADE_KEYS);
}

/** A copy of `row` with exactly `keys`, in that order; any non-finite number as null. */
function ordered<T extends object>(row: T, keys: readonly (keyof T)[]): T {
  const out: Record<string, unknown> = {};
  for (const key of keys) {
    const v = row[key];
    out[String(key)] = typeof v === 'number' && !Number.isFinite(v) ? null : v;
  }
  return out as T;
}

/** A JSON array of numbers; `join` prints a finite number exactly as JSON.stringify does. */
function numbers(values: Float64Array): string {
  let finite = true;
  for (let i = 0; i < values.length; i++) {
    if (!Number.isFinite(values[i] ?? Number.NaN)) {
      finite = false;
      break;
    }
  }
  if (finite) return `[${values.join(',')}]`;
  return JSON.stringify(Array.from(values, (v) => (Number.isFinite(v) ? v : null)));
}
