/**
 * One update fanned out by StreamHub to 100 subscribers of one key, in
 * process. Target p99 <= 1 ms per update.
 */
import { bar, type Bar } from '../shared/domain/bar';
import { MINUTE_MS } from '../shared/domain/interval';
import { StreamHub, type StreamSink } from '../src-main/market-data/engine/stream-hub';
import { START_2023 } from './support/bar-data';
import { prng } from './support/prng';
import { fmt, fmtInt, median, quantile } from './support/stats';
import { progress, report } from './support/result';

const SUBSCRIBERS = 100;
const UPDATES = 10_000;
const WARMUP_UPDATES = 2_000;
const RUNS = 5;
const TARGET_MS = 1;

class LastSink implements StreamSink<Bar> {
  last: Bar | null = null;
  count = 0;
  deliver(update: Bar): void {
    this.last = update;
    this.count++;
  }
}

const rnd = prng(4);
const updates: Bar[] = [];
for (let i = 0; i < UPDATES; i++) {
  const p = 30_000 + rnd() * 100;
  // A forming bar updated ~10 times, then the next minute.
  updates.push(bar(START_2023 + Math.floor(i / 10) * MINUTE_MS, p, p + 5, p - 5, p, rnd(), i % 10, false));
}

let push: (u: Bar) => void = () => undefined;
const hub = new StreamHub<Bar>(
  () => (p) => {
    push = p;
    return () => undefined;
  },
  (u) => u.time,
  (fn, ms) => {
    const h = setInterval(fn, ms);
    return () => {
      clearInterval(h);
    };
  },
);
const sinks: LastSink[] = [];
const unsubscribe: (() => void)[] = [];
for (let i = 0; i < SUBSCRIBERS; i++) {
  const s = new LastSink();
  sinks.push(s);
  unsubscribe.push(hub.subscribe('bench:BTC-USD:1m', s));
}

function run(n: number): number[] {
  const out = new Array<number>(n);
  for (let i = 0; i < n; i++) {
    const u = updates[i % UPDATES] as Bar;
    const start = process.hrtime.bigint();
    push(u);
    out[i] = Number(process.hrtime.bigint() - start) / 1e6;
  }
  return out;
}

run(WARMUP_UPDATES);
const all: number[] = [];
const p99s: number[] = [];
for (let r = 0; r < RUNS; r++) {
  const samples = run(UPDATES);
  p99s.push(quantile(samples, 0.99));
  all.push(...samples);
}
for (const u of unsubscribe) u();
const delivered = sinks.reduce((n, s) => n + s.count, 0);
const expected = SUBSCRIBERS * (WARMUP_UPDATES + RUNS * UPDATES);
if (delivered !== expected) throw new Error(`delivered ${String(delivered)}, expected ${String(expected)}`);

const us = (ms: number): string => `${fmt(ms * 1000, 1)} µs`;
const p99 = quantile(all, 0.99);
progress(`per-run p99 ${p99s.map(us).join(', ')}`);
report({
  name: 'stream-hub-fanout',
  what: `StreamHub: one update pushed to ${String(SUBSCRIBERS)} subscribers of one key (sinks store the last update), latency per update`,
  measured: `p99 ${us(p99)}`,
  target: `p99 <= ${String(TARGET_MS)} ms`,
  pass: p99 <= TARGET_MS,
  notes:
    `${String(RUNS)} runs × ${fmtInt(UPDATES)} updates after ${fmtInt(WARMUP_UPDATES)} warm-up, timed with process.hrtime.bigint around each push; ` +
    `p50 ${us(quantile(all, 0.5))}, p99 ${us(p99)}, max ${us(Math.max(...all))}; per-run p99 median ${us(median(p99s))}; ` +
    `${fmtInt(delivered)} deliveries checked`,
});
