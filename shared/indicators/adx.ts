import { checkPeriod, checkSameLength } from './indicator-args';
import { isTaZero } from './ta-lib-math';
import { trueRange } from './true-range';
import { wilderAverage, wilderSum } from './wilder-smoothing';

/** ADX with its directional indicators: three arrays as long as the input. */
export interface AdxSeries {
  readonly adx: Float64Array;
  readonly plusDi: Float64Array;
  readonly minusDi: Float64Array;
}

/**
 * Average directional index, Wilder's, as TA_ADX (and TA_PLUS_DI /
 * TA_MINUS_DI for the ±DI) compute it:
 * - up = high − prevHigh, down = prevLow − low; +DM = up when up > down and
 *   up > 0, −DM = down when down > up and down > 0, else 0; TR the true range;
 * - +DM, −DM and TR are Wilder running sums: a plain sum over bars 1..n−1,
 *   then sum' = sum − sum/n + today from bar n on;
 * - ±DI = 100 × (±DM sum / TR sum), from bar n (0 when the TR sum is within
 *   TA_EPSILON of zero);
 * - DX = 100 × |+DI − −DI| / (+DI + −DI); ADX at bar 2n − 1 is the plain average
 *   of DX over bars n..2n−1, then ADX' = (ADX × (n − 1) + DX) / n. A bar whose
 *   DX is undefined (zero TR, or +DI + −DI = 0) adds nothing to the first
 *   average (which is still divided by n) and leaves the ADX unchanged after it.
 * Warm-up (lookback): ADX 2n − 1 bars (27 for 14), ±DI n bars.
 * Periods 2..100000 (TA-Lib's range).
 */
export function adxDetail(high: ArrayLike<number>, low: ArrayLike<number>, close: ArrayLike<number>, period = 14): AdxSeries {
  checkPeriod('adxDetail', 'period', period, 2);
  const n = checkSameLength('adxDetail', { high, low, close });
  const stream = new AdxStream(period);
  const out = { adx: new Float64Array(n), plusDi: new Float64Array(n), minusDi: new Float64Array(n) };
  for (let i = 0; i < n; i++) {
    out.adx[i] = stream.update(high[i] ?? Number.NaN, low[i] ?? Number.NaN, close[i] ?? Number.NaN);
    out.plusDi[i] = stream.plusDi;
    out.minusDi[i] = stream.minusDi;
  }
  return out;
}

/** The ADX alone (see `adxDetail`). */
export function adx(high: ArrayLike<number>, low: ArrayLike<number>, close: ArrayLike<number>, period = 14): Float64Array {
  checkPeriod('adx', 'period', period, 2);
  const n = checkSameLength('adx', { high, low, close });
  const stream = new AdxStream(period);
  const out = new Float64Array(n);
  for (let i = 0; i < n; i++) out[i] = stream.update(high[i] ?? Number.NaN, low[i] ?? Number.NaN, close[i] ?? Number.NaN);
  return out;
}

/** ADX one bar at a time, O(1) per bar; the same values as `adx` / `adxDetail`. */
export class AdxStream {
  private bar = 0;
  private prevHigh = Number.NaN;
  private prevLow = Number.NaN;
  private prevClose = Number.NaN;
  private plusDm = 0;
  private minusDm = 0;
  private tr = 0;
  private sumDx = 0;
  private adxValue = Number.NaN;
  private plusDiValue = Number.NaN;
  private minusDiValue = Number.NaN;

  constructor(readonly period = 14) {
    checkPeriod('AdxStream', 'period', period, 2);
  }

  /** Adds a bar; returns the ADX at this bar (NaN during warm-up). */
  update(high: number, low: number, close: number): number {
    const p = this.period;
    const bar = this.bar++;
    const up = high - this.prevHigh;
    const down = this.prevLow - low;
    const tr = trueRange(high, low, this.prevClose);
    this.prevHigh = high;
    this.prevLow = low;
    this.prevClose = close;
    if (bar === 0) return this.adxValue;
    let plusDm = 0;
    let minusDm = 0;
    if (down > 0 && up < down) minusDm = down;
    else if (up > 0 && up > down) plusDm = up;
    if (bar < p) {
      this.plusDm += plusDm;
      this.minusDm += minusDm;
      this.tr += tr;
      return this.adxValue;
    }
    this.plusDm = wilderSum(this.plusDm, plusDm, p);
    this.minusDm = wilderSum(this.minusDm, minusDm, p);
    this.tr = wilderSum(this.tr, tr, p);
    let dx = 0;
    let hasDx = false;
    if (isTaZero(this.tr)) {
      this.plusDiValue = 0;
      this.minusDiValue = 0;
    } else {
      const minusDi = 100 * (this.minusDm / this.tr);
      const plusDi = 100 * (this.plusDm / this.tr);
      this.plusDiValue = plusDi;
      this.minusDiValue = minusDi;
      const sum = minusDi + plusDi;
      if (!isTaZero(sum)) {
        dx = 100 * (Math.abs(minusDi - plusDi) / sum);
        hasDx = true;
      }
    }
    if (bar <= 2 * p - 1) {
      if (hasDx) this.sumDx += dx;
      if (bar === 2 * p - 1) this.adxValue = this.sumDx / p;
    } else if (hasDx) {
      this.adxValue = wilderAverage(this.adxValue, dx, p);
    }
    return this.adxValue;
  }

  /** The ADX at the latest bar (NaN during warm-up). */
  get value(): number {
    return this.adxValue;
  }

  /** +DI at the latest bar (NaN during its warm-up of `period` bars). */
  get plusDi(): number {
    return this.plusDiValue;
  }

  /** −DI at the latest bar (NaN during its warm-up of `period` bars). */
  get minusDi(): number {
    return this.minusDiValue;
  }
}
