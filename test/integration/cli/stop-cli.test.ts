import { spawn, spawnSync } from 'node:child_process';
import { createWriteStream } from 'node:fs';
import { join } from 'node:path';
import { once } from 'node:events';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BarsResult } from '../../../shared/contract';
import { BIN, NO_REAL_EXCHANGE } from '../../helpers/serve-process';
import { tempDir } from '../../helpers/temp-dir';

const ENV = { ...process.env, ...NO_REAL_EXCHANGE, TAPEDECK_DATA_DIR: '' };
const ROWS = 400_000;
const T0 = Date.UTC(2021, 0, 1);
/** Signal to exit, as the issue asks: within a second, plus room for a loaded machine. */
const STOP_BUDGET_MS = 1_500;

/** A 1m CSV of `rows` bars from T0, written as a stream. */
async function writeCsv(path: string, rows: number): Promise<void> {
  const out = createWriteStream(path);
  out.write(',Open,High,Low,Close,Volume\n');
  for (let i = 0; i < rows; i++) {
    const p = (100 + Math.sin(i / 50) * 5).toFixed(2);
    const line = `${new Date(T0 + i * 60_000).toISOString().slice(0, 16).replace('T', ' ')},${p},${(Number(p) + 1).toFixed(2)},${(Number(p) - 1).toFixed(2)},${p},${String(i % 97)}\n`;
    if (!out.write(line)) await once(out, 'drain');
  }
  out.end();
  await once(out, 'finish');
}

interface Stopped {
  readonly code: number | null;
  readonly signal: NodeJS.Signals | null;
  readonly stderr: string;
  /** From the signal to the exit. */
  readonly ms: number;
}

/** Runs the built CLI and sends `signal` once stderr matches `when` (or after `afterMs`); resolves at its exit. */
function runAndStop(args: readonly string[], signal: NodeJS.Signals, when: RegExp | number): Promise<Stopped> {
  const child = spawn(process.execPath, [BIN, ...args], { env: ENV, stdio: ['ignore', 'ignore', 'pipe'] });
  let stderr = '';
  let sentAt = 0;
  const send = (): void => {
    if (sentAt !== 0) return;
    sentAt = Date.now();
    child.kill(signal);
  };
  child.stderr.on('data', (d: Buffer) => {
    stderr += d.toString();
    if (when instanceof RegExp && when.test(stderr)) send();
  });
  const timer = typeof when === 'number' ? setTimeout(send, when) : undefined;
  return new Promise((resolve) => {
    child.once('exit', (code, sig) => {
      clearTimeout(timer);
      resolve({ code, signal: sig, stderr, ms: sentAt === 0 ? -1 : Date.now() - sentAt });
    });
  });
}

function coverageReasons(dataDir: string): string[] {
  const r = spawnSync(process.execPath, [BIN, 'candles', '--source', 'csv', '--symbol', 'BIG', '--interval', '1h', '--from', '2021-01-01', '--to', '2021-12-31', '--json', '--data-dir', dataDir], { encoding: 'utf8', env: ENV });
  expect(r.status, r.stderr).toBe(0);
  return (JSON.parse(r.stdout) as BarsResult).coverage.missing.map((m) => m.reason);
}

describe('the first SIGINT or SIGTERM stops a command within a second, keeping what was committed', () => {
  const dir = tempDir();
  const csv = join(dir.path, 'big.csv');
  beforeAll(async () => {
    await writeCsv(csv, ROWS);
  }, 60_000);
  afterAll(() => dir.remove());
  const importArgs = (dataDir: string) => ['import', '--csv', csv, '--symbol', 'BIG', '--interval', '1m', '--data-dir', dataDir];

  it('SIGINT while an import stores: exit 130, one line saying what was kept, the series incomplete until a complete import', async () => {
    const data = join(dir.path, 'int');
    const r = await runAndStop(importArgs(data), 'SIGINT', /^storing: /m);
    expect(r.signal).toBeNull();
    expect(r.code, r.stderr).toBe(130);
    expect(r.ms).toBeLessThan(STOP_BUDGET_MS);
    const last = r.stderr.trimEnd().split('\n').at(-1) ?? '';
    expect(last).toMatch(/^tapedeck: interrupted \(SIGINT\); [\d,]+ rows stored, the series is marked incomplete until an import completes it$/);
    const stored = Number(/; ([\d,]+) rows/.exec(last)?.[1]?.replace(/,/g, ''));
    expect(stored).toBeGreaterThan(0);
    expect(stored).toBeLessThan(ROWS);
    // What is missing of the file's span reads as incomplete, not as complete or as after the series' end.
    expect(coverageReasons(data)).toContain('incomplete');

    const again = spawnSync(process.execPath, [BIN, ...importArgs(data)], { encoding: 'utf8', env: ENV });
    expect(again.status, again.stderr).toBe(0);
    expect(again.stdout).toContain(`rows read ${String(ROWS)}, inserted ${String(ROWS - stored)}, updated 0, duplicates skipped ${String(stored)}, rejected 0`);
    expect(coverageReasons(data)).not.toContain('incomplete');
  }, 60_000);

  it('a killed import (SIGKILL, no chance to clean up) leaves its span incomplete too', async () => {
    const data = join(dir.path, 'kill');
    const r = await runAndStop(importArgs(data), 'SIGKILL', /^storing: /m);
    expect(r.signal).toBe('SIGKILL');
    expect(coverageReasons(data)).toContain('incomplete');
  }, 60_000);

  it('SIGTERM while an import reads: exit 143, nothing stored, nothing marked', async () => {
    const data = join(dir.path, 'term');
    const r = await runAndStop(importArgs(data), 'SIGTERM', /^reading .*: 100,000 rows$/m);
    expect(r.code, r.stderr).toBe(143);
    expect(r.ms).toBeLessThan(STOP_BUDGET_MS);
    expect(r.stderr.trimEnd().split('\n').at(-1)).toBe('tapedeck: interrupted (SIGTERM); nothing stored');
    const candles = spawnSync(process.execPath, [BIN, 'candles', '--source', 'csv', '--symbol', 'BIG', '--interval', '1h', '--data-dir', data], { encoding: 'utf8', env: ENV });
    expect(candles.stderr).toMatch(/^tapedeck: --source: unknown source "csv"/);
  }, 60_000);

  it.each([['1'], ['2']])('SIGINT stops a long optimisation (--threads %s) within a second with exit 130', async (threads) => {
    const small = join(dir.path, `small-${threads}.csv`);
    await writeCsv(small, 20_000);
    const args = ['optimize', '--csv', small, '--strategy', 'sma-cross', '--range', 'fast=2:60:1', '--range', 'slow=61:300:1', '--threads', threads];
    const r = await runAndStop(args, 'SIGINT', 1_500);
    expect(r.code, r.stderr).toBe(130);
    expect(r.ms).toBeLessThan(STOP_BUDGET_MS);
    expect(r.stderr).toBe('tapedeck: interrupted (SIGINT)\n');
  }, 60_000);
});
