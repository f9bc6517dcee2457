/** The parts of `window` the token handling touches (tests pass plain objects). */
export interface PageAddress {
  readonly location: Pick<Location, 'pathname' | 'search' | 'hash'>;
  readonly history: Pick<History, 'state' | 'replaceState'>;
}

/** The access token the page was opened with (`?token=` of the URL `tapedeck serve` printed), or null. */
export function pageToken(location: Pick<Location, 'search'>): string | null {
  const token = new URLSearchParams(location.search).get('token');
  return token === null || token === '' ? null : token;
}

/**
 * Takes the token out of the address bar and this history entry, keeping the
 * rest of the URL, so it is not left in history, bookmarks or a shared
 * screenshot. The page keeps working: the first load set an HttpOnly cookie
 * that authenticates a reload and the WebSocket, and the socket already read
 * the token. Returns whether the address changed.
 */
export function dropTokenFromAddress(page: PageAddress): boolean {
  const params = new URLSearchParams(page.location.search);
  if (!params.has('token')) return false;
  params.delete('token');
  const query = params.toString();
  page.history.replaceState(page.history.state, '', `${page.location.pathname}${query === '' ? '' : `?${query}`}${page.location.hash}`);
  return true;
}
