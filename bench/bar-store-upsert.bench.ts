/**
 * 1,000,000 1m bars of one crypto series upserted in 'fill' mode into a fresh
 * SQLite file, 100,000 bars (one transaction) per call. Target >= 500,000 bars/s.
 */
import { sliceColumns } from '../shared/domain/bar-columns';
import { MINUTE_MS } from '../shared/domain/interval';
import type { SeriesKey } from '../src-main/platform/store/bar-store';
import { randomWalkBars, START_2023 } from './support/bar-data';
import { fmt, fmtInt, median, msSince } from './support/stats';
import { progress, report } from './support/result';
import { tempStore } from './support/temp-store';

const BARS = 1_000_000;
const BATCH = 100_000;
const WARMUP = 1;
const RUNS = 7;
const TARGET = 500_000;
const KEY: SeriesKey = { source: 'bench', symbol: 'BTC-USD', interval: '1m' };

const bars = randomWalkBars(BARS, START_2023, MINUTE_MS, 1);

function once(): { ms: number; inserted: number } {
  const t = tempStore('tapedeck-bench-upsert-');
  try {
    let inserted = 0;
    const start = process.hrtime.bigint();
    for (let i = 0; i < BARS; i += BATCH) inserted += t.store.upsert(KEY, 'crypto', sliceColumns(bars, i, i + BATCH), 'fill').inserted;
    const ms = msSince(start);
    return { ms, inserted };
  } finally {
    t.remove();
  }
}

for (let i = 0; i < WARMUP; i++) once();
const rates: number[] = [];
for (let i = 0; i < RUNS; i++) {
  const r = once();
  if (r.inserted !== BARS) throw new Error(`expected ${String(BARS)} inserted, got ${String(r.inserted)}`);
  rates.push(BARS / (r.ms / 1000));
  progress(`run ${String(i + 1)}/${String(RUNS)}: ${fmt(r.ms, 0)} ms`);
}
const rate = median(rates);
report({
  name: 'bar-store-upsert',
  what: "BarStore.upsert of 1,000,000 1m bars (one crypto series, 'fill') into a fresh SQLite file, 10 calls of 100,000 bars",
  measured: `${fmtInt(rate)} bars/s`,
  target: `>= ${fmtInt(TARGET)} bars/s`,
  pass: rate >= TARGET,
  notes:
    `median of ${String(RUNS)} runs after ${String(WARMUP)} warm-up; runs ${fmtInt(Math.min(...rates))}–${fmtInt(Math.max(...rates))} bars/s; ` +
    `WAL + synchronous=FULL (one fsync per call), ~695 chunk blobs of 1,440 bars; new temp dir per run; the spread is the disk's fsync time`,
});
