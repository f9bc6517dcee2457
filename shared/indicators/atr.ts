import { checkPeriod, checkSameLength } from './indicator-args';
import { trueRange } from './true-range';
import { wilderAverage } from './wilder-smoothing';

/**
 * Average true range, Wilder's, as TA_ATR computes it:
 * - TR[i] = max(high − low, |close[i−1] − high|, |close[i−1] − low|), from
 *   bar 1 (bar 0 has no previous close: no TR);
 * - the first ATR, at bar n, is the plain average of TR[1..n];
 * - then ATR' = (ATR × (n − 1) + TR) / n.
 * Warm-up (lookback): n bars, so the first value is at index n (period 1
 * gives TR itself from bar 1, as TA-Lib). Periods 1..100000.
 */
export function atr(high: ArrayLike<number>, low: ArrayLike<number>, close: ArrayLike<number>, period = 14): Float64Array {
  checkPeriod('atr', 'period', period);
  const n = checkSameLength('atr', { high, low, close });
  const out = new Float64Array(n);
  out.fill(Number.NaN, 0, Math.min(period, n));
  if (n <= period) return out;
  let sum = 0;
  for (let i = 1; i <= period; i++) sum += trueRange(high[i] ?? Number.NaN, low[i] ?? Number.NaN, close[i - 1] ?? Number.NaN);
  let prev = sum / period;
  out[period] = prev;
  for (let i = period + 1; i < n; i++) {
    prev = wilderAverage(prev, trueRange(high[i] ?? Number.NaN, low[i] ?? Number.NaN, close[i - 1] ?? Number.NaN), period);
    out[i] = prev;
  }
  return out;
}

/** ATR one bar at a time, O(1) per bar; the same values as `atr`. */
export class AtrStream {
  private seen = 0;
  private prevClose = Number.NaN;
  private acc = 0;
  private last = Number.NaN;

  constructor(readonly period = 14) {
    checkPeriod('AtrStream', 'period', period);
  }

  /** Adds a bar; returns the ATR at this bar (NaN during warm-up). */
  update(high: number, low: number, close: number): number {
    const p = this.period;
    if (this.seen > p) {
      this.last = wilderAverage(this.last, trueRange(high, low, this.prevClose), p);
    } else if (this.seen++ > 0) {
      this.acc += trueRange(high, low, this.prevClose);
      if (this.seen > p) this.last = this.acc / p;
    }
    this.prevClose = close;
    return this.last;
  }

  /** The ATR at the latest bar (NaN during warm-up). */
  get value(): number {
    return this.last;
  }
}
