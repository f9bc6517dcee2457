import { checkPeriod, checkSameLength } from './indicator-args';
import { RollingSum } from './rolling-sum';

/**
 * Chaikin Money Flow (TA-Lib has none; its TA_AD uses the same money-flow
 * volume): MFV = ((close − low) − (high − close)) / (high − low) × volume, 0
 * for a bar with high = low; CMF = Σ MFV / Σ volume over the last n bars, and
 * 0 when every bar of the window has zero volume.
 * Warm-up (lookback): n − 1 bars. Periods 1..100000. Running sums as in
 * RollingSum.
 */
export function cmf(
  high: ArrayLike<number>,
  low: ArrayLike<number>,
  close: ArrayLike<number>,
  volume: ArrayLike<number>,
  period = 20,
): Float64Array {
  checkPeriod('cmf', 'period', period);
  const n = checkSameLength('cmf', { high, low, close, volume });
  const stream = new CmfStream(period);
  const out = new Float64Array(n);
  for (let i = 0; i < n; i++) out[i] = stream.update(high[i] ?? Number.NaN, low[i] ?? Number.NaN, close[i] ?? Number.NaN, volume[i] ?? Number.NaN);
  return out;
}

/** The money-flow volume of one bar (TA_AD's increment). */
export function moneyFlowVolume(high: number, low: number, close: number, volume: number): number {
  const range = high - low;
  return range > 0 ? ((close - low - (high - close)) / range) * volume : 0;
}

/** CMF one bar at a time, O(1) per bar; the same values as `cmf`. */
export class CmfStream {
  private readonly flow: RollingSum;
  private readonly volume: RollingSum;
  /** Bars with nonzero volume in the window: an exact count, unlike the running volume sum. */
  private readonly traded: RollingSum;
  private last = Number.NaN;

  constructor(readonly period = 20) {
    checkPeriod('CmfStream', 'period', period);
    this.flow = new RollingSum(period);
    this.volume = new RollingSum(period);
    this.traded = new RollingSum(period);
  }

  /** Adds a bar; returns the CMF at this bar (NaN during warm-up). */
  update(high: number, low: number, close: number, volume: number): number {
    const flow = this.flow.push(moneyFlowVolume(high, low, close, volume));
    const total = this.volume.push(volume);
    const traded = this.traded.push(volume !== 0 ? 1 : 0);
    this.last = traded === 0 ? 0 : flow / total;
    return this.last;
  }

  /** The CMF at the latest bar (NaN during warm-up). */
  get value(): number {
    return this.last;
  }
}
