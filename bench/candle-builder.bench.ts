/**
 * 5,000,000 trades of one symbol (~20 a second of market time, increasing ids)
 * through CandleBuilder into 1m bars, one thread. Target >= 5,000,000 trades/s.
 */
import type { Bar } from '../shared/domain/bar';
import type { EpochMs } from '../shared/domain/epoch';
import type { Trade } from '../shared/domain/trade';
import { CandleBuilder } from '../src-main/market-data/engine/candle-builder';
import { START_2023 } from './support/bar-data';
import { prng } from './support/prng';
import { fmt, fmtInt, median, msSince } from './support/stats';
import { progress, report } from './support/result';

const TRADES = 5_000_000;
const WARMUP = 1;
const RUNS = 5;
const TARGET = 5_000_000;

function generate(n: number): Trade[] {
  const rnd = prng(3);
  const out = new Array<Trade>(n);
  let time = START_2023;
  let price = 30_000;
  for (let i = 0; i < n; i++) {
    time += Math.floor(rnd() * 100); // mean gap 49.5 ms: ~20 trades/s
    price = Math.max(1, price + (rnd() - 0.5) * 2);
    out[i] = { id: i + 1, time: time as EpochMs, price: Math.round(price * 100) / 100, size: Math.round(rnd() * 1e5) / 1e5 };
  }
  return out;
}

const genStart = process.hrtime.bigint();
const trades = generate(TRADES);
progress(`generated ${fmtInt(TRADES)} trades in ${fmt(msSince(genStart), 0)} ms`);

function once(): { ms: number; events: number; finals: number } {
  let events = 0;
  let finals = 0;
  const builder = new CandleBuilder((b: Bar) => {
    events++;
    if (b.final) finals++;
  });
  const start = process.hrtime.bigint();
  for (let i = 0; i < trades.length; i++) builder.apply(trades[i] as Trade);
  return { ms: msSince(start), events, finals };
}

for (let i = 0; i < WARMUP; i++) once();
const rates: number[] = [];
let last = { ms: 0, events: 0, finals: 0 };
for (let i = 0; i < RUNS; i++) {
  last = once();
  rates.push(TRADES / (last.ms / 1000));
  progress(`run ${String(i + 1)}/${String(RUNS)}: ${fmt(last.ms, 0)} ms`);
}
const rate = median(rates);
report({
  name: 'candle-builder',
  what: 'CandleBuilder.apply: 5,000,000 pre-generated trades of one symbol (~20/s of market time, increasing ids) into 1m bars, one thread, counting sink',
  measured: `${fmtInt(rate)} trades/s`,
  target: `>= ${fmtInt(TARGET)} trades/s`,
  pass: rate >= TARGET,
  notes:
    `median of ${String(RUNS)} runs after ${String(WARMUP)} warm-up; runs ${fmtInt(Math.min(...rates))}–${fmtInt(Math.max(...rates))} trades/s; ` +
    `${fmtInt(last.events)} bar events per run (one per trade + ${fmtInt(last.finals)} closes), each a new Bar object`,
});
