import { readSharedCsv } from '../../../helpers/shared-data';
import type { Bars } from './indicator-cases';

/** ../shared/data/GOOG.csv (daily, 2004-08-19 on) as columns; one session per bar's calendar month (for VWAP). */
export function googBars(): Bars {
  const rows = readSharedCsv('GOOG.csv');
  const col = (pick: (r: (typeof rows)[number]) => number): Float64Array => Float64Array.from(rows, pick);
  return {
    length: rows.length,
    high: col((r) => r.high),
    low: col((r) => r.low),
    close: col((r) => r.close),
    volume: col((r) => r.volume),
    session: col((r) => Number(r.stamp.slice(0, 7).replace('-', ''))),
  };
}
