import { EmaStream } from './ema';
import { checkPeriod } from './indicator-args';

/** One bar of MACD. */
export interface MacdValue {
  readonly macd: number;
  readonly signal: number;
  readonly histogram: number;
}

/** MACD over a series: three arrays as long as the input. */
export interface MacdSeries {
  readonly macd: Float64Array;
  readonly signal: Float64Array;
  readonly histogram: Float64Array;
}

/**
 * Moving average convergence/divergence as TA_MACD computes it:
 * - MACD line = EMA(fast) − EMA(slow), both TA-Lib EMAs (SMA seed,
 *   k = 2/(n + 1));
 * - TA-Lib aligns the two EMAs: both give their first value at bar slow − 1,
 *   so the fast EMA is seeded with the SMA of closes [slow − fast, slow − 1]
 *   (not of the first `fast` closes, as a standalone EMA(fast) would be);
 * - signal = EMA(signal) of the MACD line, seeded with the SMA of its first
 *   `signal` values; histogram = MACD − signal.
 * Warm-up (lookback): (slow − 1) + (signal − 1) bars (33 for 12/26/9) for all
 * three outputs: TA-Lib computes the MACD line from bar slow − 1 but outputs it
 * only where the signal starts. If slow < fast the two are swapped, as TA-Lib
 * does. Periods 1..100000.
 */
export function macd(close: ArrayLike<number>, fast = 12, slow = 26, signal = 9): MacdSeries {
  const core = new MacdCore('macd', fast, slow, signal);
  const n = close.length;
  const out = { macd: new Float64Array(n), signal: new Float64Array(n), histogram: new Float64Array(n) };
  for (let i = 0; i < n; i++) {
    core.step(close[i] ?? Number.NaN);
    out.macd[i] = core.macd;
    out.signal[i] = core.signal;
    out.histogram[i] = core.histogram;
  }
  return out;
}

/** MACD one bar at a time, O(1) per bar; the same values as `macd`. */
export class MacdStream {
  private readonly core: MacdCore;
  private last: MacdValue = { macd: Number.NaN, signal: Number.NaN, histogram: Number.NaN };

  constructor(fast = 12, slow = 26, signal = 9) {
    this.core = new MacdCore('MacdStream', fast, slow, signal);
  }

  /** Adds the bar's close; returns MACD, signal and histogram at this bar (NaN during warm-up). */
  update(close: number): MacdValue {
    const c = this.core;
    c.step(close);
    this.last = { macd: c.macd, signal: c.signal, histogram: c.histogram };
    return this.last;
  }

  /** The values at the latest bar (NaN during warm-up). */
  get value(): MacdValue {
    return this.last;
  }
}

/** The shared state machine; fields hold the latest bar's outputs. */
class MacdCore {
  macd = Number.NaN;
  signal = Number.NaN;
  histogram = Number.NaN;
  private readonly fastEma: EmaStream;
  private readonly slowEma: EmaStream;
  private readonly signalEma: EmaStream;
  /** Bar at which the fast EMA starts (its seed window ends at bar slow − 1). */
  private readonly fastStart: number;
  private readonly lineStart: number;
  private readonly lookback: number;
  private bar = 0;

  constructor(fn: string, fast: number, slow: number, signal: number) {
    checkPeriod(fn, 'fast', fast);
    checkPeriod(fn, 'slow', slow);
    checkPeriod(fn, 'signal', signal);
    const lo = Math.min(fast, slow);
    const hi = Math.max(fast, slow);
    this.fastEma = new EmaStream(lo);
    this.slowEma = new EmaStream(hi);
    this.signalEma = new EmaStream(signal);
    this.fastStart = hi - lo;
    this.lineStart = hi - 1;
    this.lookback = hi - 1 + (signal - 1);
  }

  step(close: number): void {
    const bar = this.bar++;
    const slowValue = this.slowEma.update(close);
    if (bar < this.fastStart) return;
    const fastValue = this.fastEma.update(close);
    if (bar < this.lineStart) return;
    const line = fastValue - slowValue;
    const signal = this.signalEma.update(line);
    if (bar < this.lookback) return;
    this.macd = line;
    this.signal = signal;
    this.histogram = line - signal;
  }
}
