import { connect } from 'node:net';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { serveFixture, type ServeFixture } from '../../helpers/serve-fixture';

/** Sends raw bytes and resolves with whatever comes back before the server closes (or `destroyAfterMs`). */
function raw(port: number, request: string, options: { reset?: boolean } = {}): Promise<string> {
  return new Promise((resolve) => {
    const socket = connect(port, '127.0.0.1');
    let answer = '';
    socket.on('data', (d: Buffer) => {
      answer += d.toString();
      if (options.reset === true) socket.resetAndDestroy();
    });
    socket.on('error', () => resolve(answer));
    socket.on('close', () => resolve(answer));
    socket.write(request);
    if (options.reset === true) setImmediate(() => socket.resetAndDestroy());
  });
}

describe('tapedeck serve survives hostile requests', () => {
  let fx: ServeFixture;
  let logged: string[];
  beforeEach(async () => {
    logged = [];
    const log = { error: (message: string, err?: unknown) => void logged.push(`${message} ${String(err)}`), warn: (message: string) => void logged.push(message) };
    fx = await serveFixture({ log });
  });
  afterEach(() => fx.close());

  async function stillServing(): Promise<void> {
    expect((await fetch(`${fx.base}/?token=${fx.server.token}`)).status).toBe(200);
  }

  it.each(['//', '//[/', 'http://[/', '*'])('answers 400 to the request target %s and keeps serving', async (target) => {
    const answer = await raw(fx.server.port, `GET ${target} HTTP/1.1\r\nHost: 127.0.0.1:${String(fx.server.port)}\r\nConnection: close\r\n\r\n`);
    expect(answer).toMatch(/^HTTP\/1\.1 400 /);
    await stillServing();
  });

  it.each(['/api/gym/sessions/%E0%A4%A/state', '/index.html%E0', '/?x=%zz'])('answers 400, not 500, to the malformed escape in %s, and logs nothing', async (target) => {
    const res = await fetch(`${fx.base}${target}`, { headers: { Authorization: `Bearer ${fx.server.token}` } });
    expect(res.status).toBe(400);
    expect(await res.text()).toBe('bad request target: a malformed percent-escape\n');
    expect(logged).toEqual([]);
    await stillServing();
  });

  it('answers a Host in capitals as the same host (host names are case-insensitive)', async () => {
    const port = String(fx.server.port);
    const answer = await raw(fx.server.port, `GET /?token=${fx.server.token} HTTP/1.1\r\nHost: LOCALHOST:${port}\r\nConnection: close\r\n\r\n`);
    expect(answer).toMatch(/^HTTP\/1\.1 200 /);
    const evil = await raw(fx.server.port, `GET /?token=${fx.server.token} HTTP/1.1\r\nHost: EVIL.EXAMPLE:${port}\r\nConnection: close\r\n\r\n`);
    expect(evil).toMatch(/^HTTP\/1\.1 403 /);
  });

  it('binds the token cookie to this server\'s port: HttpOnly, SameSite=Strict, named for the port', async () => {
    const first = await fetch(`${fx.base}/?token=${fx.server.token}`);
    expect(first.headers.get('set-cookie')).toBe(`tapedeck_token_${String(fx.server.port)}=${fx.server.token}; HttpOnly; SameSite=Strict; Path=/`);
    // The right token under another port's cookie name is no token here.
    const other = await fetch(`${fx.base}/index.html`, { headers: { Cookie: `tapedeck_token_${String(fx.server.port + 1)}=${fx.server.token}` } });
    expect(other.status).toBe(401);
  });

  it('treats a malformed token cookie as no token', async () => {
    const res = await fetch(`${fx.base}/index.html`, { headers: { Cookie: `tapedeck_token_${String(fx.server.port)}=%E0%A4%A` } });
    expect(res.status).toBe(401);
    await stillServing();
  });

  it('survives a client that resets the connection after a refused upgrade', async () => {
    const upgrade = [
      'GET /api/ws HTTP/1.1',
      `Host: 127.0.0.1:${String(fx.server.port)}`,
      'Upgrade: websocket',
      'Connection: Upgrade',
      'Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==',
      'Sec-WebSocket-Version: 13',
      '',
      '',
    ].join('\r\n');
    for (let i = 0; i < 20; i++) await raw(fx.server.port, upgrade, { reset: true });
    await stillServing();
  });

  it('answers a bad upgrade target with 400', async () => {
    const answer = await raw(
      fx.server.port,
      `GET //[/ HTTP/1.1\r\nHost: 127.0.0.1:${String(fx.server.port)}\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n\r\n`,
    );
    expect(answer).toMatch(/^HTTP\/1\.1 400 /);
    await stillServing();
  });
});
