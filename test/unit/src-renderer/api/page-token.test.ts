import { describe, expect, it } from 'vitest';
import { dropTokenFromAddress, pageToken, type PageAddress } from '../../../../src-renderer/api/page-token';
import { serveSocketUrl } from '../../../../src-renderer/api/ws-connection';

function page(search: string, hash = ''): PageAddress & { replaced: string[] } {
  const replaced: string[] = [];
  return {
    replaced,
    location: { pathname: '/', search, hash },
    history: { state: { at: 1 }, replaceState: (_state: unknown, _unused: string, u?: string | URL | null) => void replaced.push(String(u)) },
  };
}

describe('the access token in the page address', () => {
  it('is read from ?token=, then taken out of the address, keeping the rest', () => {
    expect(pageToken({ search: '?token=abc' })).toBe('abc');
    expect(pageToken({ search: '' })).toBeNull();
    const p = page('?token=abc&symbol=SPY', '#chart');
    expect(dropTokenFromAddress(p)).toBe(true);
    expect(p.replaced).toEqual(['/?symbol=SPY#chart']);
    const only = page('?token=abc');
    dropTokenFromAddress(only);
    expect(only.replaced).toEqual(['/']);
  });

  it('leaves an address without a token alone', () => {
    const p = page('?symbol=SPY');
    expect(dropTokenFromAddress(p)).toBe(false);
    expect(p.replaced).toEqual([]);
  });

  it('goes into the socket URL when present; without it the cookie authenticates the upgrade', () => {
    expect(serveSocketUrl({ protocol: 'http:', host: '127.0.0.1:7400', search: '?token=a+b' })).toBe('ws://127.0.0.1:7400/api/ws?token=a%20b');
    expect(serveSocketUrl({ protocol: 'http:', host: '127.0.0.1:7400', search: '' })).toBe('ws://127.0.0.1:7400/api/ws');
  });
});
