import { checkSameLength } from './indicator-args';

/**
 * Session-anchored volume-weighted average price (TA-Lib has no VWAP):
 * VWAP[i] = Σ tp·volume / Σ volume over the bars of bar i's session up to i,
 * with the typical price tp = (high + low + close) / 3. `sessionKey[i]` names
 * bar i's session (e.g. the session's open time, see shared/market/session-date.ts);
 * the sums restart whenever the key differs (!==) from the previous bar's, so
 * keys must not be NaN (a NaN key would start a new session at every bar).
 * No warm-up; NaN while the session has had no volume (VWAP is undefined
 * there, e.g. a session that opens with zero-volume bars).
 */
export function vwap(
  high: ArrayLike<number>,
  low: ArrayLike<number>,
  close: ArrayLike<number>,
  volume: ArrayLike<number>,
  sessionKey: ArrayLike<number>,
): Float64Array {
  const n = checkSameLength('vwap', { high, low, close, volume, sessionKey });
  const stream = new VwapStream();
  const out = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    out[i] = stream.update(high[i] ?? Number.NaN, low[i] ?? Number.NaN, close[i] ?? Number.NaN, volume[i] ?? Number.NaN, sessionKey[i] ?? Number.NaN);
  }
  return out;
}

/** VWAP one bar at a time, O(1) per bar; the same values as `vwap`. */
export class VwapStream {
  private started = false;
  private key = Number.NaN;
  private priceVolume = 0;
  private volumeSum = 0;
  private last = Number.NaN;

  /** Adds a bar of session `sessionKey`; returns the VWAP at this bar. */
  update(high: number, low: number, close: number, volume: number, sessionKey: number): number {
    if (!this.started || sessionKey !== this.key) {
      this.started = true;
      this.key = sessionKey;
      this.priceVolume = 0;
      this.volumeSum = 0;
    }
    this.priceVolume += ((high + low + close) / 3) * volume;
    this.volumeSum += volume;
    this.last = this.volumeSum === 0 ? Number.NaN : this.priceVolume / this.volumeSum;
    return this.last;
  }

  /** The VWAP at the latest bar (NaN before the session's first volume). */
  get value(): number {
    return this.last;
  }
}
