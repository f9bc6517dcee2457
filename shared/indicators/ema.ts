import { checkPeriod } from './indicator-args';
import { emaFactor } from './ta-lib-math';

/**
 * Exponential moving average as TA_EMA computes it (default compatibility):
 * k = 2 / (n + 1); seeded with the SMA of the first n values, then
 * EMA[i] = (x[i] − EMA[i−1]) × k + EMA[i−1] (TA-Lib's operation order).
 * Warm-up (lookback): n − 1 bars, so the first value, the seed, is at index n − 1.
 * Not the Metastock variant (seeded with the first value). Periods 1..100000
 * (TA-Lib accepts from 2; 1 follows the same formula, k = 1).
 */
export function ema(values: ArrayLike<number>, period: number): Float64Array {
  checkPeriod('ema', 'period', period);
  const n = values.length;
  const out = new Float64Array(n);
  const lookback = period - 1;
  if (n <= lookback) return out.fill(Number.NaN);
  out.fill(Number.NaN, 0, lookback);
  const k = emaFactor(period);
  let seed = 0;
  for (let i = 0; i < period; i++) seed += values[i] ?? Number.NaN;
  let prev = seed / period;
  out[lookback] = prev;
  for (let i = period; i < n; i++) {
    prev = ((values[i] ?? Number.NaN) - prev) * k + prev;
    out[i] = prev;
  }
  return out;
}

/** EMA one bar at a time, O(1) per bar; the same values as `ema`. */
export class EmaStream {
  private readonly k: number;
  private seen = 0;
  private acc = 0;
  private last = Number.NaN;

  constructor(readonly period: number) {
    checkPeriod('EmaStream', 'period', period);
    this.k = emaFactor(period);
  }

  /** Adds the bar's value; returns the EMA at this bar (NaN during warm-up). */
  update(value: number): number {
    if (this.seen >= this.period) {
      this.last = (value - this.last) * this.k + this.last;
    } else {
      this.acc += value;
      this.seen++;
      if (this.seen === this.period) this.last = this.acc / this.period;
    }
    return this.last;
  }

  /** The EMA at the latest bar (NaN during warm-up). */
  get value(): number {
    return this.last;
  }
}
