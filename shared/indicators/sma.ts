import { checkPeriod } from './indicator-args';
import { RollingSum } from './rolling-sum';

/**
 * Simple moving average (TA_SMA): SMA[i] = (x[i−n+1] + … + x[i]) / n.
 * Warm-up (TA-Lib's lookback): n − 1 bars, so the first value is at index n − 1.
 * Kept as a running total (TA-Lib's INT_SMA order; see RollingSum).
 * Periods: integers 1..100000 (1 gives the input back).
 */
export function sma(values: ArrayLike<number>, period: number): Float64Array {
  checkPeriod('sma', 'period', period);
  const n = values.length;
  const out = new Float64Array(n);
  const lookback = period - 1;
  out.fill(Number.NaN, 0, Math.min(lookback, n));
  let total = 0;
  for (let i = 0; i < lookback && i < n; i++) total += values[i] ?? Number.NaN;
  for (let i = lookback; i < n; i++) {
    total += values[i] ?? Number.NaN;
    out[i] = total / period;
    total -= values[i - lookback] ?? Number.NaN;
  }
  return out;
}

/** SMA one bar at a time, O(1) per bar; the same values as `sma`. */
export class SmaStream {
  private readonly sum: RollingSum;
  private last = Number.NaN;

  constructor(readonly period: number) {
    checkPeriod('SmaStream', 'period', period);
    this.sum = new RollingSum(period);
  }

  /** Adds the bar's value; returns the SMA at this bar (NaN during warm-up). */
  update(value: number): number {
    this.last = this.sum.push(value) / this.period;
    return this.last;
  }

  /** The SMA at the latest bar (NaN before the first value). */
  get value(): number {
    return this.last;
  }
}
