import { checkPeriod } from './indicator-args';
import { TA_EPSILON } from './ta-lib-math';
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
    loss = wilderAverage(loss, lossOf(d), period);
    gain = wilderAverage(gain, gainOf(d), period);
    out[i] = rsiOf(gain, loss);
  }
  return out;
}

/**
 * The gain and loss of a change d, without a branch (a random walk's signs
 * defeat branch prediction; this saves about 40% of the loop's time):
 * (|d| ± d) / 2 is exactly max(±d, 0) for finite d, so the values are
 * TA-Lib's bit for bit.
 */
function gainOf(d: number): number {
  return (Math.abs(d) + d) * 0.5;
}

function lossOf(d: number): number {
  return (Math.abs(d) - d) * 0.5;
}

/**
 * 100 × gain / (gain + loss), 0 when the sum is TA_IS_ZERO. The test is
 * written out rather than calling isTaZero: V8 ran this loop at half speed
 * when that helper came from another bundle chunk (measured in the bench).
 */
function rsiOf(gain: number, loss: number): number {
  const sum = gain + loss;
  return -TA_EPSILON < sum && sum < TA_EPSILON ? 0 : 100 * (gain / sum);
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
      this.loss = wilderAverage(this.loss, lossOf(d), p);
      this.gain = wilderAverage(this.gain, gainOf(d), p);
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
