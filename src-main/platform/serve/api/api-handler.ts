import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Dispatcher } from '../../rpc';
import type { ApiContext, ApiRoute } from './api-route';
import { matchPath } from './api-route';
import { jsonBody, sendError, sendJson } from './http-json';

/**
 * Serves a route table (the request has already passed the token check):
 * every request goes through the same dispatcher, and so the same zod
 * validation, as the contract; a failure answers {error: {code, message, path}}.
 */
export async function handleApiRequest(req: IncomingMessage, res: ServerResponse, url: URL, routes: readonly ApiRoute[], dispatcher: Dispatcher, ctx: ApiContext): Promise<boolean> {
  const verb = req.method ?? 'GET';
  const allowed: string[] = [];
  let found: { route: ApiRoute; path: Record<string, string> } | null = null;
  for (const route of routes) {
    let params: Record<string, string> | null;
    try {
      params = matchPath(route.path, url.pathname);
    } catch (err) {
      // The server refuses malformed escapes before this; should one get here, it is still the request's fault.
      if (!(err instanceof URIError)) throw err;
      sendError(res, { code: 'BAD_REQUEST', message: 'the path has a malformed percent-escape', path: '' });
      return true;
    }
    if (params === null) continue;
    allowed.push(route.verb);
    if (route.verb === verb) found = { route, path: params };
  }
  if (found === null) {
    if (allowed.length === 0) return false;
    res.setHeader('Allow', allowed.join(', '));
    sendJson(res, 405, { error: { code: 'BAD_REQUEST', message: `use ${allowed.join(' or ')} here`, path: '' } });
    return true;
  }
  const body = found.route.body ? await jsonBody(req, res) : {};
  if (body === undefined) return true;
  const outcome = await dispatcher.call(found.route.method, found.route.params({ path: found.path, query: url.searchParams, body, ctx }));
  if (outcome.ok) sendJson(res, found.route.status ?? 200, outcome.result);
  else sendError(res, outcome.error);
  return true;
}
