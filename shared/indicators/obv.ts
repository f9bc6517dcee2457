import { checkSameLength } from './indicator-args';

/**
 * On-balance volume as TA_OBV computes it: OBV[0] = volume[0] (TA-Lib's
 * convention; textbooks often start at 0), then OBV adds the bar's volume on
 * an up close, subtracts it on a down close and is unchanged on an equal close.
 * No warm-up (lookback 0).
 */
export function obv(close: ArrayLike<number>, volume: ArrayLike<number>): Float64Array {
  const n = checkSameLength('obv', { close, volume });
  const stream = new ObvStream();
  const out = new Float64Array(n);
  for (let i = 0; i < n; i++) out[i] = stream.update(close[i] ?? Number.NaN, volume[i] ?? Number.NaN);
  return out;
}

/** OBV one bar at a time, O(1) per bar; the same values as `obv`. */
export class ObvStream {
  private started = false;
  private prevClose = Number.NaN;
  private total = Number.NaN;

  /** Adds a bar; returns the OBV at this bar. */
  update(close: number, volume: number): number {
    if (!this.started) {
      this.started = true;
      this.total = volume;
    } else if (close > this.prevClose) {
      this.total += volume;
    } else if (close < this.prevClose) {
      this.total -= volume;
    }
    this.prevClose = close;
    return this.total;
  }

  /** The OBV at the latest bar (NaN before the first). */
  get value(): number {
    return this.total;
  }
}
