/**
 * The Binance live path without the socket: 1,000,000 combined-stream trade
 * frames (JSON text exactly as Binance sends them) through parseWsFrame →
 * CandleBuilder.apply → BarMerger.live, one thread, as LiveSeries wires them.
 * Target >= 200,000 messages/s.
 */
import { BarMerger, type MergedUpdate } from '../src-main/market-data/engine/bar-merger';
import { CandleBuilder } from '../src-main/market-data/engine/candle-builder';
import { parseWsFrame, type WsParseResult } from '../src-main/market-data/feeds/binance/parse-ws';
import type { Trade } from '../shared/domain/trade';
import { START_2023 } from './support/bar-data';
import { tradeData, tradeFrame } from './support/binance-trades';
import { prng } from './support/prng';
import { fmt, fmtInt, median, msSince } from './support/stats';
import { progress, report } from './support/result';

const MESSAGES = 1_000_000;
const WARMUP = 1;
const RUNS = 5;
const TARGET = 200_000;
/** MarketData's default live ring. */
const RING = 5_000;

function generate(n: number): string[] {
  const rnd = prng(11);
  const out = new Array<string>(n);
  let time = START_2023;
  let cents = 4_200_000;
  for (let i = 0; i < n; i++) {
    time += Math.floor(rnd() * 100); // mean gap 49.5 ms: ~20 trades/s, ~830 minutes in all
    cents = Math.max(100, cents + Math.floor((rnd() - 0.5) * 41)); // ±20 cents a trade
    const qty = 1 + Math.floor(rnd() * rnd() * 200_000); // 0.00001 .. 2 BTC, mostly small
    out[i] = tradeFrame(tradeData('BTCUSDT', 3_000_000_000 + i, cents, qty, time, time + 1 + Math.floor(rnd() * 5), rnd() < 0.5));
  }
  return out;
}

const genStart = process.hrtime.bigint();
const frames = generate(MESSAGES);
const bytes = frames.reduce((n, f) => n + f.length, 0);
progress(`generated ${fmtInt(MESSAGES)} frames (${fmt(bytes / MESSAGES, 0)} B each, e.g. ${frames[0] ?? ''}) in ${fmt(msSince(genStart), 0)} ms`);

interface Outcome {
  ms: number;
  updates: number;
  finals: number;
  failed: number;
}

function tradeOf(r: WsParseResult): Trade | undefined {
  return r.ok && r.frame.type === 'data' && r.frame.message.kind === 'trade' ? r.frame.message.trade : undefined;
}

/** The whole path, one message at a time. */
function once(): Outcome {
  let updates = 0;
  let finals = 0;
  let failed = 0;
  const merger = new BarMerger(RING, (u: MergedUpdate) => {
    updates++;
    if (u.bar.final) finals++;
  });
  const builder = new CandleBuilder((b) => merger.live(b));
  const start = process.hrtime.bigint();
  for (let i = 0; i < frames.length; i++) {
    const trade = tradeOf(parseWsFrame(frames[i] as string));
    if (trade === undefined) failed++;
    else builder.apply(trade);
  }
  return { ms: msSince(start), updates, finals, failed };
}

for (let i = 0; i < WARMUP; i++) once();
const rates: number[] = [];
let last: Outcome = { ms: 0, updates: 0, finals: 0, failed: 0 };
for (let i = 0; i < RUNS; i++) {
  last = once();
  if (last.failed > 0) throw new Error(`${String(last.failed)} frames did not parse as trades`);
  rates.push(MESSAGES / (last.ms / 1000));
  progress(`run ${String(i + 1)}/${String(RUNS)}: ${fmt(last.ms, 0)} ms`);
}
const rate = median(rates);

// Where the time goes: the first BREAKDOWN frames through each stage on its own (once each, after the runs above).
const BREAKDOWN = 200_000;
const jsonStart = process.hrtime.bigint();
let parsedJson = 0;
for (let i = 0; i < BREAKDOWN; i++) if (JSON.parse(frames[i] as string) !== null) parsedJson++;
const jsonMs = msSince(jsonStart);
const trades = new Array<Trade>(BREAKDOWN);
const parseStart = process.hrtime.bigint();
for (let i = 0; i < BREAKDOWN; i++) trades[i] = tradeOf(parseWsFrame(frames[i] as string)) as Trade;
const parseMs = msSince(parseStart);
const merger = new BarMerger(RING);
const builder = new CandleBuilder((b) => merger.live(b));
const applyStart = process.hrtime.bigint();
for (let i = 0; i < BREAKDOWN; i++) builder.apply(trades[i] as Trade);
const applyMs = msSince(applyStart);
const us = (ms: number): string => `${fmt((ms * 1000) / BREAKDOWN, 2)} µs`;
progress(`per message: JSON.parse alone ${us(jsonMs)}, parseWsFrame ${us(parseMs)}, builder + merger ${us(applyMs)} (${fmtInt(parsedJson)} frames)`);

report({
  name: 'binance-trade-throughput',
  what:
    `parseWsFrame → CandleBuilder.apply → BarMerger.live (${fmtInt(RING)}-bar ring): ${fmtInt(MESSAGES)} pre-built combined-stream btcusdt@trade frames ` +
    '(JSON text as Binance sends it, 8-decimal strings, ~20 trades/s of market time), one thread',
  measured: `${fmtInt(rate)} msgs/s`,
  target: `>= ${fmtInt(TARGET)} msgs/s`,
  pass: rate >= TARGET,
  notes:
    `median of ${String(RUNS)} runs after ${String(WARMUP)} warm-up; runs ${fmtInt(Math.min(...rates))}–${fmtInt(Math.max(...rates))} msgs/s; ` +
    `${fmtInt(last.updates)} merged updates per run (${fmtInt(last.finals)} closes); ${fmt(bytes / MESSAGES, 0)} B/frame; ` +
    `per message (first ${fmtInt(BREAKDOWN)} frames, each stage alone): parseWsFrame ${us(parseMs)} (bare JSON.parse ${us(jsonMs)}; the rest is its zod envelope and trade schemas), builder + merger ${us(applyMs)}`,
});
