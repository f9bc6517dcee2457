import { execFile } from 'node:child_process';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { BIN } from '../../../helpers/serve-process';
import { tempDir } from '../../../helpers/temp-dir';
import { buildZip, klineCsv, startFakeVision, type FakeVision } from './fake-vision';

interface Run {
  readonly status: number | null;
  readonly stdout: string;
  readonly stderr: string;
}

/**
 * The built `tapedeck` (needs `npm run build`), run asynchronously: the fake
 * Vision server answers from this process, so a blocking spawnSync would deadlock.
 */
function tapedeck(...args: string[]): Promise<Run> {
  return new Promise((resolve) => {
    execFile(process.execPath, [BIN, ...args], { encoding: 'utf8', env: { ...process.env, TAPEDECK_DATA_DIR: '' } }, (err, stdout, stderr) => {
      resolve({ status: err === null ? 0 : typeof err.code === 'number' ? err.code : null, stdout, stderr });
    });
  });
}

const dayZip = (label: string, start: number): Buffer => buildZip([{ name: `BTCUSDT-1m-${label}.csv`, data: klineCsv(start, 1440) }]);

describe('tapedeck ingest binance as a process', () => {
  let vision: FakeVision;
  let dir: ReturnType<typeof tempDir>;
  beforeEach(async () => {
    vision = await startFakeVision();
    dir = tempDir();
  });
  afterEach(async () => {
    await vision.close();
    dir.remove();
  });

  const ingest = (...extra: string[]) => tapedeck('ingest', 'binance', '--symbol', 'BTCUSDT', '--interval', '1m', ...extra, '--base-url', vision.baseUrl, '--data-dir', dir.path);

  it('ingests a day range with one unpublished day (exit 0), then says "already ingested"', async () => {
    vision.publish('BTCUSDT', '2024-01-15', dayZip('2024-01-15', Date.UTC(2024, 0, 15)));
    vision.publish('BTCUSDT', '2024-01-17', dayZip('2024-01-17', Date.UTC(2024, 0, 17)));
    const first = await ingest('--day', '2024-01-15', '--to', '2024-01-17');
    expect(first).toEqual({
      status: 0,
      stderr: '',
      stdout: [
        `binance:BTCUSDT 1m (crypto) from ${vision.baseUrl}: 3 daily file(s) 2024-01-15 .. 2024-01-17`,
        'BTCUSDT-1m-2024-01-15.zip: rows 1440, inserted 1440, updated 0, duplicates 0, gaps 0 min in 0 runs, rejected 0',
        'BTCUSDT-1m-2024-01-16.zip: not published (404)',
        'BTCUSDT-1m-2024-01-17.zip: rows 1440, inserted 1440, updated 0, duplicates 0, gaps 0 min in 0 runs, rejected 0',
        'total: 2 ingested, 0 already ingested, 1 not published, 0 failed; rows 2880, inserted 2880, updated 0, duplicates 0, gaps 0 min, rejected 0',
        '',
      ].join('\n'),
    });
    const again = await ingest('--day', '2024-01-15', '--to', '2024-01-17');
    expect(again.status).toBe(0);
    expect(again.stdout).toContain('BTCUSDT-1m-2024-01-15.zip: already ingested (1440 bars), skipped\n');
    expect(again.stdout).toContain('total: 0 ingested, 2 already ingested, 1 not published, 0 failed; rows 0, inserted 0,');
    const candles = await tapedeck('candles', '--source', 'binance', '--symbol', 'BTCUSDT', '--interval', '1d', '--from', '2024-01-15', '--to', '2024-01-18', '--json', '--data-dir', dir.path);
    expect(candles.status).toBe(0);
    expect((JSON.parse(candles.stdout) as { bars: { time: number }[] }).bars.map((b) => b.time)).toEqual([Date.UTC(2024, 0, 15), Date.UTC(2024, 0, 17)]);
  });

  it('exits 2 with one line for an interval other than 1m, and when no file is published', async () => {
    const bad = await ingest('--month', '2024-01', '--interval', '5m');
    expect(bad).toEqual({ status: 2, stdout: '', stderr: 'tapedeck: --interval: only 1m: Tapedeck stores 1m bars and derives longer intervals on read\n' });
    const none = await ingest('--month', '2024-01');
    expect(none.status).toBe(2);
    expect(none.stdout).toContain('BTCUSDT-1m-2024-01.zip: not published (404)');
    expect(none.stderr).toBe('tapedeck: none of the 1 file(s) is published: check --symbol and the period\n');
  });

  it('exits 1 naming the file when a ZIP does not match its checksum', async () => {
    const zip = dayZip('2024-01-15', Date.UTC(2024, 0, 15));
    vision.publish('BTCUSDT', '2024-01-15', zip, Buffer.from('something else'));
    const r = await ingest('--day', '2024-01-15');
    expect(r.status).toBe(1);
    expect(r.stdout).toMatch(/^BTCUSDT-1m-2024-01-15\.zip: FAILED: BTCUSDT-1m-2024-01-15\.zip: SHA-256 [0-9a-f]{64} does not match its CHECKSUM/m);
    expect(r.stderr).toMatch(/^tapedeck: 1 file\(s\) failed, first: BTCUSDT-1m-2024-01-15\.zip: SHA-256 .*refused, nothing stored\n$/);
  });
});
