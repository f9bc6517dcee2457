import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { resolveStaticPath } from '../../../../src-main/transport';

describe('resolveStaticPath', () => {
  const root = '/srv/renderer';

  it('maps / to index.html and keeps paths inside the root', () => {
    expect(resolveStaticPath(root, '/')).toBe(join(root, 'index.html'));
    expect(resolveStaticPath(root, '/assets/app.js')).toBe(join(root, 'assets/app.js'));
  });

  it.each(['/../etc/passwd', '/assets/../../etc/passwd', '/%2e%2e/%2e%2e/etc/passwd', '/..%2fsecret'])('never escapes the root: %s', (p) => {
    const resolved = resolveStaticPath(root, p);
    expect(resolved === null || resolved.startsWith(`${root}/`)).toBe(true);
  });

  it('refuses NUL bytes and malformed escapes', () => {
    expect(resolveStaticPath(root, '/index.html%00.js')).toBeNull();
    expect(resolveStaticPath(root, '/%E0%A4%A')).toBeNull();
  });
});
