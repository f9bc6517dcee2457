import { allocColumns, columnsFromBars, copyRow, sliceColumns, type BarColumns } from '../../shared/domain/bar-columns';
import type { Bar } from '../../shared/domain/bar';

/** Merges two time-ordered column sets; on equal open times the `top` row wins. */
export function overlay(base: BarColumns, top: BarColumns): BarColumns {
  if (top.length === 0) return base;
  if (base.length === 0) return top;
  const out = allocColumns(base.length + top.length);
  let i = 0;
  let j = 0;
  let k = 0;
  const take = (c: BarColumns, r: number): void => {
    copyRow(out, k++, c, r);
  };
  while (i < base.length || j < top.length) {
    const tb = i < base.length ? (base.time[i] ?? 0) : Number.POSITIVE_INFINITY;
    const tt = j < top.length ? (top.time[j] ?? 0) : Number.POSITIVE_INFINITY;
    if (tb < tt) take(base, i++);
    else if (tt < tb) take(top, j++);
    else {
      take(top, j++);
      i++;
    }
  }
  return sliceColumns(out, 0, k);
}

/** Columns from bars, sorted by time with later duplicates dropped (feeds should not send any). */
export function columnsFromBarsSorted(bars: readonly Bar[]): BarColumns {
  const sorted = [...bars].sort((a, b) => a.time - b.time).filter((b, i, all) => i === 0 || b.time !== all[i - 1]?.time);
  return columnsFromBars(sorted);
}
