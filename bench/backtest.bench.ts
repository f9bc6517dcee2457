/**
 * SMA-cross (fast 10, slow 30) backtest over 1,000,000 seeded 1m bars already
 * in memory: runBacktest end to end (config check, input validation, the bar
 * loop, statistics), one thread. Target <= 100 ms. The risk-of-ruin bootstrap
 * (added to the statistics later, up to 20,000,000 seeded draws) is measured
 * as its own row: the engine's row runs with it off, as the optimiser does.
 */
import { loadavg } from 'node:os';
import { MINUTE_MS } from '../shared/domain/interval';
import { smaCrossStrategy } from '../shared/strategy/strategies/sma-cross';
import { runBacktest, type BacktestOutput } from '../src-main/research/backtest';
import { RUIN_DRAW_BUDGET, RUIN_MIN_PATHS, RUIN_PATHS, riskOfRuinPct } from '../src-main/research/backtest/risk-of-ruin';
import { randomWalkBars, START_2023 } from './support/bar-data';
import { fmt, fmtInt, median, msSince } from './support/stats';
import { progress, report } from './support/result';

const BARS = 1_000_000;
const WARMUP = 2;
const RUNS = 9;
const TARGET_MS = 100;
/** risk-of-ruin.ts: "a million-bar run with 35,000 trades stays well under a second". */
const RUIN_TARGET_MS = 1000;
const SETUP = { market: 'crypto', intervalMs: MINUTE_MS } as const;
// No commission: with 0.1% a random walk's ~9,000 round trips grind equity to dust and late entries stop filling.
const CONFIG = { ...SETUP, cash: 10_000, fractional: true } as const;

const genStart = process.hrtime.bigint();
const bars = randomWalkBars(BARS, START_2023, MINUTE_MS, 11);
progress(`generated ${fmtInt(BARS)} bars in ${fmt(msSince(genStart), 0)} ms`);

function once(riskOfRuin = false): { ms: number; output: BacktestOutput } {
  const strategy = smaCrossStrategy.create({ fast: 10, slow: 30 }, SETUP);
  const start = process.hrtime.bigint();
  const outcome = runBacktest(strategy, bars, CONFIG, { riskOfRuin });
  const ms = msSince(start);
  if (!outcome.ok) throw new Error(`backtest failed: ${outcome.error.message}`);
  return { ms, output: outcome.output };
}

/** The strategy alone over the same bars (one reused bar object, flat position): its share of a run. */
function strategyOnly(): number {
  const strategy = smaCrossStrategy.create({ fast: 10, slow: 30 }, SETUP);
  const bar = { time: 0, open: 0, high: 0, low: 0, close: 0, volume: 0 };
  const ctx = { position: 0, allowShort: false };
  const start = process.hrtime.bigint();
  for (let i = 0; i < BARS; i++) {
    bar.time = bars.time[i] ?? 0;
    bar.open = bars.open[i] ?? 0;
    bar.high = bars.high[i] ?? 0;
    bar.low = bars.low[i] ?? 0;
    bar.close = bars.close[i] ?? 0;
    bar.volume = bars.volume[i] ?? 0;
    strategy.onBar(bar, ctx);
  }
  return msSince(start);
}

for (let i = 0; i < WARMUP; i++) once();
const times: number[] = [];
let last: BacktestOutput | null = null;
for (let i = 0; i < RUNS; i++) {
  const r = once();
  times.push(r.ms);
  last = r.output;
  progress(`run ${String(i + 1)}/${String(RUNS)}: ${fmt(r.ms, 1)} ms`);
}
const ms = median(times);
const strategyMs = median(Array.from({ length: RUNS }, strategyOnly));
const stats = last?.stats;
const returns = (last?.trades ?? []).map((t) => t.returnPct);
const ruinTimes: number[] = [];
let ruinPct: number | null = null;
for (let i = 0; i < 5; i++) {
  const start = process.hrtime.bigint();
  ruinPct = riskOfRuinPct(returns);
  ruinTimes.push(msSince(start));
}
const ruinMs = median(ruinTimes);
const paths = Math.max(RUIN_MIN_PATHS, Math.min(RUIN_PATHS, Math.floor(RUIN_DRAW_BUDGET / Math.max(1, returns.length))));
const withRuinMs = median(Array.from({ length: 3 }, () => once(true).ms));
report({
  name: 'backtest-sma-cross',
  what: 'runBacktest: SMA cross (fast 10, slow 30, long-only, all-in fractional units, no costs) over 1,000,000 seeded 1m bars in memory, statistics included (the risk-of-ruin bootstrap is the next row), one thread',
  measured: `${fmt(ms, 1)} ms (${fmtInt(BARS / (ms / 1000))} bars/s)`,
  target: `<= ${String(TARGET_MS)} ms`,
  pass: ms <= TARGET_MS,
  notes:
    `median of ${String(RUNS)} runs after ${String(WARMUP)} warm-up; runs ${fmt(Math.min(...times), 1)}–${fmt(Math.max(...times), 1)} ms; ` +
    `of which the strategy alone (SmaStream x2 + cross) ~${fmt(strategyMs, 1)} ms; ` +
    `${fmtInt(stats?.trades ?? 0)} trades, exposure ${fmt(stats?.exposurePct ?? 0, 1)}%, final equity ${fmt(stats?.equityFinal ?? 0, 2)}; fresh strategy per run; ` +
    `load average ${loadavg().map((x) => fmt(x, 1)).join('/')} on this machine during the run (other processes share the cores)`,
});
report({
  name: 'backtest-risk-of-ruin',
  what: `riskOfRuinPct: the seeded bootstrap over the run's ${fmtInt(returns.length)} trade returns (${fmtInt(paths)} paths, ruin at half the equity), one thread`,
  measured: `${fmt(ruinMs, 1)} ms`,
  target: `<= ${String(RUIN_TARGET_MS)} ms`,
  pass: ruinMs <= RUIN_TARGET_MS,
  notes:
    `median of 5 runs; runs ${fmt(Math.min(...ruinTimes), 1)}–${fmt(Math.max(...ruinTimes), 1)} ms; risk of ruin ${fmt(ruinPct ?? 0, 2)}%; ` +
    `runBacktest with it on (the default for the CLI and the Backtests tab, which run it in the worker pool): median ${fmt(withRuinMs, 1)} ms of 3`,
});
