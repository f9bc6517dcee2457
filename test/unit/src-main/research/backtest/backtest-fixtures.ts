import { expect } from 'vitest';
import { allocColumns, type BarColumns } from '../../../../../shared/domain/bar-columns';
import { DAY_MS, MINUTE_MS } from '../../../../../shared/domain/interval';
import type { EntryIntent, FlatIntent, Strategy, StrategyBar, StrategyContext, StrategyIntent } from '../../../../../shared/strategy/strategy';
import { runBacktest, type BacktestConfigInput, type BacktestError, type BacktestOutput, type RunOptions } from '../../../../../src-main/research/backtest';

/** 2024-01-01T00:00:00Z. */
export const T0 = Date.UTC(2024, 0, 1);

/** [open, high, low, close] */
export type Ohlc = readonly [number, number, number, number];

/** Bars from OHLC rows, `stepMs` apart from `start`, volume 1, all final. */
export function barsOf(rows: readonly Ohlc[], stepMs = MINUTE_MS, start = T0): BarColumns {
  const c = allocColumns(rows.length);
  rows.forEach(([o, h, l, cl], i) => {
    c.time[i] = start + i * stepMs;
    c.open[i] = o;
    c.high[i] = h;
    c.low[i] = l;
    c.close[i] = cl;
    c.volume[i] = 1;
    c.final[i] = 1;
  });
  return c;
}

/** Flat bars at each close (open = high = low = close). */
export function closesOf(closes: readonly number[]): Ohlc[] {
  return closes.map((c) => [c, c, c, c] as const);
}

export function timeOf(i: number, stepMs = MINUTE_MS): number {
  return T0 + i * stepMs;
}

/** What the scripted strategy saw on one bar (copied out of the reused view). */
export interface Seen {
  readonly time: number;
  readonly close: number;
  readonly position: number;
}

/** A strategy that answers `script[i]` on the i-th bar it sees (null otherwise) and records what it saw. */
export class ScriptedStrategy implements Strategy {
  readonly seen: Seen[] = [];
  readonly barObjects = new Set<StrategyBar>();

  constructor(private readonly script: Readonly<Record<number, StrategyIntent>>) {}

  onBar(bar: StrategyBar, ctx: StrategyContext): StrategyIntent | null {
    this.barObjects.add(bar);
    const i = this.seen.length;
    this.seen.push({ time: bar.time, close: bar.close, position: ctx.position });
    return this.script[i] ?? null;
  }
}

export const CRYPTO_1M: BacktestConfigInput = { market: 'crypto', intervalMs: MINUTE_MS };
export const CRYPTO_1D: BacktestConfigInput = { market: 'crypto', intervalMs: DAY_MS };

type IntentExtra = Partial<Omit<EntryIntent, 'target'>>;

/** A long entry of setup 'test-long' unless `extra` names another. */
export function long(reason = 'go long', extra: IntentExtra = {}): StrategyIntent {
  return { target: 'long', setup: 'test-long', reason, ...extra };
}

/** A short entry of setup 'test-short' unless `extra` names another. */
export function short(reason = 'go short', extra: IntentExtra = {}): StrategyIntent {
  return { target: 'short', setup: 'test-short', reason, ...extra };
}

export function flat(reason = 'exit', extra: Partial<Omit<FlatIntent, 'target'>> = {}): StrategyIntent {
  return { target: 'flat', reason, ...extra };
}

/** Runs a script over rows and returns the output (fails the test on an error). */
export function run(rows: readonly Ohlc[], script: Readonly<Record<number, StrategyIntent>>, config: Partial<BacktestConfigInput> = {}, options?: RunOptions): BacktestOutput {
  const outcome = runBacktest(new ScriptedStrategy(script), barsOf(rows, config.intervalMs ?? MINUTE_MS), { ...CRYPTO_1M, ...config }, options);
  if (!outcome.ok) expect.fail(`backtest failed: ${outcome.error.message}`);
  return outcome.output;
}

/** Runs and expects an error. */
export function runError(strategy: Strategy, bars: BarColumns, config: unknown = CRYPTO_1M): BacktestError {
  const outcome = runBacktest(strategy, bars, config as BacktestConfigInput);
  if (outcome.ok) expect.fail('expected the backtest to fail');
  return outcome.error;
}
