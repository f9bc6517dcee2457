import { checkPeriod, checkSameLength } from './indicator-args';
import { RollingExtreme } from './rolling-extreme';
import { RollingSum } from './rolling-sum';

/** One bar of the stochastic oscillator. */
export interface StochasticValue {
  readonly k: number;
  readonly d: number;
}

/** The stochastic oscillator over a series: two arrays as long as the input. */
export interface StochasticSeries {
  readonly k: Float64Array;
  readonly d: Float64Array;
}

/**
 * Slow stochastic as TA_STOCH computes it with SMA smoothing (MA type 0):
 * - fast %K = (close − LL) / ((HH − LL) / 100), HH/LL the highest high and
 *   lowest low of the last kPeriod bars; 0 when HH = LL;
 * - %K (slow) = SMA(kSmooth) of fast %K; %D = SMA(dPeriod) of %K.
 * Warm-up (lookback): (kPeriod − 1) + (kSmooth − 1) + (dPeriod − 1) bars for
 * both outputs (TA-Lib outputs %K only where %D starts). Periods 1..100000.
 */
export function stochastic(
  high: ArrayLike<number>,
  low: ArrayLike<number>,
  close: ArrayLike<number>,
  kPeriod = 14,
  kSmooth = 3,
  dPeriod = 3,
): StochasticSeries {
  const core = new StochasticCore('stochastic', kPeriod, kSmooth, dPeriod);
  const n = checkSameLength('stochastic', { high, low, close });
  const out = { k: new Float64Array(n), d: new Float64Array(n) };
  for (let i = 0; i < n; i++) {
    core.step(high[i] ?? Number.NaN, low[i] ?? Number.NaN, close[i] ?? Number.NaN);
    out.k[i] = core.k;
    out.d[i] = core.d;
  }
  return out;
}

/** The stochastic one bar at a time, O(1) amortised per bar; the same values as `stochastic`. */
export class StochasticStream {
  private readonly core: StochasticCore;
  private last: StochasticValue = { k: Number.NaN, d: Number.NaN };

  constructor(kPeriod = 14, kSmooth = 3, dPeriod = 3) {
    this.core = new StochasticCore('StochasticStream', kPeriod, kSmooth, dPeriod);
  }

  /** Adds a bar; returns %K and %D at this bar (NaN during warm-up). */
  update(high: number, low: number, close: number): StochasticValue {
    const c = this.core;
    c.step(high, low, close);
    this.last = { k: c.k, d: c.d };
    return this.last;
  }

  /** The values at the latest bar (NaN during warm-up). */
  get value(): StochasticValue {
    return this.last;
  }
}

class StochasticCore {
  k = Number.NaN;
  d = Number.NaN;
  private readonly highest: RollingExtreme;
  private readonly lowest: RollingExtreme;
  private readonly kSum: RollingSum;
  private readonly dSum: RollingSum;
  private readonly slowKStart: number;
  private readonly lookback: number;
  private bar = 0;

  constructor(
    fn: string,
    private readonly kPeriod: number,
    private readonly kSmooth: number,
    private readonly dPeriod: number,
  ) {
    checkPeriod(fn, 'kPeriod', kPeriod);
    checkPeriod(fn, 'kSmooth', kSmooth);
    checkPeriod(fn, 'dPeriod', dPeriod);
    this.highest = new RollingExtreme(kPeriod, 'max');
    this.lowest = new RollingExtreme(kPeriod, 'min');
    this.kSum = new RollingSum(kSmooth);
    this.dSum = new RollingSum(dPeriod);
    this.slowKStart = kPeriod - 1 + (kSmooth - 1);
    this.lookback = this.slowKStart + (dPeriod - 1);
  }

  step(high: number, low: number, close: number): void {
    const bar = this.bar++;
    const hh = this.highest.push(high);
    const ll = this.lowest.push(low);
    if (bar < this.kPeriod - 1) return;
    const diff = (hh - ll) / 100;
    const fastK = diff !== 0 ? (close - ll) / diff : 0;
    const slowK = this.kSum.push(fastK) / this.kSmooth;
    if (bar < this.slowKStart) return;
    const slowD = this.dSum.push(slowK) / this.dPeriod;
    if (bar < this.lookback) return;
    this.k = slowK;
    this.d = slowD;
  }
}
