/** A request target read as a URL, or why it is refused (answered 400, nothing logged). */
export type RequestTarget = { readonly ok: true; readonly url: URL } | { readonly ok: false; readonly reason: string };

/** Percent-escapes that decode: a "%" with two hex digits, forming UTF-8. */
function escapesDecode(target: string): boolean {
  if (!target.includes('%')) return true;
  try {
    decodeURIComponent(target);
    return true;
  } catch {
    return false;
  }
}

/**
 * The request target (origin-form: a path and query) as a URL parsed against
 * a fixed base, so only path and query are taken from it. Refused: anything
 * that is not origin-form ("//[/", "*", an absolute URL) and any malformed
 * percent-escape in the path or the query ("%E0%A4%A"), which would otherwise
 * throw a URIError wherever a part of it is decoded.
 */
export function parseRequestTarget(target: string | undefined): RequestTarget {
  const path = target ?? '/';
  if (!path.startsWith('/') || path.startsWith('//') || !URL.canParse(path, 'http://local')) return { ok: false, reason: 'bad request target' };
  if (!escapesDecode(path)) return { ok: false, reason: 'bad request target: a malformed percent-escape' };
  return { ok: true, url: new URL(path, 'http://local') };
}
