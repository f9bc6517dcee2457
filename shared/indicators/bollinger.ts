import { checkNonNegative, checkPeriod } from './indicator-args';
import { RollingSum } from './rolling-sum';
import { isTaZeroOrNegative } from './ta-lib-math';

/** One bar of Bollinger Bands. */
export interface BollingerValue {
  readonly upper: number;
  readonly middle: number;
  readonly lower: number;
}

/** Bollinger Bands over a series: three arrays as long as the input. */
export interface BollingerSeries {
  readonly upper: Float64Array;
  readonly middle: Float64Array;
  readonly lower: Float64Array;
}

/**
 * Bollinger Bands as TA_BBANDS computes them with an SMA (MA type 0):
 * - middle = SMA(n) of closes;
 * - σ = the population standard deviation of the same n closes, computed as
 *   TA-Lib does, √(Σx²/n − middle²) from running sums (0 when that is below
 *   TA_EPSILON);
 * - upper = middle + k·σ, lower = middle − k·σ.
 * Warm-up (lookback): n − 1 bars. Periods 1..100000 (TA-Lib: 2..100000; 1 gives
 * σ = 0); k a finite number >= 0.
 */
export function bollinger(close: ArrayLike<number>, period = 20, k = 2): BollingerSeries {
  const core = new BollingerCore('bollinger', period, k);
  const n = close.length;
  const out = { upper: new Float64Array(n), middle: new Float64Array(n), lower: new Float64Array(n) };
  for (let i = 0; i < n; i++) {
    core.step(close[i] ?? Number.NaN);
    out.upper[i] = core.upper;
    out.middle[i] = core.middle;
    out.lower[i] = core.lower;
  }
  return out;
}

/** Bollinger Bands one bar at a time, O(1) per bar; the same values as `bollinger`. */
export class BollingerStream {
  private readonly core: BollingerCore;
  private last: BollingerValue = { upper: Number.NaN, middle: Number.NaN, lower: Number.NaN };

  constructor(period = 20, k = 2) {
    this.core = new BollingerCore('BollingerStream', period, k);
  }

  /** Adds the bar's close; returns the bands at this bar (NaN during warm-up). */
  update(close: number): BollingerValue {
    const c = this.core;
    c.step(close);
    this.last = { upper: c.upper, middle: c.middle, lower: c.lower };
    return this.last;
  }

  /** The bands at the latest bar (NaN during warm-up). */
  get value(): BollingerValue {
    return this.last;
  }
}

class BollingerCore {
  upper = Number.NaN;
  middle = Number.NaN;
  lower = Number.NaN;
  private readonly sum: RollingSum;
  private readonly sumOfSquares: RollingSum;
  private bar = 0;

  constructor(
    fn: string,
    private readonly period: number,
    private readonly k: number,
  ) {
    checkPeriod(fn, 'period', period);
    checkNonNegative(fn, 'k', k);
    this.sum = new RollingSum(period);
    this.sumOfSquares = new RollingSum(period);
  }

  step(close: number): void {
    const middle = this.sum.push(close) / this.period;
    const variance = this.sumOfSquares.push(close * close) / this.period - middle * middle;
    if (this.bar++ < this.period - 1) return;
    const band = (isTaZeroOrNegative(variance) ? 0 : Math.sqrt(variance)) * this.k;
    this.middle = middle;
    this.upper = middle + band;
    this.lower = middle - band;
  }
}
