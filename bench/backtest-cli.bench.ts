/**
 * The whole `tapedeck backtest` command on a 1,000,000-row CSV of 1m bars, as a
 * user runs it: a new `node bin/tapedeck.mjs` process (Node start-up, loading
 * the built CLI, reading and parsing the file, the SMA-cross run, statistics
 * and printing) timed from spawn to exit. Target <= 2 s. Needs `npm run build`.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { MINUTE_MS } from '../shared/domain/interval';
import { randomWalkBars, START_2023 } from './support/bar-data';
import { progress, report } from './support/result';
import { fmt, fmtInt, median, msSince } from './support/stats';

const ROWS = 1_000_000;
const RUNS = 5;
const TARGET_MS = 2000;
const NAME = 'backtest-cli';
const WHAT = '`tapedeck backtest --csv` (SMA cross 10/30, fractional, 0.1% commission, statistics table) on a 1,000,000-row CSV of 1m bars: a new process, spawn to exit';
// `npm run bench` runs each bundle from the repository root.
const bin = join(process.cwd(), 'bin/tapedeck.mjs');
const cli = join(process.cwd(), 'out/main/cli.js');

/** "2023-01-01 00:00" in UTC: the ",Open,High,Low,Close,Volume" layout of ../shared/data with minute stamps. */
function stamp(t: number): string {
  return new Date(t).toISOString().slice(0, 16).replace('T', ' ');
}

function writeCsv(file: string): void {
  const bars = randomWalkBars(ROWS, START_2023, MINUTE_MS, 17);
  const lines: string[] = [',Open,High,Low,Close,Volume'];
  for (let i = 0; i < ROWS; i++) {
    lines.push(`${stamp(bars.time[i] ?? 0)},${String(bars.open[i])},${String(bars.high[i])},${String(bars.low[i])},${String(bars.close[i])},${String(bars.volume[i])}`);
  }
  writeFileSync(file, lines.join('\n') + '\n');
}

function runOnce(args: readonly string[]): { ms: number; stdout: string } {
  const start = process.hrtime.bigint();
  const r = spawnSync(process.execPath, [bin, ...args], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  const ms = msSince(start);
  if (r.status !== 0) throw new Error(`tapedeck backtest exited ${String(r.status)}: ${r.stderr}`);
  return { ms, stdout: r.stdout };
}

if (!existsSync(cli)) {
  report({ name: NAME, what: WHAT, measured: 'not run', target: `<= ${String(TARGET_MS)} ms`, pass: false, notes: 'out/main/cli.js is missing: run `npm run build` first' });
} else {
  const dir = mkdtempSync(join(tmpdir(), 'tapedeck-bench-cli-'));
  try {
    const csv = join(dir, 'bars-1m.csv');
    const genStart = process.hrtime.bigint();
    writeCsv(csv);
    const mb = statSync(csv).size / 1e6;
    progress(`wrote ${fmtInt(ROWS)} rows (${fmt(mb, 1)} MB) in ${fmt(msSince(genStart), 0)} ms`);
    const args = ['backtest', '--csv', csv, '--market', 'crypto', '--strategy', 'sma-cross', '--param', 'fast=10', '--param', 'slow=30', '--fractional', '--commission', '0.001'];
    const startup = median(Array.from({ length: 3 }, () => runOnce(['--help']).ms));
    runOnce(args); // warm the page cache with the file and the bundle
    const times: number[] = [];
    let out = '';
    for (let i = 0; i < RUNS; i++) {
      const r = runOnce(args);
      times.push(r.ms);
      out = r.stdout;
      progress(`run ${String(i + 1)}/${String(RUNS)}: ${fmt(r.ms, 0)} ms`);
    }
    const jsonRuns = Array.from({ length: 3 }, () => runOnce([...args, '--json']));
    const json = JSON.parse(jsonRuns[0]?.stdout ?? '{}') as { stats?: { bars?: number; trades?: number } };
    if (json.stats?.bars !== ROWS) throw new Error(`the run saw ${String(json.stats?.bars)} bars, not ${String(ROWS)}`);
    if (!/trades/i.test(out)) throw new Error('the statistics table was not printed');
    const ms = median(times);
    report({
      name: NAME,
      what: WHAT,
      measured: `${fmt(ms, 0)} ms`,
      target: `<= ${String(TARGET_MS)} ms`,
      pass: ms <= TARGET_MS,
      notes:
        `median of ${String(RUNS)} runs after 1 warm-up; runs ${fmt(Math.min(...times), 0)}–${fmt(Math.max(...times), 0)} ms; ` +
        `${fmt(mb, 1)} MB file, ${fmtInt(json.stats.bars)} bars, ${fmtInt(json.stats.trades ?? 0)} trades; ` +
        `of which Node start-up + loading the CLI (\`tapedeck --help\`) ~${fmt(startup, 0)} ms; ` +
        `with --json (stats, every trade and the equity curve written out) median ${fmt(median(jsonRuns.map((r) => r.ms)), 0)} ms of 3; ` +
        `file in the OS page cache; load average ${loadavg().map((x) => fmt(x, 1)).join('/')}`,
    });
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
