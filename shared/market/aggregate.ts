import { allocColumns, sliceColumns, type BarColumns } from '../domain/bar-columns';
import type { Interval } from '../domain/interval';
import { bucketOf, type Bucket } from './bucket';
import type { MarketKind } from './market-kind';

export interface AggregateOptions {
  /** Length of one input bar in ms (60 000 for 1m input). */
  readonly baseMs: number;
  /**
   * Data is known complete up to this instant (e.g. now, or the end of the
   * requested range): a bucket that ends by then is final once all its bars are.
   */
  readonly asOf?: number;
}

/**
 * THE aggregation: turns base bars (1m, or 1h/1d for sources that only have
 * those) into bars of `target` with the market's alignment rule (bucket.ts).
 * open = first open, high = max, low = min, close = last close,
 * volume and trades = sums; a bar's time is its bucket's start. Input bars
 * outside every bucket (a US equity's pre/post-market minutes) are left out.
 * A bucket is final when every bar in it is final and the bucket is over:
 * its last base slot is present, a later bar exists, or `asOf` has passed its end.
 * Input must be in time order; output is in time order.
 */
export function aggregate(market: MarketKind, target: Interval, input: BarColumns, options: AggregateOptions): BarColumns {
  const n = input.length;
  const out = allocColumns(n);
  const asOf = options.asOf ?? Number.NEGATIVE_INFINITY;
  let k = -1;
  let bucket: Bucket | null = null;
  let allFinal = true;
  let lastEnd = 0;

  const closeBucket = (nextTime: number): void => {
    if (k < 0 || bucket === null) return;
    const over = lastEnd >= bucket.end || nextTime >= bucket.end || asOf >= bucket.end;
    out.final[k] = allFinal && over ? 1 : 0;
  };

  for (let i = 0; i < n; i++) {
    const t = input.time[i] ?? 0;
    if (bucket === null || t < bucket.start || t >= bucket.end) {
      const next = bucketOf(market, target, t);
      if (next === null) continue;
      closeBucket(t);
      bucket = next;
      k += 1;
      out.time[k] = next.start;
      out.open[k] = input.open[i] ?? 0;
      out.high[k] = input.high[i] ?? 0;
      out.low[k] = input.low[i] ?? 0;
      out.close[k] = input.close[i] ?? 0;
      out.volume[k] = input.volume[i] ?? 0;
      out.trades[k] = input.trades[i] ?? 0;
      allFinal = input.final[i] === 1;
      lastEnd = t + options.baseMs;
      continue;
    }
    const h = input.high[i] ?? 0;
    const l = input.low[i] ?? 0;
    if (h > (out.high[k] ?? 0)) out.high[k] = h;
    if (l < (out.low[k] ?? 0)) out.low[k] = l;
    out.close[k] = input.close[i] ?? 0;
    out.volume[k] = (out.volume[k] ?? 0) + (input.volume[i] ?? 0);
    out.trades[k] = (out.trades[k] ?? 0) + (input.trades[i] ?? 0);
    allFinal = allFinal && input.final[i] === 1;
    lastEnd = t + options.baseMs;
  }
  closeBucket(Number.NEGATIVE_INFINITY);
  return sliceColumns(out, 0, k + 1);
}
