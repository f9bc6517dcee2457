import { createReadStream, statSync } from 'node:fs';
import type { ServerResponse } from 'node:http';
import { extname, join, normalize, sep } from 'node:path';

const CONTENT_TYPES: Readonly<Record<string, string>> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.map': 'application/json',
};

/** The same policy the Electron window enforces, sent as a header in serve mode. */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data: blob:",
  "connect-src 'self'",
  "font-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join('; ');

export const SECURITY_HEADERS: Readonly<Record<string, string>> = {
  'Content-Security-Policy': CONTENT_SECURITY_POLICY,
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'no-referrer',
  'Cross-Origin-Opener-Policy': 'same-origin',
  'Cross-Origin-Resource-Policy': 'same-origin',
};

/** Maps a URL path into `root`, refusing anything that would escape it. */
export function resolveStaticPath(root: string, urlPath: string): string | null {
  let decoded: string;
  try {
    decoded = decodeURIComponent(urlPath);
  } catch {
    return null;
  }
  if (decoded.includes('\0')) return null;
  const relative = normalize(decoded === '/' ? '/index.html' : decoded).replace(/^[/\\]+/, '');
  const full = join(root, relative);
  return full === root || full.startsWith(root.endsWith(sep) ? root : root + sep) ? full : null;
}

/** Sends a built renderer file, or a plain-text 404/503. */
export function sendStatic(res: ServerResponse, root: string, urlPath: string, extraHeaders: Record<string, string>): void {
  const file = resolveStaticPath(root, urlPath);
  const stat = file === null ? null : statSync(file, { throwIfNoEntry: false });
  if (file === null || stat === undefined || stat === null || !stat.isFile()) {
    const missingBuild = urlPath === '/' || urlPath === '/index.html';
    res.writeHead(missingBuild ? 503 : 404, { 'Content-Type': 'text/plain; charset=utf-8', ...SECURITY_HEADERS });
    res.end(missingBuild ? 'The Tapedeck UI is not built: run `npm run build`.\n' : 'Not found\n');
    return;
  }
  const isHtml = extname(file) === '.html';
  res.writeHead(200, {
    'Content-Type': CONTENT_TYPES[extname(file)] ?? 'application/octet-stream',
    'Content-Length': String(stat.size),
    'Cache-Control': isHtml ? 'no-store' : 'private, max-age=3600',
    ...SECURITY_HEADERS,
    ...extraHeaders,
  });
  // The file can vanish between stat and open (a rebuild clearing out/renderer).
  const stream = createReadStream(file);
  stream.once('error', () => res.destroy());
  stream.pipe(res);
}
