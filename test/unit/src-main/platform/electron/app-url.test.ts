import { describe, expect, it } from 'vitest';
import { APP_START_URL, isAppUrl } from '../../../../../src-main/platform/electron/app-url';

describe('isAppUrl', () => {
  it('accepts our custom-protocol pages (whose WHATWG origin is opaque)', () => {
    expect(new URL(APP_START_URL).origin).toBe('null');
    expect(isAppUrl(APP_START_URL)).toBe(true);
    expect(isAppUrl('tapedeck://app/assets/index.js')).toBe(true);
  });

  it.each([
    'tapedeck://evil/index.html',
    'https://app/index.html',
    'file:///work/main/out/renderer/index.html',
    'http://localhost:5173/',
    'javascript:alert(1)',
    '',
    'not a url',
  ])('refuses %s', (url) => {
    expect(isAppUrl(url)).toBe(false);
  });

  it('accepts the dev server only when one is in use, by exact origin', () => {
    expect(isAppUrl('http://localhost:5173/src/main.tsx', 'http://localhost:5173')).toBe(true);
    expect(isAppUrl('http://localhost:5174/', 'http://localhost:5173')).toBe(false);
    expect(isAppUrl('http://localhost:5173/')).toBe(false);
  });
});
