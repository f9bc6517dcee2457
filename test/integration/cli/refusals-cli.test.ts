import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { BIN, NO_REAL_EXCHANGE } from '../../helpers/serve-process';
import { tempDir } from '../../helpers/temp-dir';

/** The built `tapedeck` (needs `npm run build`); a run that hangs is killed after 10 s and fails the test. */
function tapedeck(...args: string[]) {
  return spawnSync(process.execPath, [BIN, ...args], { encoding: 'utf8', timeout: 10_000, env: { ...process.env, ...NO_REAL_EXCHANGE, TAPEDECK_DATA_DIR: '' } });
}

/** Exit 2 with exactly one line on stderr, and nothing on stdout. */
function expectRefusal(r: ReturnType<typeof tapedeck>, line: string | RegExp): void {
  expect(r.error).toBeUndefined();
  expect(r.status, r.stderr).toBe(2);
  expect(r.stdout).toBe('');
  const lines = r.stderr.trimEnd().split('\n');
  expect(lines).toHaveLength(1);
  if (typeof line === 'string') expect(lines[0]).toBe(line);
  else expect(lines[0]).toMatch(line);
}

const HEADER = ',Open,High,Low,Close,Volume';

describe('tapedeck refuses bad input with exit 2 and one line naming the flag', () => {
  const dir = tempDir();
  afterAll(() => dir.remove());
  const data = join(dir.path, 'data');
  const file = (name: string, text: string): string => {
    const path = join(dir.path, name);
    writeFileSync(path, text);
    return path;
  };
  const good = file('good.csv', `${HEADER}\n2024-01-01 00:00,1,2,0.5,1.5,10\n`);

  it.skipIf(!existsSync('/proc/1'))('a --data-dir inside /proc fails at once instead of spinning in a recursive mkdir', () => {
    const started = Date.now();
    expectRefusal(tapedeck('import', '--csv', good, '--symbol', 'X', '--interval', '1m', '--data-dir', '/proc/1/nope/deeper'), /^tapedeck: --data-dir: "\/proc\/1\/nope\/deeper" cannot be created: /);
    expectRefusal(tapedeck('serve', '--port', '0', '--data-dir', '/proc/1/nope'), /^tapedeck: --data-dir: "\/proc\/1\/nope" cannot be created: /);
    expect(Date.now() - started).toBeLessThan(5_000);
  });

  it('a file as --data-dir, for any command that opens the store', () => {
    const message = `tapedeck: --data-dir: "${good}" is not a directory`;
    expectRefusal(tapedeck('import', '--csv', good, '--symbol', 'X', '--interval', '1m', '--data-dir', good), message);
    expectRefusal(tapedeck('candles', '--source', 'sim', '--symbol', 'SPY', '--interval', '1d', '--data-dir', good), message);
    expectRefusal(tapedeck('backtest', '--source', 'sim', '--symbol', 'SPY', '--interval', '1d', '--from', '2024-01-01', '--to', '2024-02-01', '--strategy', 'sma-cross', '--data-dir', good), message);
    // Set through the environment, the refusal says so.
    const viaEnv = spawnSync(process.execPath, [BIN, 'import', '--csv', good, '--symbol', 'X', '--interval', '1m'], { encoding: 'utf8', env: { ...process.env, ...NO_REAL_EXCHANGE, TAPEDECK_DATA_DIR: good } });
    expectRefusal(viaEnv, `${message} (from TAPEDECK_DATA_DIR)`);
  });

  it('a directory or a missing file as --csv', () => {
    const sub = join(dir.path, 'sub');
    mkdirSync(sub);
    expectRefusal(tapedeck('import', '--csv', sub, '--symbol', 'X', '--interval', '1m', '--data-dir', data), `tapedeck: --csv: "${sub}" is a directory, not a file`);
    expectRefusal(tapedeck('backtest', '--csv', sub, '--strategy', 'sma-cross'), `tapedeck: --csv: "${sub}" is a directory, not a file`);
    expectRefusal(tapedeck('indicators', '--csv', sub, '--ind', 'sma:3'), `tapedeck: --csv: "${sub}" is a directory, not a file`);
    expectRefusal(tapedeck('import', '--csv', join(sub, 'no.csv'), '--symbol', 'X', '--interval', '1m', '--data-dir', data), `tapedeck: --csv: no such file "${join(sub, 'no.csv')}"`);
  });

  it('an empty file and a header-only file alike: "FILE has no data rows"', () => {
    for (const [name, text] of [['empty.csv', ''], ['header.csv', `${HEADER}\n`], ['blank.csv', '\n\n']] as const) {
      const path = file(name, text);
      expectRefusal(tapedeck('import', '--csv', path, '--symbol', 'X', '--interval', '1m', '--data-dir', data), `tapedeck: --csv: ${path} has no data rows`);
      expectRefusal(tapedeck('indicators', '--csv', path, '--ind', 'sma:3'), `tapedeck: --csv: ${path} has no data rows`);
    }
  });

  it('rows outside the store\'s range and numbers past sane bounds are rejected, not stored unreadable', () => {
    const path = file(
      'bounds.csv',
      [HEADER, '9999-12-31 00:00,1,2,0.5,1.5,10', '1900-01-01 00:00,1,2,0.5,1.5,10', '2024-01-01 00:00,1e308,1e308,1e308,1e308,10', '2024-01-01 00:01,1,2,0.5,1.5,1e308', `2024-01-01 00:02,1,2,0.5,1.5,${'9'.repeat(5000)}`].join('\n'),
    );
    const r = tapedeck('import', '--csv', path, '--symbol', 'BOUNDS', '--interval', '1m', '--data-dir', data);
    expect(r.status).toBe(2);
    expect(r.stdout).toContain('rows read 5, inserted 0, updated 0, duplicates skipped 0, rejected 5');
    expect(r.stderr.split('\n').slice(0, 5)).toEqual([
      'rejected line 2: time "9999-12-31 00:00" is outside the supported range 1970-01-01..2100-01-01 (UTC)',
      'rejected line 3: time "1900-01-01 00:00" is outside the supported range 1970-01-01..2100-01-01 (UTC)',
      'rejected line 4: open must be at most 1e12',
      'rejected line 5: volume must be at most 1e15',
      'rejected line 6: line too long (5,029 characters; at most 4,096)',
    ]);
  });

  it('--from and --to outside the range, and unreal dates', () => {
    const flags = ['candles', '--source', 'sim', '--symbol', 'SPY', '--interval', '1d', '--data-dir', data];
    expectRefusal(tapedeck(...flags, '--from', '1900-01-01'), 'tapedeck: --from: 1900-01-01 is outside the supported range 1970-01-01..2100-01-01 (UTC)');
    expectRefusal(tapedeck(...flags, '--from', '2024-01-01', '--to', '2100-01-02'), 'tapedeck: --to: 2100-01-02 is outside the supported range 1970-01-01..2100-01-01 (UTC)');
    expectRefusal(tapedeck(...flags, '--from', '2024-02-30'), 'tapedeck: --from: 2024-02-30 is not a real calendar date');
  });

  it('serve --host that is no address, and one that is not this machine\'s', () => {
    expectRefusal(tapedeck('serve', '--host', '256.1.1.1', '--port', '0', '--data-dir', data), 'tapedeck: --host: "256.1.1.1" is not an IPv4 address (each part is 0 to 255)');
    const notMine = tapedeck('serve', '--host', '192.0.2.1', '--port', '0', '--data-dir', data);
    expect(notMine.status).toBe(2);
    expect(notMine.stderr.trimEnd().split('\n').at(-1)).toBe('tapedeck: --host: 192.0.2.1 is not an address of this machine');
  });
});
