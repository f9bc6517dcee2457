import { allocColumns, type BarColumns } from '../../../shared/domain/bar-columns';
import type { Job, JobResult } from './jobs';

/** Columns in fresh, exactly sized arrays: safe to transfer (a slice of a cache is not). */
export function compactColumns(c: BarColumns): BarColumns {
  const out = allocColumns(c.length);
  out.time.set(c.time);
  out.open.set(c.open);
  out.high.set(c.high);
  out.low.set(c.low);
  out.close.set(c.close);
  out.volume.set(c.volume);
  out.trades.set(c.trades);
  out.final.set(c.final);
  return out;
}

function buffersOf(c: BarColumns): ArrayBuffer[] {
  return [c.time, c.open, c.high, c.low, c.close, c.volume, c.trades, c.final].map((a) => a.buffer as ArrayBuffer);
}

/**
 * A job's result made ready to post: its arrays copied into buffers of their
 * own, and those buffers listed for transfer (moved, not copied, to the
 * other thread).
 */
export function forTransfer<J extends Job>(kind: J['kind'], result: JobResult<J>): { result: JobResult<J>; transfer: ArrayBuffer[] } {
  switch (kind) {
    case 'read': {
      const r = result as JobResult<Extract<Job, { kind: 'read' }>>;
      const bars = compactColumns(r.bars);
      return { result: { ...r, bars } as unknown as JobResult<J>, transfer: buffersOf(bars) };
    }
    case 'gym': {
      const g = result as JobResult<Extract<Job, { kind: 'gym' }>>;
      const columns = compactColumns(g.columns);
      const indicators = g.indicators.map((s) => ({ name: s.name, values: Float64Array.from(s.values) }));
      return { result: { ...g, columns, indicators } as unknown as JobResult<J>, transfer: [...buffersOf(columns), ...indicators.map((s) => s.values.buffer)] };
    }
    case 'backtest':
    case 'overlay':
      return { result, transfer: [] };
  }
}
