import type { IncomingMessage, ServerResponse } from 'node:http';
import type { ContractError, ErrorCode, MethodName } from '../../shared/contract';
import type { Dispatcher } from '../rpc';
import { SECURITY_HEADERS } from '../transport';

/** The largest JSON body an agent may send. */
const MAX_BODY_BYTES = 64 * 1024;
export const GYM_PREFIX = '/api/gym/';

const STATUS: Readonly<Record<ErrorCode, number>> = {
  BAD_REQUEST: 400,
  UNKNOWN_METHOD: 404,
  UNKNOWN_EVENT: 404,
  UNAUTHORIZED: 401,
  NOT_FOUND: 404,
  UNAVAILABLE: 503,
  TIMEOUT: 504,
  TOO_LARGE: 413,
  LIMIT: 429,
  INTERNAL: 500,
};

function sendJson(res: ServerResponse, status: number, body: unknown): void {
  res.writeHead(status, { 'Content-Type': 'application/json; charset=utf-8', 'Cache-Control': 'no-store', ...SECURITY_HEADERS });
  res.end(JSON.stringify(body));
}

function fail(res: ServerResponse, error: ContractError): void {
  sendJson(res, STATUS[error.code], { error });
}

/** Reads a JSON object body (at most MAX_BODY_BYTES, Content-Type application/json), or answers the failure and returns undefined. */
async function jsonBody(req: IncomingMessage, res: ServerResponse): Promise<Record<string, unknown> | undefined> {
  // A JSON content type cannot be sent cross-site without a CORS preflight, which this server never grants.
  if (!(req.headers['content-type'] ?? '').toLowerCase().startsWith('application/json')) {
    fail(res, { code: 'BAD_REQUEST', message: 'the body must be JSON (Content-Type: application/json)', path: '' });
    return undefined;
  }
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    const buf = chunk as Buffer;
    size += buf.length;
    if (size > MAX_BODY_BYTES) {
      fail(res, { code: 'BAD_REQUEST', message: `the body is larger than ${String(MAX_BODY_BYTES)} bytes`, path: '' });
      req.destroy();
      return undefined;
    }
    chunks.push(buf);
  }
  const text = Buffer.concat(chunks).toString('utf8');
  let value: unknown;
  try {
    value = text.trim() === '' ? {} : JSON.parse(text);
  } catch {
    fail(res, { code: 'BAD_REQUEST', message: 'the body is not valid JSON', path: '' });
    return undefined;
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    fail(res, { code: 'BAD_REQUEST', message: 'the body must be a JSON object', path: '' });
    return undefined;
  }
  return value as Record<string, unknown>;
}

type Route = { method: MethodName; params: (body: Record<string, unknown>) => unknown; needsBody: boolean };

/** Which contract method an HTTP request maps to, or null for no route. */
function route(httpMethod: string, path: string, allowed: (m: string) => void): Route | null {
  const parts = path.slice(GYM_PREFIX.length).split('/');
  if (parts[0] !== 'sessions') return null;
  const id = parts[1] === undefined ? undefined : decodeURIComponent(parts[1]);
  if (parts.length === 1) {
    allowed('POST');
    return httpMethod === 'POST' ? { method: 'gym.create', params: (b) => b, needsBody: true } : null;
  }
  if (id === undefined || id === '') return null;
  if (parts.length === 2) {
    allowed('DELETE');
    return httpMethod === 'DELETE' ? { method: 'gym.close', params: () => ({ id }), needsBody: false } : null;
  }
  if (parts.length === 3 && parts[2] === 'state') {
    allowed('GET');
    return httpMethod === 'GET' ? { method: 'gym.state', params: () => ({ id }), needsBody: false } : null;
  }
  if (parts.length === 3 && parts[2] === 'action') {
    allowed('POST');
    return httpMethod === 'POST' ? { method: 'gym.act', params: (b) => ({ ...b, id }), needsBody: true } : null;
  }
  return null;
}

/**
 * The gym as JSON over HTTP for agents that do not speak the WebSocket
 * contract (the request has already passed the token check):
 *   POST   /api/gym/sessions                {symbol, interval, from, to, cash, fees, ...} -> {id, steps}
 *   GET    /api/gym/sessions/:id/state      -> {step, bar, indicators, wallet, done}
 *   POST   /api/gym/sessions/:id/action     {action: BUY|SELL|HOLD, sizePct} -> {wallet, fill, done}
 *   DELETE /api/gym/sessions/:id            -> {closed}
 * Every request goes through the same dispatcher (and so the same zod
 * validation) as the contract; a failure answers {error: {code, message, path}}.
 */
export async function handleGymRequest(req: IncomingMessage, res: ServerResponse, path: string, dispatcher: Dispatcher): Promise<void> {
  let allow = '';
  let found: Route | null;
  try {
    found = route(req.method ?? 'GET', path, (m) => (allow = m));
  } catch (err) {
    // The server refuses malformed escapes before this; should one get here, it is still the request's fault.
    if (!(err instanceof URIError)) throw err;
    fail(res, { code: 'BAD_REQUEST', message: 'the path has a malformed percent-escape', path: '' });
    return;
  }
  if (found === null) {
    if (allow !== '') {
      res.setHeader('Allow', allow);
      sendJson(res, 405, { error: { code: 'BAD_REQUEST', message: `use ${allow} here`, path: '' } });
    } else fail(res, { code: 'NOT_FOUND', message: `no gym route ${path}`, path: '' });
    return;
  }
  const body = found.needsBody ? await jsonBody(req, res) : {};
  if (body === undefined) return;
  const outcome = await dispatcher.call(found.method, found.params(body));
  if (outcome.ok) sendJson(res, found.method === 'gym.create' ? 201 : 200, outcome.result);
  else fail(res, outcome.error);
}
