/**
 * One year of 1m bars (525,600, crypto) read with BarStore.range and
 * aggregated to 1h. Target <= 150 ms for read + aggregate.
 */
import { MINUTE_MS } from '../shared/domain/interval';
import { aggregate } from '../shared/market/aggregate';
import { BarStore, type SeriesKey } from '../src-main/platform/store/bar-store';
import { randomWalkBars, START_2023 } from './support/bar-data';
import { fmt, median, msSince } from './support/stats';
import { progress, report } from './support/result';
import { tempStore } from './support/temp-store';

const YEAR_BARS = 525_600;
const WARMUP = 3;
const RUNS = 15;
const TARGET_MS = 150;
const KEY: SeriesKey = { source: 'bench', symbol: 'BTC-USD', interval: '1m' };
const FROM = START_2023;
const TO = START_2023 + YEAR_BARS * MINUTE_MS;

const t = tempStore('tapedeck-bench-range-');
try {
  t.store.upsert(KEY, 'crypto', randomWalkBars(YEAR_BARS, START_2023, MINUTE_MS, 2), 'fill');

  const read: number[] = [];
  const agg: number[] = [];
  const total: number[] = [];
  for (let i = 0; i < WARMUP + RUNS; i++) {
    const start = process.hrtime.bigint();
    // Fresh store object each run: statements prepared anew, no series-id cache.
    const cols = new BarStore(t.db).range(KEY, FROM, TO);
    const readMs = msSince(start);
    const mid = process.hrtime.bigint();
    const hours = aggregate('crypto', '1h', cols, { baseMs: MINUTE_MS });
    const aggMs = msSince(mid);
    if (cols.length !== YEAR_BARS || hours.length !== YEAR_BARS / 60) {
      throw new Error(`read ${String(cols.length)} bars, aggregated ${String(hours.length)} hours`);
    }
    if (i < WARMUP) continue;
    read.push(readMs);
    agg.push(aggMs);
    total.push(readMs + aggMs);
  }
  const med = median(total);
  progress(`total ${total.map((x) => fmt(x, 1)).join(', ')} ms`);
  report({
    name: 'bar-store-range-1h',
    what: 'BarStore.range of one year of 1m bars (525,600, crypto, one symbol) + aggregate to 1h (8,760 bars)',
    measured: `${fmt(med, 1)} ms`,
    target: `<= ${String(TARGET_MS)} ms`,
    pass: med <= TARGET_MS,
    notes:
      `median of ${String(RUNS)} runs after ${String(WARMUP)} warm-up (max ${fmt(Math.max(...total), 1)} ms); ` +
      `read ${fmt(median(read), 1)} ms + aggregate ${fmt(median(agg), 1)} ms (medians); ` +
      `fresh BarStore per run on an open connection, SQLite pages in the OS cache (cold-ish, not a cold disk)`,
  });
} finally {
  t.remove();
}
