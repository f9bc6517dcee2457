import { spawnSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BIN, NO_REAL_EXCHANGE, startServeProcess, type ServeProcess } from '../../helpers/serve-process';
import { tempDir } from '../../helpers/temp-dir';

/** The built `tapedeck` executable, run as a user runs it (needs `npm run build`). */
function tapedeck(...args: string[]) {
  return spawnSync(process.execPath, [BIN, ...args], { encoding: 'utf8', env: { ...process.env, ...NO_REAL_EXCHANGE, TAPEDECK_DATA_DIR: '' } });
}

describe('the tapedeck executable', () => {
  it('--help lists the commands and exits 0', () => {
    const r = tapedeck('--help');
    expect(r.status).toBe(0);
    expect(r.stdout).toContain('Usage: tapedeck <command> [options]');
    expect(r.stdout).toMatch(/^ {2}serve /m);
    expect(r.stderr).toBe('');
  });

  it('a bad flag exits 2 with one clear line on stderr', () => {
    const r = tapedeck('serve', '--prot', '80');
    expect(r.status).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toBe("tapedeck: unknown option '--prot' (see --help)\n");
  });

  it('a port already in use is bad usage (exit 2) naming --port, not a crash', async () => {
    const dir = tempDir();
    const first = await startServeProcess(dir.path);
    const port = new URL(first.url).port;
    const r = tapedeck('serve', '--port', port, '--data-dir', dir.path);
    expect(r.status).toBe(2);
    expect(r.stderr.trim().split('\n').at(-1)).toBe(`tapedeck: --port: ${port} is already in use on 127.0.0.1 (pick another, or 0 for a free one)`);
    await first.stop();
    dir.remove();
  });
});

describe('tapedeck serve as a process', () => {
  let dir: ReturnType<typeof tempDir>;
  let serve: ServeProcess;
  beforeAll(async () => {
    dir = tempDir();
    serve = await startServeProcess(dir.path);
  });
  afterAll(() => dir.remove());

  it('prints a loopback URL carrying a token of 32 URL-safe characters', () => {
    expect(serve.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/\?token=[A-Za-z0-9_-]{32}$/);
    expect(serve.stdout()).toContain(`data: ${dir.path}`);
  });

  it('serves the built UI with the token and refuses a request without it', async () => {
    const ok = await fetch(serve.url);
    expect(ok.status).toBe(200);
    expect(await ok.text()).toContain('<title>Tapedeck</title>');
    const origin = new URL(serve.url).origin;
    expect((await fetch(`${origin}/`)).status).toBe(401);
    expect((await fetch(`${origin}/index.html?token=wrong`)).status).toBe(401);
  });

  it('stops cleanly on SIGTERM with exit code 0', async () => {
    expect(await serve.stop()).toBe(0);
    expect(serve.stdout()).toContain('Tapedeck stopped.');
  });
});

describe('tapedeck import and candles as processes', () => {
  const dir = tempDir();
  afterAll(() => dir.remove());
  const eurusd = fileURLToPath(new URL('../../../../shared/data/EURUSD.csv', import.meta.url));
  const badCsv = join(dir.path, 'all-bad.csv');
  writeFileSync(badCsv, ',Open,High,Low,Close,Volume\n2024-01-01 00:30:00,1,2,0.5,1.5,10\n2024-01-01 01:00:00,x,2,0.5,1.5,10\n');

  it('imports a CSV, and importing it again changes nothing', () => {
    const args = ['import', '--csv', eurusd, '--symbol', 'EURUSD', '--interval', '1h', '--data-dir', dir.path];
    const first = tapedeck(...args);
    expect(first.status).toBe(0);
    expect(first.stdout).toContain('rows read 5000, inserted 5000, updated 0, duplicates skipped 0, rejected 0');
    const again = tapedeck(...args);
    expect(again.stdout).toContain('rows read 5000, inserted 0, updated 0, duplicates skipped 5000, rejected 0');
  });

  it('prints derived bars, as a table or JSON', () => {
    const table = tapedeck('candles', '--source', 'csv', '--symbol', 'EURUSD', '--interval', '4h', '--from', '2017-04-19', '--to', '2017-04-20', '--data-dir', dir.path);
    expect(table.status).toBe(0);
    expect(table.stdout.split('\n')[1]).toBe('2017-04-19T08:00:00.000Z\t1.0716\t1.07299\t1.07083\t1.07192\t3679\t0\tfinal');
    const json = tapedeck('candles', '--source', 'csv', '--symbol', 'EURUSD', '--interval', '1d', '--limit', '2', '--json', '--data-dir', dir.path);
    const parsed = JSON.parse(json.stdout) as { market: string; bars: unknown[]; truncated: boolean };
    expect(parsed).toMatchObject({ market: 'fx', truncated: true });
    expect(parsed.bars).toHaveLength(2);
  });

  it.each([
    [['candles', '--source', 'csv', '--symbol', 'EURUSD', '--interval', '1m'], 'tapedeck: --interval: csv:EURUSD is stored as 1h bars; 1m cannot be built from them'],
    [['candles', '--source', 'csv', '--symbol', 'EURUSD', '--interval', '7m'], /^tapedeck: --interval: Invalid option/],
    [['candles', '--source', 'csv', '--symbol', 'EURUSD', '--interval', '1h', '--from', 'yesterday'], /^tapedeck: --from: must be an ISO date/],
    [['import', '--csv', '/no/such.csv', '--symbol', 'X', '--interval', '1h'], 'tapedeck: --csv: no such file "/no/such.csv"'],
    [['import', '--csv', eurusd, '--symbol', 'EURUSD', '--interval', '5m'], /^tapedeck: --interval: Invalid option/],
    [['import', '--csv', eurusd, '--symbol', 'EURUSD', '--interval', '1h', '--source', 'sim'], /^tapedeck: --source: is a live feed's name/],
  ])('%j exits 2 with one line', (args, message) => {
    const r = tapedeck(...args, '--data-dir', dir.path);
    expect(r.status).toBe(2);
    const lines = r.stderr.trim().split('\n');
    expect(lines).toHaveLength(1);
    if (typeof message === 'string') expect(lines[0]).toBe(message);
    else expect(lines[0]).toMatch(message);
  });

  it('a file of nothing but bad rows exits 2: the report on stdout, the reasons on stderr', () => {
    const r = tapedeck('import', '--csv', badCsv, '--symbol', 'BAD', '--interval', '1h', '--data-dir', dir.path);
    expect(r.status).toBe(2);
    expect(r.stdout).toMatch(/^rows read 2, inserted 0, updated 0, duplicates skipped 0, rejected 2$/m);
    expect(r.stdout).not.toMatch(/line \d/);
    expect(r.stderr).toBe(
      'rejected line 2: time 2024-01-01T00:30:00.000Z is not on a 1h boundary\n' +
        'rejected line 3: open is not a decimal number\n' +
        `tapedeck: --csv: none of the 2 data rows of ${badCsv} could be imported\n`,
    );
  });
});
