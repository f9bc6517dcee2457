import type { Bar } from '../../shared/domain/bar';
import { normalizeBars, type BarList } from './bar-book';

/** A page of older bars put in front of the bars held. */
export interface OlderMerge {
  readonly bars: Bar[];
  /** Bars the page added in front (what the chart's logical indexes shift by). */
  readonly added: number;
  /** Bars of the page at or after the first bar held: a broken seam, dropped rather than drawn twice. */
  readonly overlap: number;
}

/**
 * Joins a `bars.get` page asked for with `to` = the paging cursor to the bars
 * held. The seam must hold (the page's last bar opens before the first bar
 * held); bars that break it are dropped and counted, never duplicated.
 */
export function prependOlder(held: BarList, page: readonly Bar[]): OlderMerge {
  const first = held[0];
  const sorted = normalizeBars(page);
  if (first === undefined) return { bars: sorted, added: sorted.length, overlap: 0 };
  let end = sorted.length;
  while (end > 0 && (sorted[end - 1]?.time ?? 0) >= first.time) end--;
  const older = end === sorted.length ? sorted : sorted.slice(0, end);
  return { bars: older.length === 0 ? held.slice() : older.concat(held), added: older.length, overlap: sorted.length - end };
}
