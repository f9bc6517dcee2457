/**
 * The issue-9 target: `tapedeck backtest --source sim --symbol SPY --interval 5m
 * --from 2024-01-01 --to 2024-12-31 --strategy orb` on a fresh data directory,
 * the whole process timed from spawn to exit (Node start-up, opening and
 * migrating a new store, generating the year of 1m bars, aggregating to 5m,
 * the run and its statistics). Target <= 2 s. Needs `npm run build`.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { progress, report } from './support/result';
import { fmt, median, msSince } from './support/stats';

const RUNS = 5;
const TARGET_MS = 2000;
const NAME = 'orb-year-cli';
const WHAT = '`tapedeck backtest --source sim --symbol SPY --interval 5m --from 2024-01-01 --to 2024-12-31 --strategy orb` on a fresh data directory, spawn to exit';
const bin = join(process.cwd(), 'bin/tapedeck.mjs');
const cli = join(process.cwd(), 'out/main/cli.js');
const ARGS = ['backtest', '--source', 'sim', '--symbol', 'SPY', '--interval', '5m', '--from', '2024-01-01', '--to', '2024-12-31', '--strategy', 'orb', '--json'];

if (!existsSync(cli)) {
  report({ name: NAME, what: WHAT, measured: 'not run', target: `<= ${String(TARGET_MS)} ms`, pass: false, notes: 'out/main/cli.js is missing: run `npm run build` first' });
} else {
  const times: number[] = [];
  let bars = 0;
  let trades = 0;
  for (let i = 0; i <= RUNS; i++) {
    const dir = mkdtempSync(join(tmpdir(), 'tapedeck-bench-orb-'));
    try {
      const start = process.hrtime.bigint();
      const r = spawnSync(process.execPath, [bin, ...ARGS, '--data-dir', dir], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
      const ms = msSince(start);
      if (r.status !== 0) throw new Error(`tapedeck backtest exited ${String(r.status)}: ${r.stderr}`);
      const out = JSON.parse(r.stdout) as { stats: { bars: number; trades: number } };
      bars = out.stats.bars;
      trades = out.stats.trades;
      if (i === 0) continue; // the first run warms the OS page cache with the bundle
      times.push(ms);
      progress(`run ${String(i)}/${String(RUNS)}: ${fmt(ms, 0)} ms`);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }
  const ms = median(times);
  report({
    name: NAME,
    what: WHAT,
    measured: `${fmt(ms, 0)} ms`,
    target: `<= ${String(TARGET_MS)} ms`,
    pass: ms <= TARGET_MS,
    notes: `median of ${String(RUNS)} runs, each on a new data directory, after 1 warm-up; runs ${fmt(Math.min(...times), 0)}–${fmt(Math.max(...times), 0)} ms; ${String(bars)} 5m bars (every regular-session bar of 2024), ${String(trades)} trades`,
  });
}
