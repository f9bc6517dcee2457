import { createServer, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { runCli } from '../../../../src-main/platform/cli/run-cli';
import { tempDir } from '../../../helpers/temp-dir';
import { buildZip, klineCsv, sha256Hex, visionPath } from './fake-vision';

describe('tapedeck ingest binance, stopped', () => {
  const cleanups: (() => Promise<void> | void)[] = [];
  afterEach(async () => {
    for (const c of cleanups.splice(0)) await c();
  });

  it('ends the download in flight at the first signal: exit 130, the files done stay stored, none reported as failed', async () => {
    const zip = buildZip([{ name: 'BTCUSDT-1m-2024-01-15.csv', data: klineCsv(Date.UTC(2024, 0, 15), 1440) }]);
    const path = visionPath('BTCUSDT', '2024-01-15');
    const served = new Map([
      [path, zip],
      [`${path}.CHECKSUM`, Buffer.from(`${sha256Hex(zip)}  BTCUSDT-1m-2024-01-15.zip\n`)],
    ]);
    const stop = new AbortController();
    const hanging: ServerResponse[] = [];
    const server = createServer((req, res) => {
      const body = served.get(new URL(req.url ?? '/', 'http://x').pathname);
      if (body !== undefined) {
        res.writeHead(200, { 'content-length': body.length }).end(body);
        return;
      }
      // The next file never comes: the user presses Ctrl-C while it downloads.
      hanging.push(res);
      stop.abort('SIGINT');
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    cleanups.push(() => new Promise<void>((resolve) => {
      server.closeAllConnections();
      server.close(() => resolve());
    }));
    const dir = tempDir();
    cleanups.push(() => dir.remove());

    const stdout: string[] = [];
    const stderr: string[] = [];
    const baseUrl = `http://127.0.0.1:${String((server.address() as AddressInfo).port)}`;
    const code = await runCli(['ingest', 'binance', '--symbol', 'BTCUSDT', '--day', '2024-01-15', '--to', '2024-01-17', '--base-url', baseUrl, '--data-dir', dir.path], {
      out: (l) => stdout.push(l),
      err: (l) => stderr.push(l),
      env: {},
      stop: stop.signal,
    });
    expect(code).toBe(130);
    expect(stderr).toEqual(['tapedeck: interrupted (SIGINT); 1 of 3 files stored']);
    expect(stdout.join('\n')).not.toContain('FAILED');
    expect(stdout).toContain('BTCUSDT-1m-2024-01-15.zip: rows 1440, inserted 1440, updated 0, duplicates 0, gaps 0 min in 0 runs, rejected 0');
    expect(hanging).toHaveLength(1);
  });
});
