import type { IncomingMessage, ServerResponse } from 'node:http';
import type { ContractError, ErrorCode } from '../../../../shared/contract';
import { SECURITY_HEADERS } from '../../transport';

/** The largest JSON body a program may send. */
export const MAX_BODY_BYTES = 64 * 1024;

export const HTTP_STATUS: Readonly<Record<ErrorCode, number>> = {
  BAD_REQUEST: 400,
  UNKNOWN_METHOD: 404,
  UNKNOWN_EVENT: 404,
  UNAUTHORIZED: 401,
  NOT_FOUND: 404,
  UNAVAILABLE: 503,
  TIMEOUT: 504,
  TOO_LARGE: 413,
  LIMIT: 429,
  REJECTED: 422,
  CONFLICT: 409,
  INTERNAL: 500,
};

export function sendJson(res: ServerResponse, status: number, body: unknown): void {
  res.writeHead(status, { 'Content-Type': 'application/json; charset=utf-8', 'Cache-Control': 'no-store', ...SECURITY_HEADERS });
  res.end(JSON.stringify(body));
}

export function sendText(res: ServerResponse, status: number, contentType: string, text: string, extra: Record<string, string> = {}): void {
  res.writeHead(status, { 'Content-Type': contentType, 'Cache-Control': 'no-store', ...SECURITY_HEADERS, ...extra });
  res.end(text);
}

export function sendError(res: ServerResponse, error: ContractError): void {
  sendJson(res, HTTP_STATUS[error.code], { error });
}

/** Reads a JSON object body (at most MAX_BODY_BYTES, Content-Type application/json), or answers the failure and returns undefined. */
export async function jsonBody(req: IncomingMessage, res: ServerResponse): Promise<Record<string, unknown> | undefined> {
  // A JSON content type cannot be sent cross-site without a CORS preflight, which this server never grants.
  if (!(req.headers['content-type'] ?? '').toLowerCase().startsWith('application/json')) {
    sendError(res, { code: 'BAD_REQUEST', message: 'the body must be JSON (Content-Type: application/json)', path: '' });
    return undefined;
  }
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    const buf = chunk as Buffer;
    size += buf.length;
    if (size > MAX_BODY_BYTES) {
      sendError(res, { code: 'BAD_REQUEST', message: `the body is larger than ${String(MAX_BODY_BYTES)} bytes`, path: '' });
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
    sendError(res, { code: 'BAD_REQUEST', message: 'the body is not valid JSON', path: '' });
    return undefined;
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    sendError(res, { code: 'BAD_REQUEST', message: 'the body must be a JSON object', path: '' });
    return undefined;
  }
  return value as Record<string, unknown>;
}
