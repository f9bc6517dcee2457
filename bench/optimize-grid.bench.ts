/**
 * Grid search of 500 SMA-cross parameter sets over 100,000 seeded 1m bars:
 * one thread (in this thread) against every core (the bundled optimiser
 * worker, out/main/optimize-worker.js, which `npm run build` writes). Target:
 * near-linear scaling, i.e. a speed-up of at least 0.8 × cores.
 */
import { existsSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { join } from 'node:path';
import { MINUTE_MS } from '../shared/domain/interval';
import type { StrategyParams } from '../shared/strategy/strategy';
import { EvaluationPool } from '../src-main/research/optimize/worker-pool';
import { randomWalkBars, START_2023 } from './support/bar-data';
import { progress, report } from './support/result';
import { fmt, median, msSince } from './support/stats';

const BARS = 100_000;
const RUNS = 3;
const cores = availableParallelism();
// The bench runs from a bundle under node_modules/.cache; `npm run bench` runs it from the repository root.
const worker = join(process.cwd(), 'out/main/optimize-worker.js');
const bars = randomWalkBars(BARS, START_2023, MINUTE_MS, 5);
const job = { strategy: 'sma-cross', setup: { market: 'crypto', intervalMs: MINUTE_MS }, config: { market: 'crypto', intervalMs: MINUTE_MS, fractional: true } } as const;
// fast 5..54 × slow 60..105 (step 5): 500 sets, every one valid (slow > fast).
const grid: StrategyParams[] = [];
for (let fast = 5; fast < 55; fast++) for (let slow = 60; slow <= 105; slow += 5) grid.push({ fast, slow });

async function timed(pool: EvaluationPool): Promise<number> {
  const start = process.hrtime.bigint();
  const results = await pool.evaluate(bars, grid);
  if (results.length !== grid.length || results.some((r) => !r.ok)) throw new Error('the grid did not run whole');
  return msSince(start);
}

if (!existsSync(worker)) {
  report({
    name: 'optimize-grid',
    what: 'grid search, 500 SMA-cross sets over 100,000 1m bars, 1 thread vs every core',
    measured: 'not run',
    target: `speed-up >= ${fmt(0.8 * cores, 1)}x`,
    pass: false,
    notes: 'out/main/optimize-worker.js is missing: run `npm run build` first',
  });
} else {
  // One pool per optimisation, as `tapedeck optimize` uses it: workers start and warm up once.
  const single = new EvaluationPool(job, 1, undefined);
  const pool = new EvaluationPool(job, cores, worker);
  await timed(single);
  await timed(pool);
  const one: number[] = [];
  const all: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    one.push(await timed(single));
    all.push(await timed(pool));
    progress(`run ${String(i + 1)}: 1 thread ${fmt(one.at(-1) ?? 0, 0)} ms, ${String(cores)} threads ${fmt(all.at(-1) ?? 0, 0)} ms`);
  }
  await pool.close();
  const speedup = median(one) / median(all);
  report({
    name: 'optimize-grid',
    what: `grid search, 500 SMA-cross sets over 100,000 1m bars: 1 thread vs ${String(cores)} worker threads`,
    measured: `${fmt(speedup, 2)}x on ${String(cores)} cores`,
    target: `>= ${fmt(0.8 * cores, 1)}x (near-linear)`,
    pass: speedup >= 0.8 * cores,
    notes: `median of ${String(RUNS)} runs after a warm-up of each: 1 thread ${fmt(median(one), 0)} ms (${fmt((500 * 1000) / median(one), 0)} sets/s), ${String(cores)} threads ${fmt(median(all), 0)} ms (${fmt((500 * 1000) / median(all), 0)} sets/s); efficiency ${fmt((100 * speedup) / cores, 0)}%; bars shared with the workers through a SharedArrayBuffer, sets handed out 4 at a time`,
  });
}
