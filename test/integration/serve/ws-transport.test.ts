import { createHash, randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { request } from 'node:http';
import { join } from 'node:path';
import WebSocket from 'ws';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { encodeBinaryCall } from '../../../shared/contract';
import { INDEX_HTML, RawClient, serveFixture, type ServeFixture } from '../../helpers/serve-fixture';

/** fetch() may not set Host; node:http may. */
function statusWithHost(url: string, host: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const req = request(url, { headers: { Host: host } }, (res) => {
      res.resume();
      resolve(res.statusCode ?? 0);
    });
    req.once('error', reject);
    req.end();
  });
}

async function status(url: string, init: RequestInit = {}): Promise<number> {
  return (await fetch(url, init)).status;
}

function upgradeStatus(url: string, headers: Record<string, string> = {}): Promise<number> {
  return new Promise((resolve, reject) => {
    const ws = new WebSocket(url, { headers });
    ws.once('unexpected-response', (_req, res) => resolve(res.statusCode ?? 0));
    ws.once('open', () => {
      ws.close();
      resolve(101);
    });
    ws.once('error', reject);
  });
}

describe('tapedeck serve: token and origin', () => {
  let fx: ServeFixture;
  beforeEach(async () => {
    fx = await serveFixture();
  });
  afterEach(() => fx.close());

  it('refuses HTTP requests without the token, with a wrong one, and from a foreign Host', async () => {
    expect(await status(`${fx.base}/`)).toBe(401);
    expect(await status(`${fx.base}/?token=nope`)).toBe(401);
    expect(await status(`${fx.base}/?token=${fx.server.token.slice(0, -1)}`)).toBe(401);
    const withToken = `${fx.base}/?token=${fx.server.token}`;
    expect(await statusWithHost(withToken, `evil.example:${String(fx.server.port)}`)).toBe(403);
    expect(await statusWithHost(withToken, `localhost:${String(fx.server.port)}`)).toBe(200);
  });

  it('accepts the token in the URL, then by the cookie it sets', async () => {
    const res = await fetch(`${fx.base}/?token=${fx.server.token}`);
    expect(res.status).toBe(200);
    expect(await res.text()).toBe(INDEX_HTML);
    expect(res.headers.get('content-security-policy')).toContain("script-src 'self'");
    const cookie = res.headers.get('set-cookie') ?? '';
    expect(cookie).toMatch(new RegExp(`^tapedeck_token_${String(fx.server.port)}=${fx.server.token}; HttpOnly; SameSite=Strict`));
    const jar = { headers: { Cookie: cookie.split(';')[0] ?? '' } };
    expect(await status(`${fx.base}/index.html`, jar)).toBe(200);
    expect(await status(`${fx.base}/missing.js`, jar)).toBe(404);
    expect(await status(`${fx.base}/index.html`, { headers: { Cookie: 'tapedeck_token_1=wrong' } })).toBe(401);
    expect(await status(`${fx.base}/?token=${fx.server.token}`, { method: 'POST' })).toBe(405);
  });

  it('refuses WebSocket upgrades without the token, from a foreign origin, or off the API path', async () => {
    const noToken = fx.wsUrl.replace(/token=.*/, 'token=');
    expect(await upgradeStatus(noToken)).toBe(401);
    expect(await upgradeStatus(fx.wsUrl, { Origin: 'https://evil.example' })).toBe(403);
    expect(await upgradeStatus(fx.wsUrl.replace('/api/ws', '/elsewhere'))).toBe(403);
    expect(await upgradeStatus(fx.wsUrl, { Origin: `http://127.0.0.1:${String(fx.server.port)}` })).toBe(101);
    expect(await upgradeStatus(fx.wsUrl)).toBe(101);
  });
});

describe('tapedeck serve: the contract over the socket', () => {
  let fx: ServeFixture;
  let client: RawClient;
  beforeEach(async () => {
    fx = await serveFixture();
    client = await RawClient.open(fx.wsUrl);
  });
  afterEach(async () => {
    await client.close();
    await fx.close();
  });

  it('answers calls by id', async () => {
    client.send({ t: 'call', id: 7, method: 'app.info' });
    const [reply] = await client.until(1);
    expect(reply).toMatchObject({ t: 'reply', id: 7, ok: true, result: { name: 'Tapedeck', dataDir: fx.dataDir } });
  });

  it('answers malformed frames with structured errors and keeps the connection', async () => {
    client.send('{not json');
    client.send(JSON.stringify({ t: 'call', id: 3, method: 42 }));
    client.send(JSON.stringify({ t: 'teleport', id: 4 }));
    client.send(JSON.stringify({ t: 'call', id: 5, method: 'app.nothing' }));
    client.send(JSON.stringify({ t: 'call', id: 6, method: 'settings.set', params: { theme: 'neon' } }));
    client.ws.send(Buffer.from([1, 2, 3]), { binary: true });
    client.send({ t: 'call', id: 8, method: 'app.info' });
    const frames = await client.until(7);
    // Replies are matched by id, not by order: an async handler may answer after a later frame's error.
    const byId = (f: (typeof frames)[number]): string =>
      f.t === 'reply' ? `r${String(f.id)}` : f.t === 'error' ? `e${f.error.message}` : `v${String(f.seq)}`;
    expect([...frames].sort((a, b) => byId(a).localeCompare(byId(b)))).toEqual([
      { t: 'error', error: { code: 'BAD_REQUEST', message: 'binary frame shorter than its header length', path: '' } },
      { t: 'error', error: { code: 'BAD_REQUEST', message: 'frame is not valid JSON', path: '' } },
      { t: 'reply', id: 3, ok: false, error: { code: 'BAD_REQUEST', message: 'frame.method: Invalid input: expected string, received number', path: 'frame.method' } },
      { t: 'reply', id: 4, ok: false, error: expect.objectContaining({ code: 'BAD_REQUEST', path: 'frame.t' }) as unknown },
      { t: 'reply', id: 5, ok: false, error: { code: 'UNKNOWN_METHOD', message: 'unknown method "app.nothing"', path: 'method' } },
      { t: 'reply', id: 6, ok: false, error: expect.objectContaining({ code: 'BAD_REQUEST', path: 'params.theme' }) as unknown },
      expect.objectContaining({ t: 'reply', id: 8, ok: true }) as unknown,
    ]);
  });

  it('takes a pane picture as a binary frame: the bytes stored as they came, under their hash', async () => {
    const png = Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), randomBytes(200_000)]);
    client.send({ t: 'sub', id: 1, event: 'chart.captureRequests' });
    await client.until(1);
    client.send({ t: 'call', id: 2, method: 'chart.screenshot', params: { symbol: 'BTCUSDT' } });
    const frames = await client.until(2);
    const request = frames.find((f) => f.t === 'event');
    const requestId = (request?.t === 'event' ? (request.payload as { requestId: string }).requestId : '');
    expect(requestId).not.toBe('');
    const call = { t: 'call' as const, id: 3, method: 'chart.paneImage', params: { requestId, pane: 0, symbol: 'BTCUSDT', interval: '1m', last: true } };
    client.ws.send(encodeBinaryCall(call, png), { binary: true });
    const replies = await client.until(4);
    expect(replies.find((f) => f.t === 'reply' && f.id === 3)).toEqual({ t: 'reply', id: 3, ok: true, result: { accepted: true } });
    const shot = replies.find((f) => f.t === 'reply' && f.id === 2);
    const sha = createHash('sha256').update(png).digest('hex');
    expect(shot).toMatchObject({ ok: true, result: { shots: [{ sha256: sha, bytes: png.byteLength, pane: 0, symbol: 'BTCUSDT', interval: '1m' }], note: null } });
    expect(readFileSync(join(fx.dataDir, 'media', sha.slice(0, 2), `${sha}.png`)).equals(png)).toBe(true);
  });

  it('streams app.health with a reply first and gap-free sequence numbers', async () => {
    client.send({ t: 'sub', id: 1, event: 'app.health' });
    await client.until(2);
    fx.ticks.tick();
    const frames = await client.until(3);
    expect(frames[0]).toEqual({ t: 'reply', id: 1, ok: true, result: { subscription: 1 } });
    expect(frames.slice(1).map((f) => (f.t === 'event' ? [f.event, f.seq] : null))).toEqual([
      ['app.health', 1],
      ['app.health', 2],
    ]);
    expect(frames[1]).toMatchObject({ payload: { clients: 1, store: { ok: true } } });
  });

  it('cleans up after a client that disconnects with requests in flight', async () => {
    const quitter = await RawClient.open(fx.wsUrl);
    quitter.send({ t: 'sub', id: 1, event: 'app.health' });
    for (let id = 2; id < 52; id++) quitter.send({ t: 'call', id, method: 'settings.set', params: { theme: id % 2 ? 'light' : 'dark' } });
    quitter.ws.terminate();
    await new Promise<void>((resolve) => {
      const check = (): void => {
        if (fx.core.clientCount === 1) resolve();
        else setImmediate(check);
      };
      check();
    });
    expect(fx.core.health.subscriberCount).toBe(0);
    expect(fx.ticks.running()).toBe(0);
    client.send({ t: 'call', id: 99, method: 'app.health' });
    const [reply] = await client.until(1);
    expect(reply).toMatchObject({ t: 'reply', id: 99, ok: true, result: { clients: 1 } });
  });
});
