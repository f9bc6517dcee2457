import { checkPeriod } from './indicator-args';

/**
 * Weighted moving average (TA_WMA): weights 1..n, newest heaviest,
 * WMA[i] = (1·x[i−n+1] + 2·x[i−n+2] + … + n·x[i]) / (n(n+1)/2).
 * Warm-up (lookback): n − 1 bars. Kept with TA-Lib's two running sums (the
 * weighted sum and the plain window sum, "periodSum" and "periodSub"), in its
 * operation order. Period 1 gives the input back (as TA-Lib).
 */
export function wma(values: ArrayLike<number>, period: number): Float64Array {
  checkPeriod('wma', 'period', period);
  const stream = new WmaStream(period);
  const out = new Float64Array(values.length);
  for (let i = 0; i < values.length; i++) out[i] = stream.update(values[i] ?? Number.NaN);
  return out;
}

/** WMA one bar at a time, O(1) per bar (a ring buffer of the window); the same values as `wma`. */
export class WmaStream {
  private readonly ring: Float64Array;
  private readonly divider: number;
  private next = 0;
  private seen = 0;
  /** Σ weight·x over the window being built. */
  private weighted = 0;
  /** Σ x over the window. */
  private plain = 0;
  /** The value that leaves the window at the next bar (0 before the first full window). */
  private trailing = 0;
  private last = Number.NaN;

  constructor(readonly period: number) {
    checkPeriod('WmaStream', 'period', period);
    this.ring = new Float64Array(period);
    this.divider = (period * (period + 1)) / 2;
  }

  /** Adds the bar's value; returns the WMA at this bar (NaN during warm-up). */
  update(value: number): number {
    const p = this.period;
    if (p === 1) {
      this.last = value;
      return value;
    }
    this.ring[this.next] = value;
    this.next = this.next + 1 === p ? 0 : this.next + 1;
    if (this.seen < p - 1) {
      this.seen++;
      this.plain += value;
      this.weighted += value * this.seen;
      return Number.NaN;
    }
    this.plain += value;
    this.plain -= this.trailing;
    this.weighted += value * p;
    this.trailing = this.ring[this.next] ?? 0;
    this.last = this.weighted / this.divider;
    this.weighted -= this.plain;
    return this.last;
  }

  /** The WMA at the latest bar (NaN during warm-up). */
  get value(): number {
    return this.last;
  }
}
