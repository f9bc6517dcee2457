import { appendFileSync } from 'node:fs';

/** What one benchmark reports to bench/run.ts (one row of RESULTS.md). */
export interface BenchResult {
  /** Short id, e.g. "bar-store-upsert". */
  readonly name: string;
  /** What was measured, in a sentence. */
  readonly what: string;
  /** The headline figure as shown, with its unit. */
  readonly measured: string;
  /** The target as shown, e.g. ">= 500,000 bars/s". */
  readonly target: string;
  readonly pass: boolean;
  /** Runs, spread, breakdowns, caveats. */
  readonly notes: string;
}

/**
 * Hands the result to the runner (one JSON line appended to the file named by
 * TAPEDECK_BENCH_RESULT: a benchmark may report several rows), or prints it
 * when the bundle is run on its own.
 */
export function report(result: BenchResult): void {
  const file = process.env['TAPEDECK_BENCH_RESULT'];
  const json = JSON.stringify(result);
  if (file === undefined || file === '') console.log(json);
  else appendFileSync(file, `${json}\n`);
  console.log(`  ${result.name}: ${result.measured} (target ${result.target}) ${result.pass ? 'PASS' : 'FAIL'}`);
}

/** Progress line for the console (not part of the result). */
export function progress(message: string): void {
  console.log(`  ${message}`);
}
