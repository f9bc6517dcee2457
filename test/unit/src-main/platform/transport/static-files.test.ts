import { describe, expect, it } from 'vitest';
import { resolveStaticPath } from '../../../../../src-main/platform/transport';

describe('resolveStaticPath', () => {
  const root = '/srv/renderer';

  it('maps / to index.html and keeps paths inside the root', () => {
    expect(resolveStaticPath(root, '/')).toBe('/srv/renderer/index.html');
    expect(resolveStaticPath(root, '/assets/app.js')).toBe('/srv/renderer/assets/app.js');
  });

  it.each([
    ['/../etc/passwd', '/srv/renderer/etc/passwd'],
    ['/assets/../../etc/passwd', '/srv/renderer/etc/passwd'],
    ['/%2e%2e/%2e%2e/etc/passwd', '/srv/renderer/etc/passwd'],
    ['/..%2fsecret', '/srv/renderer/secret'],
    ['/assets/%2e%2e/index.html', '/srv/renderer/index.html'],
  ])('clamps %s into the root: %s', (urlPath, expected) => {
    expect(resolveStaticPath(root, urlPath)).toBe(expected);
  });

  it('refuses NUL bytes and malformed escapes', () => {
    expect(resolveStaticPath(root, '/index.html%00.js')).toBeNull();
    expect(resolveStaticPath(root, '/%E0%A4%A')).toBeNull();
  });
});
