import type { EquityCurve } from '../../../shared/contract';
import type { EpochMs } from '../../../shared/domain/epoch';

/** Points kept of an equity curve for the store and the wire (the statistics are computed on every bar before this). */
export const MAX_EQUITY_POINTS = 20_000;

/**
 * An equity curve cut down to at most `max` points for drawing: the curve is
 * split into max/2 buckets and each keeps its deepest-drawdown point and its
 * last point, in time order, so the max drawdown and the final equity are
 * still on the chart. A curve within the limit is returned as it is.
 */
export function thinEquity(curve: EquityCurve, max = MAX_EQUITY_POINTS): EquityCurve {
  const n = curve.time.length;
  if (n <= max) return curve;
  const buckets = Math.floor(max / 2);
  const keep: number[] = [];
  for (let b = 0; b < buckets; b++) {
    const start = Math.floor((b * n) / buckets);
    const end = Math.floor(((b + 1) * n) / buckets);
    if (end <= start) continue;
    let deepest = start;
    for (let i = start + 1; i < end; i++) if ((curve.drawdownPct[i] ?? 0) < (curve.drawdownPct[deepest] ?? 0)) deepest = i;
    if (deepest !== end - 1) keep.push(deepest);
    keep.push(end - 1);
  }
  return {
    time: keep.map((i) => curve.time[i] ?? (0 as EpochMs)),
    equity: keep.map((i) => curve.equity[i] ?? 0),
    drawdownPct: keep.map((i) => curve.drawdownPct[i] ?? 0),
  };
}
