import { checkPeriod } from './indicator-args';
import { isTaZero } from './ta-lib-math';
import { wilderAverage } from './wilder-smoothing';

/**
 * Relative strength index, Wilder's, as TA_RSI computes it (default
 * compatibility, not Metastock):
 * - change d[i] = x[i] − x[i−1]; gain = max(d, 0), loss = max(−d, 0);
 * - the first average gain/loss is the plain average over bars 1..n;
 * - then Wilder's smoothing: avg' = (avg × (n − 1) + today) / n;
 * - RSI = 100 × avgGain / (avgGain + avgLoss) (the same as 100 − 100/(1 + RS)),
 *   and 0 when the sum is within TA_EPSILON of zero (a flat series).
 * Warm-up (lookback): n bars, so the first value is at index n.
 * Periods 2..100000 (TA-Lib's range).
 */
export function rsi(close: ArrayLike<number>, period = 14): Float64Array {
  checkPeriod('rsi', 'period', period, 2);
  const n = close.length;
  const out = new Float64Array(n);
  out.fill(Number.NaN, 0, Math.min(period, n));
  if (n <= period) return out;
  let gain = 0;
  let loss = 0;
  let prev = close[0] ?? Number.NaN;
  for (let i = 1; i <= period; i++) {
    const x = close[i] ?? Number.NaN;
    const d = x - prev;
    prev = x;
    if (d < 0) loss -= d;
    else gain += d;
  }
  loss /= period;
  gain /= period;
  out[period] = rsiOf(gain, loss);
  for (let i = period + 1; i < n; i++) {
    const x = close[i] ?? Number.NaN;
    const d = x - prev;
    prev = x;
    loss = wilderAverage(loss, d < 0 ? -d : 0, period);
    gain = wilderAverage(gain, d < 0 ? 0 : d, period);
    out[i] = rsiOf(gain, loss);
  }
  return out;
}

function rsiOf(gain: number, loss: number): number {
  const sum = gain + loss;
  return isTaZero(sum) ? 0 : 100 * (gain / sum);
}

/** RSI one bar at a time, O(1) per bar; the same values as `rsi`. */
export class RsiStream {
  private seen = 0;
  private prev = Number.NaN;
  private gain = 0;
  private loss = 0;
  private last = Number.NaN;

  constructor(readonly period = 14) {
    checkPeriod('RsiStream', 'period', period, 2);
  }

  /** Adds the bar's close; returns the RSI at this bar (NaN during warm-up). */
  update(close: number): number {
    const p = this.period;
    const d = close - this.prev;
    this.prev = close;
    if (this.seen > p) {
      this.loss = wilderAverage(this.loss, d < 0 ? -d : 0, p);
      this.gain = wilderAverage(this.gain, d < 0 ? 0 : d, p);
      this.last = rsiOf(this.gain, this.loss);
    } else if (this.seen++ > 0) {
      if (d < 0) this.loss -= d;
      else this.gain += d;
      if (this.seen > p) {
        this.loss /= p;
        this.gain /= p;
        this.last = rsiOf(this.gain, this.loss);
      }
    }
    return this.last;
  }

  /** The RSI at the latest bar (NaN during warm-up). */
  get value(): number {
    return this.last;
  }
}
