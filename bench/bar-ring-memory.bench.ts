/**
 * 50 symbols × 5,000-bar BarRings, each filled completely. Target <= 50 MB
 * (heapUsed + arrayBuffers after a forced GC, minus the same before).
 */
import { bar } from '../shared/domain/bar';
import { MINUTE_MS } from '../shared/domain/interval';
import { BarRing, ORIGIN_LIVE } from '../src-main/market-data/engine/bar-ring';
import { START_2023 } from './support/bar-data';
import { prng } from './support/prng';
import { fmt, fmtInt, median } from './support/stats';
import { progress, report } from './support/result';

const SYMBOLS = 50;
const CAPACITY = 5_000;
const RUNS = 5;
const TARGET_MB = 50;
const MB = 1024 * 1024;

const collect = globalThis.gc;
if (collect === undefined) throw new Error('run with node --expose-gc');
const gc = (): void => {
  collect();
  collect();
};
const used = (): number => {
  const m = process.memoryUsage();
  return m.heapUsed + m.arrayBuffers;
};

function fill(): BarRing[] {
  const rnd = prng(5);
  const rings: BarRing[] = [];
  for (let s = 0; s < SYMBOLS; s++) {
    const ring = new BarRing(CAPACITY);
    for (let i = 0; i < CAPACITY; i++) {
      const p = 100 + rnd() * 100;
      ring.insert(bar(START_2023 + i * MINUTE_MS, p, p + 1, p - 1, p, rnd() * 1000, 1 + Math.floor(rnd() * 100), true), ORIGIN_LIVE);
    }
    if (ring.length !== CAPACITY) throw new Error(`ring holds ${String(ring.length)} bars`);
    rings.push(ring);
  }
  return rings;
}

const deltas: number[] = [];
const heapDeltas: number[] = [];
const bufferDeltas: number[] = [];
let keep: BarRing[] = [];
fill(); // warm-up: compile insert/write before measuring
for (let r = 0; r < RUNS; r++) {
  keep = [];
  gc();
  const before = process.memoryUsage();
  keep = fill();
  gc();
  const after = process.memoryUsage();
  deltas.push(after.heapUsed + after.arrayBuffers - (before.heapUsed + before.arrayBuffers));
  heapDeltas.push(after.heapUsed - before.heapUsed);
  bufferDeltas.push(after.arrayBuffers - before.arrayBuffers);
}
const held = keep.reduce((n, ring) => n + ring.length, 0);
const delta = median(deltas) / MB;
progress(`deltas ${deltas.map((d) => fmt(d / MB, 2)).join(', ')} MB; now ${fmt(used() / MB, 1)} MB in use`);
const rawMb = (SYMBOLS * CAPACITY * (7 * 8 + 1 + 1)) / MB;
report({
  name: 'bar-ring-memory',
  what: `${String(SYMBOLS)} symbols × ${fmtInt(CAPACITY)}-bar BarRing, each filled completely (insert(bar, ORIGIN_LIVE))`,
  measured: `${fmt(delta, 1)} MB`,
  target: `<= ${String(TARGET_MB)} MB`,
  pass: delta <= TARGET_MB,
  notes:
    `median of ${String(RUNS)} runs of (heapUsed + arrayBuffers) after - before, gc() twice on each side; ` +
    `heap ${fmt(median(heapDeltas) / MB, 2)} MB + arrayBuffers ${fmt(median(bufferDeltas) / MB, 2)} MB; ` +
    `raw column bytes ${fmt(rawMb, 1)} MB (58 B/bar); ${fmtInt(held)} bars held`,
});
