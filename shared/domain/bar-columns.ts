import { bar, type Bar } from './bar';
import { lowerBoundOf } from './sorted-search';

/**
 * Bars as parallel typed arrays (struct of arrays): what the store decodes
 * into and what aggregation runs over, without an object per bar.
 * `final` is 1 for a closed bar, 0 for a forming one.
 */
export interface BarColumns {
  readonly length: number;
  readonly time: Float64Array;
  readonly open: Float64Array;
  readonly high: Float64Array;
  readonly low: Float64Array;
  readonly close: Float64Array;
  readonly volume: Float64Array;
  readonly trades: Float64Array;
  readonly final: Uint8Array;
}

export function allocColumns(length: number): BarColumns {
  return {
    length,
    time: new Float64Array(length),
    open: new Float64Array(length),
    high: new Float64Array(length),
    low: new Float64Array(length),
    close: new Float64Array(length),
    volume: new Float64Array(length),
    trades: new Float64Array(length),
    final: new Uint8Array(length),
  };
}

export const EMPTY_COLUMNS: BarColumns = allocColumns(0);

/** A view of rows [start, end) sharing the same memory. */
export function sliceColumns(c: BarColumns, start: number, end: number): BarColumns {
  const s = Math.max(0, Math.min(start, c.length));
  const e = Math.max(s, Math.min(end, c.length));
  return {
    length: e - s,
    time: c.time.subarray(s, e),
    open: c.open.subarray(s, e),
    high: c.high.subarray(s, e),
    low: c.low.subarray(s, e),
    close: c.close.subarray(s, e),
    volume: c.volume.subarray(s, e),
    trades: c.trades.subarray(s, e),
    final: c.final.subarray(s, e),
  };
}

/** Copies row `i` of `from` into row `k` of `to`. */
export function copyRow(to: BarColumns, k: number, from: BarColumns, i: number): void {
  to.time[k] = from.time[i] ?? 0;
  to.open[k] = from.open[i] ?? 0;
  to.high[k] = from.high[i] ?? 0;
  to.low[k] = from.low[i] ?? 0;
  to.close[k] = from.close[i] ?? 0;
  to.volume[k] = from.volume[i] ?? 0;
  to.trades[k] = from.trades[i] ?? 0;
  to.final[k] = from.final[i] ?? 0;
}

/** Concatenates column sets already in time order. */
export function concatColumns(parts: readonly BarColumns[]): BarColumns {
  const total = parts.reduce((n, p) => n + p.length, 0);
  const out = allocColumns(total);
  let at = 0;
  for (const p of parts) {
    out.time.set(p.time, at);
    out.open.set(p.open, at);
    out.high.set(p.high, at);
    out.low.set(p.low, at);
    out.close.set(p.close, at);
    out.volume.set(p.volume, at);
    out.trades.set(p.trades, at);
    out.final.set(p.final, at);
    at += p.length;
  }
  return out;
}

export function columnsFromBars(bars: readonly Bar[]): BarColumns {
  const c = allocColumns(bars.length);
  bars.forEach((b, i) => {
    c.time[i] = b.time;
    c.open[i] = b.open;
    c.high[i] = b.high;
    c.low[i] = b.low;
    c.close[i] = b.close;
    c.volume[i] = b.volume;
    c.trades[i] = b.trades;
    c.final[i] = b.final ? 1 : 0;
  });
  return c;
}

export function barAt(c: BarColumns, i: number): Bar {
  return bar(
    c.time[i] ?? 0,
    c.open[i] ?? 0,
    c.high[i] ?? 0,
    c.low[i] ?? 0,
    c.close[i] ?? 0,
    c.volume[i] ?? 0,
    c.trades[i] ?? 0,
    c.final[i] === 1,
  );
}

export function barsFromColumns(c: BarColumns): Bar[] {
  const out = new Array<Bar>(c.length);
  for (let i = 0; i < c.length; i++) out[i] = barAt(c, i);
  return out;
}

/** Index of the first row with time >= t (binary search; rows are in time order). */
export function lowerBound(c: BarColumns, t: number): number {
  return lowerBoundOf(c.time, t);
}
