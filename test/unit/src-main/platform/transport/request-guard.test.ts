import type { IncomingMessage } from 'node:http';
import { describe, expect, it } from 'vitest';
import { checkRequest, loopbackHosts, parseRequestTarget, type GuardConfig } from '../../../../../src-main/platform/transport';

const TOKEN = 'a'.repeat(32);
const config: GuardConfig = { token: TOKEN, allowedHosts: loopbackHosts('127.0.0.1', 7400), cookieName: 'tapedeck_token_7400' };
const req = (headers: Record<string, string>): IncomingMessage => ({ headers }) as unknown as IncomingMessage;
const url = (path: string): URL => new URL(path, 'http://local');

describe('parseRequestTarget', () => {
  it('takes path and query of an origin-form target', () => {
    const t = parseRequestTarget('/api/gym/sessions/abc/state?x=%20y');
    expect(t.ok && t.url.pathname).toBe('/api/gym/sessions/abc/state');
  });

  it.each(['/api/gym/sessions/%E0%A4%A/state', '/x%zz', '/%', '/?token=%E0%A4', '/a?b=%'])('refuses the malformed percent-escape in %s', (target) => {
    expect(parseRequestTarget(target)).toEqual({ ok: false, reason: 'bad request target: a malformed percent-escape' });
  });

  it.each(['//', '//[/', 'http://[/', '*'])('refuses the target %s', (target) => {
    expect(parseRequestTarget(target)).toEqual({ ok: false, reason: 'bad request target' });
  });
});

describe('checkRequest', () => {
  it('compares Host case-insensitively (RFC 9110), and still refuses other hosts', () => {
    for (const host of ['LOCALHOST:7400', 'LocalHost:7400', '127.0.0.1:7400']) {
      expect(checkRequest(req({ host, authorization: `Bearer ${TOKEN}` }), url('/'), config, false)).toEqual({ ok: true, viaQuery: false });
    }
    expect(checkRequest(req({ host: 'EVIL.example:7400', authorization: `Bearer ${TOKEN}` }), url('/'), config, false)).toMatchObject({ ok: false, status: 403 });
  });

  it('takes an upgrade whose Origin differs from Host only in case', () => {
    const verdict = checkRequest(req({ host: 'LOCALHOST:7400', origin: 'http://localhost:7400' }), url(`/api/ws?token=${TOKEN}`), config, true);
    expect(verdict).toEqual({ ok: true, viaQuery: true });
  });

  it('reads the token only from this port\'s cookie', () => {
    expect(checkRequest(req({ host: '127.0.0.1:7400', cookie: `tapedeck_token_7400=${TOKEN}` }), url('/'), config, false)).toEqual({ ok: true, viaQuery: false });
    expect(checkRequest(req({ host: '127.0.0.1:7400', cookie: `tapedeck_token_7401=${TOKEN}` }), url('/'), config, false)).toMatchObject({ ok: false, status: 401 });
  });
});
