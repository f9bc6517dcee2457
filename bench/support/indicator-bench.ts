import { createRequire } from 'node:module';
import type { BarColumns } from '../../shared/domain/bar-columns';
import { randomWalkBars, START_2023 } from './bar-data';
import { progress, report } from './result';
import { fmt, median, msSince } from './stats';

/**
 * One indicator over 1,000,000 seeded 1m bars, three implementations timed
 * side by side in one process: ours (shared/indicators, typed arrays in and
 * out), the `talib` binding (TA-Lib's C code; it takes plain arrays) and
 * `technicalindicators` (plain arrays). Target: ours <= 20 ms and at least 10×
 * faster than both. Shared by bench/indicators-*.bench.ts (the runner takes one
 * result per file).
 */

export const BARS = 1_000_000;
const TARGET_MS = 20;
const TARGET_RATIO = 10;
/**
 * Each implementation runs as a block: warm-up calls, then timed calls (median
 * reported). Ours needs ~15 calls before V8 tiers its loops up from Maglev to
 * TurboFan (about twice as fast); each library call already runs its inner
 * functions millions of times.
 */
const OURS_WARMUP = 25;
const OURS_RUNS = 21;
const LIB_WARMUP = 3;
const LIB_RUNS = 7;

/** Plain-array copies of the columns, made once before any timing (both libraries take arrays). */
export interface PlainBars {
  readonly high: number[];
  readonly low: number[];
  readonly close: number[];
}

export interface IndicatorBench {
  /** Row id, e.g. "indicators-sma". */
  readonly name: string;
  /** e.g. "SMA(20)". */
  readonly label: string;
  readonly ours: (c: BarColumns) => Float64Array;
  /** TA-Lib function name and its inputs/options (talib.execute's keys). */
  readonly talib: { readonly fn: string; readonly inputs: (p: PlainBars) => Record<string, number[]>; readonly options: Readonly<Record<string, number>> };
  readonly technicalIndicators: (p: PlainBars) => number[];
}

interface TalibBinding {
  execute(params: Readonly<Record<string, unknown>>): { begIndex: number; nbElement: number; result: Record<string, number[] | undefined> };
}

/**
 * Runs `fn` `warmup` times, then `runs` times; returns each timed call's
 * milliseconds. No forced GC: a collection the call's own allocation triggers
 * counts against it (it shows in the slowest runs, not the median).
 */
function timeEach(warmup: number, runs: number, fn: () => unknown): number[] {
  for (let i = 0; i < warmup; i++) fn();
  const out: number[] = [];
  for (let i = 0; i < runs; i++) {
    const start = process.hrtime.bigint();
    fn();
    out.push(msSince(start));
  }
  return out;
}

/** Largest relative difference between ours and TA-Lib's over the bars TA-Lib outputs (NaN positions must agree). */
function maxRelativeDiff(ours: Float64Array, begIndex: number, values: readonly number[]): number {
  let worst = ours.slice(0, begIndex).every(Number.isNaN) ? 0 : Number.POSITIVE_INFINITY;
  values.forEach((v, j) => {
    const o = ours[begIndex + j] ?? Number.NaN;
    const rel = o === v ? 0 : Math.abs(o - v) / Math.max(Math.abs(o), Math.abs(v));
    worst = Math.max(worst, Number.isNaN(rel) ? Number.POSITIVE_INFINITY : rel);
  });
  return worst;
}

export function runIndicatorBench(b: IndicatorBench): void {
  const talib = createRequire(import.meta.url)('talib') as TalibBinding;
  const columns = randomWalkBars(BARS, START_2023, 60_000, 11);

  // Ours first, before the libraries' plain-array inputs and outputs fill the JS heap.
  const ours = timeEach(OURS_WARMUP, OURS_RUNS, () => b.ours(columns));
  progress(`ours: ${ours.map((x) => fmt(x, 1)).join(' ')} ms`);

  const plain: PlainBars = { high: Array.from(columns.high), low: Array.from(columns.low), close: Array.from(columns.close) };
  const talibParams = { name: b.talib.fn, startIdx: 0, endIdx: BARS - 1, ...b.talib.inputs(plain), ...b.talib.options };
  const first = talib.execute(talibParams);
  const diff = maxRelativeDiff(b.ours(columns), first.begIndex, first.result['outReal'] ?? []);
  progress(`${b.label}: ours vs TA-Lib, max relative difference ${diff.toExponential(1)}`);

  const ta = timeEach(LIB_WARMUP, LIB_RUNS, () => talib.execute(talibParams));
  progress(`talib: ${ta.map((x) => fmt(x, 0)).join(' ')} ms`);
  const ti = timeEach(LIB_WARMUP, LIB_RUNS, () => b.technicalIndicators(plain));
  progress(`technicalindicators: ${ti.map((x) => fmt(x, 0)).join(' ')} ms`);
  const mo = median(ours);
  const mta = median(ta);
  const mti = median(ti);
  const rTa = mta / mo;
  const rTi = mti / mo;
  const range = (xs: readonly number[], d: number): string => `${fmt(Math.min(...xs), d)}–${fmt(Math.max(...xs), d)}`;
  report({
    name: b.name,
    what:
      `${b.label} over ${BARS.toLocaleString('en-US')} seeded 1m bars (Float64Array columns in, Float64Array out), ` +
      'against the talib 1.1.6 binding (TA-Lib C) and technicalindicators 3.1.0 in the same process',
    measured: `${fmt(mo, 1)} ms (talib ${fmt(rTa, 0)}×, technicalindicators ${fmt(rTi, 0)}× slower)`,
    target: `<= ${String(TARGET_MS)} ms and >= ${String(TARGET_RATIO)}× faster than both`,
    pass: mo <= TARGET_MS && rTa >= TARGET_RATIO && rTi >= TARGET_RATIO && diff <= 1e-9,
    notes:
      `medians: ours ${fmt(mo, 2)} ms (${String(ours.length)} runs, ${range(ours, 1)}), ` +
      `talib ${fmt(mta, 0)} ms (${String(ta.length)} runs, ${range(ta, 0)}), technicalindicators ${fmt(mti, 0)} ms (${String(ti.length)} runs, ${range(ti, 0)}); ` +
      `each timed as a block after warm-up (ours ${String(OURS_WARMUP)}, libraries ${String(LIB_WARMUP)} calls), ours timed before the libraries' inputs exist, no forced GC; ` +
      'the libraries get plain-array copies of the columns made once before timing (only the calls are timed: for talib that includes ' +
      "the binding's array conversions, as its users pay them); the slowest runs of ours hold a GC; before V8 tiers up (its first ~15 calls) ours takes about twice as long; " +
      (diff === 0 ? "ours is bit-identical to TA-Lib's output" : `ours is within ${diff.toExponential(1)} relative of TA-Lib's output`),
  });
}
