/**
 * Complete ranges from the simulated market (issue 9):
 * 1. A year of 1m bars for one symbol, cold (a new SimMarket: nothing
 *    generated yet), generated and returned as columns by the feed the
 *    charts and backtests read. BTCUSDT, the heaviest symbol (24/7, 527,040
 *    minutes in 2024). Target <= 1 s.
 * 2. What coverage adds to a year-long read: BarService.get of 2024 at 1h
 *    (the chart path: base bars, aggregation, coverage) against the same read
 *    without the coverage step, on warm generated sessions. Target <= 5%.
 */
import { coverageOf } from '../src-main/market-data/coverage-report';
import { SimFeed } from '../src-main/market-data/feeds/sim/sim-feed';
import { aggregate } from '../shared/market/aggregate';
import { emptySlots } from '../shared/market/slots';
import { progress, report } from './support/result';
import { fmt, fmtInt, median, msSince } from './support/stats';

const FROM = Date.UTC(2024, 0, 1);
const TO = Date.UTC(2025, 0, 1);
const NOW = Date.UTC(2025, 5, 1);
const RUNS = 5;
const feed = (): SimFeed => new SimFeed({ seed: 20_240_101, clock: { now: () => NOW }, schedule: () => () => undefined });

const cold: number[] = [];
let bars = 0;
for (let i = 0; i < RUNS; i++) {
  const f = feed();
  const start = process.hrtime.bigint();
  const c = f.historySync('BTCUSDT', FROM, TO);
  cold.push(msSince(start));
  bars = c.length;
  if (bars !== 366 * 1440) throw new Error(`a year of BTCUSDT 1m held ${String(bars)} bars`);
  progress(`cold year ${String(i + 1)}/${String(RUNS)}: ${fmt(cold.at(-1) ?? 0, 0)} ms`);
}
const coldMs = median(cold);
report({
  name: 'sim-year-cold',
  what: 'A year of simulated 1m bars for one symbol (BTCUSDT 2024: 527,040 bars), cold: generated from the seed and returned as columns',
  measured: `${fmt(coldMs, 0)} ms`,
  target: '<= 1000 ms',
  pass: coldMs <= 1000,
  notes: `median of ${String(RUNS)} runs, each on a new feed (nothing cached); runs ${fmt(Math.min(...cold), 0)}–${fmt(Math.max(...cold), 0)} ms; ${fmtInt(bars)} bars; SPY's year (97,740 bars) is about a third of this`,
});

// Coverage overhead on a warm year read at 1h.
const f = feed();
f.historySync('BTCUSDT', FROM, TO);
const plain: number[] = [];
const withCoverage: number[] = [];
for (let i = 0; i < 15; i++) {
  const s0 = process.hrtime.bigint();
  const base = f.historySync('BTCUSDT', FROM, TO);
  const hours = aggregate('crypto', '1h', base, { baseMs: 60_000, asOf: NOW });
  const readMs = msSince(s0);
  const s1 = process.hrtime.bigint();
  const c = coverageOf({ market: 'crypto', base: '1m', interval: '1h', from: FROM, to: TO, baseTimes: base.time, present: hours.length, start: Date.UTC(2015, 0, 1), end: null, voids: [], failures: [] });
  const covMs = msSince(s1);
  if (c.missingBars !== 0 || c.expected !== 366 * 24) throw new Error(`coverage ${JSON.stringify(c)}`);
  if (emptySlots('crypto', '1m', base.time, FROM, TO).length !== 0) throw new Error('a complete year has holes');
  if (i < 3) continue;
  plain.push(readMs);
  withCoverage.push(covMs);
}
const share = (median(withCoverage) / median(plain)) * 100;
report({
  name: 'coverage-overhead',
  what: 'What computing coverage adds to a year-long read (BTCUSDT 2024, 1m truth aggregated to 1h, 527,040 base bars)',
  measured: `${fmt(share, 2)}%`,
  target: '<= 5%',
  pass: share <= 5,
  notes: `coverage ${fmt(median(withCoverage), 2)} ms against the read + aggregation ${fmt(median(plain), 1)} ms (medians of 12 after 3 warm-ups; sessions already generated, as on a chart's second read); one binary search pair per complete session.`,
});
