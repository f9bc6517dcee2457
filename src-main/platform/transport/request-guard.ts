import type { IncomingMessage } from 'node:http';
import { tokenMatches } from './access-token';

export interface GuardConfig {
  readonly token: string;
  /** Host header values accepted (DNS-rebinding defence); null accepts any. */
  readonly allowedHosts: ReadonlySet<string> | null;
  readonly cookieName: string;
}

export type GuardVerdict = { ok: true; viaQuery: boolean } | { ok: false; status: 401 | 403; reason: string };

function cookieValue(header: string | undefined, name: string): string | null {
  if (header === undefined) return null;
  for (const part of header.split(';')) {
    const eq = part.indexOf('=');
    if (eq > 0 && part.slice(0, eq).trim() === name) {
      // Any page on localhost can set a cookie for our host; a malformed one is just not the token.
      try {
        return decodeURIComponent(part.slice(eq + 1).trim());
      } catch {
        return null;
      }
    }
  }
  return null;
}

/** Loopback names a browser may use for a server bound to `host:port`, lower-cased (Host is compared case-insensitively). */
export function loopbackHosts(host: string, port: number): ReadonlySet<string> {
  const names = new Set([`127.0.0.1:${String(port)}`, `localhost:${String(port)}`, `[::1]:${String(port)}`]);
  names.add(`${host.includes(':') ? `[${host}]` : host}:${String(port)}`.toLowerCase());
  return names;
}

/**
 * Every HTTP request and WebSocket upgrade must carry the run's token, in the
 * `token` query parameter, an `Authorization: Bearer` header, or the cookie set
 * when the page was first opened with it; and its Host must be one we serve (so a rebound DNS name is refused).
 * A WebSocket from a browser must also come from our own origin.
 */
export function checkRequest(req: IncomingMessage, url: URL, config: GuardConfig, isUpgrade: boolean): GuardVerdict {
  // Host names and URL schemes are case-insensitive (RFC 9110 §4.2.3, RFC 3986 §3.1): LOCALHOST is localhost.
  const host = (req.headers.host ?? '').toLowerCase();
  if (config.allowedHosts !== null && !config.allowedHosts.has(host)) {
    return { ok: false, status: 403, reason: `host "${req.headers.host ?? ''}" is not served here` };
  }
  if (isUpgrade) {
    const origin = req.headers.origin;
    const from = origin?.toLowerCase();
    if (from !== undefined && from !== `http://${host}` && from !== `https://${host}`) {
      return { ok: false, status: 403, reason: `origin "${origin ?? ''}" may not connect` };
    }
  }
  // Programs (agents on the gym API) may send the token as a bearer credential instead.
  const auth = req.headers.authorization;
  if (auth !== undefined && /^Bearer /i.test(auth) && tokenMatches(config.token, auth.slice(7).trim())) return { ok: true, viaQuery: false };
  const fromQuery = url.searchParams.get('token');
  if (tokenMatches(config.token, fromQuery)) return { ok: true, viaQuery: true };
  if (tokenMatches(config.token, cookieValue(req.headers.cookie, config.cookieName))) return { ok: true, viaQuery: false };
  return { ok: false, status: 401, reason: 'missing or wrong access token: open the URL that `tapedeck serve` printed' };
}
