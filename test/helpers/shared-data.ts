import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

/** ../shared/data beside the repository (read in place, never copied in). */
export const SHARED_DATA = fileURLToPath(new URL('../../../shared/data/', import.meta.url));

export interface CsvRow {
  readonly stamp: string;
  readonly open: number;
  readonly high: number;
  readonly low: number;
  readonly close: number;
  readonly volume: number;
}

/** Reads a ../shared/data CSV (`,Open,High,Low,Close,Volume`) with a deliberately naive parser, for test references. */
export function readSharedCsv(name: string): CsvRow[] {
  const lines = readFileSync(`${SHARED_DATA}${name}`, 'utf8').trim().split('\n').slice(1);
  return lines.map((line) => {
    const [stamp = '', o = '', h = '', l = '', c = '', v = ''] = line.split(',');
    return { stamp, open: Number(o), high: Number(h), low: Number(l), close: Number(c), volume: Number(v) };
  });
}
