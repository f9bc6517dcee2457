import { createHash, randomBytes } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { encodeBinaryCall, type CaptureRequest, type ServerFrame } from '../../../shared/contract';
import { startServeProcess, type ServeProcess } from '../../helpers/serve-process';
import { tempDir } from '../../helpers/temp-dir';

/** The PNG signature and the start of its IHDR chunk, then random bytes: a fresh 400 KB "picture" (its own hash) each time. */
const PNG_HEAD = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d, 0x49, 0x48, 0x44, 0x52]);
const picture = (): Buffer => Buffer.concat([PNG_HEAD, randomBytes(400_000)]);

describe('kill -9 during screenshot captures (the built `tapedeck serve`)', () => {
  const dir = tempDir();
  let serve: ServeProcess | null = null;
  afterAll(async () => {
    if (serve !== null && serve.child.exitCode === null && serve.child.signalCode === null) await serve.stop();
    dir.remove();
  });

  it('leaves no row without its file: every screenshot the journal references is on disk and hashes to its name', async () => {
    serve = await startServeProcess(dir.path);
    const url = new URL(serve.url);
    const token = url.searchParams.get('token') ?? '';
    const ws = new WebSocket(`ws://${url.host}/api/ws?token=${token}`);
    await new Promise<void>((resolve, reject) => {
      ws.once('open', () => resolve());
      ws.once('error', reject);
    });
    let id = 0;
    const send = (frame: Record<string, unknown>): void => ws.send(JSON.stringify({ ...frame, id: ++id }));
    // A window with two panes of BTCUSDT, answering every capture request as the renderer does (the PNG's bytes in a binary frame).
    let answered = 0;
    ws.on('message', (data: Buffer) => {
      const frame = JSON.parse(data.toString('utf8')) as ServerFrame;
      if (frame.t !== 'event') return;
      const r = frame.payload as CaptureRequest;
      answered++;
      for (const pane of [0, 1]) {
        const call = { t: 'call' as const, id: ++id, method: 'chart.paneImage', params: { requestId: r.requestId, pane, symbol: 'BTCUSDT', interval: '1m', last: pane === 1 } };
        ws.send(encodeBinaryCall(call, picture()), { binary: true });
      }
    });
    send({ t: 'sub', event: 'chart.captureRequests', params: {} });
    await new Promise((r) => setTimeout(r, 200));

    // Captures on demand, one after another; the process is killed while they are being written.
    let completed = 0;
    let stop = false;
    const capture = async (): Promise<void> => {
      const res = await fetch(`${url.origin}/api/journal/capture`, { method: 'POST', headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json' }, body: JSON.stringify({ symbol: 'BTCUSDT' }) });
      if (res.status === 200) completed++;
    };
    const loop = (async () => {
      while (!stop) await Promise.all([capture(), capture()]).catch(() => undefined);
    })();
    for (let i = 0; i < 200 && completed < 6; i++) await new Promise((r) => setTimeout(r, 50));
    // Killed while a capture is under way: its request answered with both panes, its reply not back yet.
    for (let i = 0; i < 5_000 && answered <= completed; i++) await new Promise((r) => setImmediate(r));
    const child = serve.child;
    const exited = new Promise((r) => child.once('exit', r));
    const inFlightAtKill = answered - completed;
    child.kill('SIGKILL');
    await exited;
    stop = true;
    await loop;
    ws.terminate();
    expect(completed).toBeGreaterThanOrEqual(6);
    expect(inFlightAtKill).toBeGreaterThan(0);

    const db = new Database(join(dir.path, 'tapedeck.sqlite'), { readonly: true });
    const rows = db.prepare('SELECT sha256, path FROM journal_media').all() as { sha256: string; path: string }[];
    db.close();
    // Every completed capture stored both panes (some written after the last reply may be there too).
    expect(rows.length).toBeGreaterThanOrEqual(completed * 2);
    const bad = rows.filter((r) => {
      const file = join(dir.path, r.path);
      return !existsSync(file) || createHash('sha256').update(readFileSync(file)).digest('hex') !== r.sha256;
    });
    expect(bad).toEqual([]);
  }, 60_000);
});
