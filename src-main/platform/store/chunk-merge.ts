import { allocColumns, copyRow, sliceColumns, type BarColumns } from '../../../shared/domain/bar-columns';

/**
 * How incoming bars treat bars already stored at the same open time:
 * - `fill` (history, backfill, import): only missing bars are added, and a
 *   forming bar is upgraded by a final one; nothing final is ever changed;
 * - `replace` (the live pipeline, corrections): the incoming bar wins,
 *   except that a forming bar never replaces a final one.
 */
export type UpsertMode = 'fill' | 'replace';

export interface MergeCounts {
  inserted: number;
  updated: number;
  unchanged: number;
}

function sameBar(a: BarColumns, i: number, b: BarColumns, j: number): boolean {
  return (
    a.open[i] === b.open[j] &&
    a.high[i] === b.high[j] &&
    a.low[i] === b.low[j] &&
    a.close[i] === b.close[j] &&
    a.volume[i] === b.volume[j] &&
    a.trades[i] === b.trades[j] &&
    a.final[i] === b.final[j]
  );
}

/**
 * Merges sorted, duplicate-free `incoming` into sorted `existing`; counts go
 * into `counts`. Returns the merged columns (or `existing` itself when nothing changed).
 */
export function mergeChunk(existing: BarColumns, incoming: BarColumns, mode: UpsertMode, counts: MergeCounts): BarColumns {
  const out = allocColumns(existing.length + incoming.length);
  let i = 0;
  let j = 0;
  let k = 0;
  let changed = false;
  while (i < existing.length || j < incoming.length) {
    const te = i < existing.length ? (existing.time[i] ?? 0) : Number.POSITIVE_INFINITY;
    const ti = j < incoming.length ? (incoming.time[j] ?? 0) : Number.POSITIVE_INFINITY;
    if (te < ti) {
      copyRow(out, k++, existing, i++);
    } else if (ti < te) {
      copyRow(out, k++, incoming, j++);
      counts.inserted++;
      changed = true;
    } else {
      const existingFinal = existing.final[i] === 1;
      const incomingFinal = incoming.final[j] === 1;
      const take = mode === 'fill' ? !existingFinal && incomingFinal : incomingFinal || !existingFinal;
      if (take && !sameBar(existing, i, incoming, j)) {
        copyRow(out, k++, incoming, j);
        counts.updated++;
        changed = true;
      } else {
        copyRow(out, k++, existing, i);
        counts.unchanged++;
      }
      i++;
      j++;
    }
  }
  return changed ? sliceColumns(out, 0, k) : existing;
}
