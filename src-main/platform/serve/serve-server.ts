import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Duplex } from 'node:stream';
import type { Core } from '../app/core';
import { defaultSourceOf } from '../../trading/instruments/default-source';
import { handleApiRequest } from './api/api-handler';
import type { ApiContext, ApiRoute } from './api/api-route';
import { GYM_ROUTES } from './api/gym-routes';
import { JOURNAL_ROUTES } from './api/journal-routes';
import { TRADING_ROUTES } from './api/trading-routes';
import { sendError, sendJson } from './api/http-json';
import { openApiDocument } from './api/openapi';
import { checkRequest, createAccessToken, loopbackHosts, parseRequestTarget, SECURITY_HEADERS, sendStatic, WsTransport, type GuardConfig } from '../transport';

export interface ServeOptions {
  readonly core: Core;
  readonly host: string;
  readonly port: number;
  /** The built renderer (out/renderer). */
  readonly rendererDir: string;
  readonly token?: string;
  /** JSON-over-HTTP routes beside the gym's and trading's. */
  readonly routes?: readonly ApiRoute[];
}

export interface RunningServer {
  /** The URL to open, carrying the token. */
  readonly url: string;
  readonly port: number;
  readonly token: string;
  readonly transport: WsTransport;
  close(): Promise<void>;
}

const LOOPBACK = new Set(['127.0.0.1', 'localhost', '::1']);
export const WS_PATH = '/api/ws';

function refuse(res: ServerResponse, status: number, reason: string): void {
  res.writeHead(status, { 'Content-Type': 'text/plain; charset=utf-8', ...SECURITY_HEADERS });
  res.end(`${reason}\n`);
}

function refuseUpgrade(socket: Duplex, status: 400 | 401 | 403, reason: string): void {
  const text = status === 400 ? 'Bad Request' : status === 401 ? 'Unauthorized' : 'Forbidden';
  socket.end(`HTTP/1.1 ${String(status)} ${text}\r\nContent-Type: text/plain\r\nConnection: close\r\n\r\n${reason}\n`);
}

/**
 * `tapedeck serve`: the renderer over HTTP and the contract over a WebSocket,
 * on loopback by default, every request checked for the per-run token.
 */
export async function startServeServer(options: ServeOptions): Promise<RunningServer> {
  const routes = [...GYM_ROUTES, ...TRADING_ROUTES, ...JOURNAL_ROUTES, ...(options.routes ?? [])];
  const api: ApiContext = {
    activeAccountId: () => options.core.trading.desk.activeId(),
    defaultSource: (symbol) => defaultSourceOf(options.core.market.feeds, symbol),
  };
  const token = options.token ?? createAccessToken();
  const transport = new WsTransport(options.core);
  const server: Server = createServer();
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port, options.host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  const port = (server.address() as AddressInfo).port;
  const guard: GuardConfig = {
    token,
    allowedHosts: LOOPBACK.has(options.host) ? loopbackHosts(options.host, port) : null,
    cookieName: `tapedeck_token_${String(port)}`,
  };

  server.on('request', (req: IncomingMessage, res: ServerResponse) => {
    const target = parseRequestTarget(req.url);
    if (!target.ok) {
      refuse(res, 400, target.reason);
      return;
    }
    const url = target.url;
    const verdict = checkRequest(req, url, guard, false);
    if (!verdict.ok) {
      refuse(res, verdict.status, verdict.reason);
      return;
    }
    if (url.pathname === '/api/openapi.json' && (req.method === 'GET' || req.method === 'HEAD')) {
      sendJson(res, 200, openApiDocument(routes, options.core.info.version));
      return;
    }
    if (url.pathname.startsWith('/api/')) {
      handleApiRequest(req, res, url, routes, options.core.dispatcher, api)
        .then((handled) => {
          if (!handled) sendError(res, { code: 'NOT_FOUND', message: `no API route ${url.pathname} (see /api/openapi.json)`, path: '' });
        })
        .catch((err: unknown) => {
          options.core.log.error('API request failed', err);
          if (!res.headersSent) refuse(res, 500, 'internal error');
          else res.destroy();
        });
      return;
    }
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      refuse(res, 405, 'method not allowed');
      return;
    }
    const cookie: Record<string, string> = verdict.viaQuery
      ? { 'Set-Cookie': `${guard.cookieName}=${token}; HttpOnly; SameSite=Strict; Path=/` }
      : {};
    sendStatic(res, options.rendererDir, url.pathname, cookie);
  });

  server.on('upgrade', (req: IncomingMessage, socket: Duplex, head: Buffer) => {
    // Node removes its own error listener before 'upgrade': without this, a
    // peer that resets the connection would crash the process.
    socket.on('error', () => socket.destroy());
    const target = parseRequestTarget(req.url);
    if (!target.ok) {
      refuseUpgrade(socket, 400, target.reason);
      return;
    }
    const url = target.url;
    if (url.pathname !== WS_PATH) {
      refuseUpgrade(socket, 403, 'no WebSocket here');
      return;
    }
    const verdict = checkRequest(req, url, guard, true);
    if (!verdict.ok) {
      refuseUpgrade(socket, verdict.status, verdict.reason);
      return;
    }
    transport.upgrade(req, socket, head);
  });

  const shownHost = options.host.includes(':') ? `[${options.host}]` : options.host;
  return {
    url: `http://${shownHost}:${String(port)}/?token=${token}`,
    port,
    token,
    transport,
    async close() {
      transport.close();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
