import type { BarColumns } from '../../../shared/domain/bar-columns';

/** Bar columns in one SharedArrayBuffer: handed to every worker without a copy per worker. */
export interface SharedColumns {
  readonly buffer: SharedArrayBuffer;
  readonly length: number;
}

const FIELDS = ['time', 'open', 'high', 'low', 'close', 'volume', 'trades'] as const;

export function shareColumns(c: BarColumns): SharedColumns {
  const n = c.length;
  const buffer = new SharedArrayBuffer(n * 8 * FIELDS.length + n);
  FIELDS.forEach((f, k) => new Float64Array(buffer, k * n * 8, n).set(c[f]));
  new Uint8Array(buffer, FIELDS.length * n * 8, n).set(c.final);
  return { buffer, length: n };
}

export function columnsOf(s: SharedColumns): BarColumns {
  const n = s.length;
  const f64 = (k: number): Float64Array => new Float64Array(s.buffer, k * n * 8, n);
  return {
    length: n,
    time: f64(0),
    open: f64(1),
    high: f64(2),
    low: f64(3),
    close: f64(4),
    volume: f64(5),
    trades: f64(6),
    final: new Uint8Array(s.buffer, FIELDS.length * n * 8, n),
  };
}
