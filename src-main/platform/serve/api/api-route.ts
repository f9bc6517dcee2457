import type { z } from 'zod';
import type { MethodName } from '../../../../shared/contract';

export type HttpVerb = 'GET' | 'POST' | 'DELETE';

/** What a route may ask of the running app to fill in what a program left out. */
export interface ApiContext {
  /** The active account (the one the ticket sends to). */
  activeAccountId(): string | null;
  /** The source an order on `symbol` goes to when the request names none. */
  defaultSource(symbol: string): string | null;
}

export interface RouteInput {
  readonly path: Readonly<Record<string, string>>;
  readonly query: URLSearchParams;
  readonly body: Record<string, unknown>;
  readonly ctx: ApiContext;
}

/**
 * One JSON-over-HTTP route onto a contract method: the path (`:name` is a
 * path parameter), how the method's params are made from the path parameters,
 * the query and the body, and the status of a success. The same table
 * serves the requests and writes the OpenAPI document, so they cannot differ.
 */
export interface ApiRoute {
  readonly verb: HttpVerb;
  /** e.g. /api/gym/sessions/:id/state */
  readonly path: string;
  readonly method: MethodName;
  readonly summary: string;
  readonly body: boolean;
  readonly params: (input: RouteInput) => unknown;
  /** The body as this route accepts it, when it differs from the method's params (fields it fills in itself); for OpenAPI. */
  readonly bodySchema?: z.ZodType;
  readonly status?: number;
  /** Query parameters it reads (documented in OpenAPI). */
  readonly query?: readonly string[];
}

/** Matches `path` against a route's pattern; the decoded path parameters, or null. Throws URIError on a malformed escape. */
export function matchPath(pattern: string, path: string): Record<string, string> | null {
  const want = pattern.split('/');
  const got = path.split('/');
  if (want.length !== got.length) return null;
  const out: Record<string, string> = {};
  for (let i = 0; i < want.length; i++) {
    const w = want[i] ?? '';
    const g = got[i] ?? '';
    if (w.startsWith(':')) {
      if (g === '') return null;
      out[w.slice(1)] = decodeURIComponent(g);
    } else if (w !== g) return null;
  }
  return out;
}
