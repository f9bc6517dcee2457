/** The renderer is served from tapedeck://app/ (a custom protocol, not file://). */
export const APP_SCHEME = 'tapedeck';
export const APP_HOST = 'app';
export const APP_START_URL = `${APP_SCHEME}://${APP_HOST}/index.html`;

/**
 * Whether `url` belongs to our own UI: tapedeck://app/…, or the dev server
 * when one is in use. Compared by scheme and host, because Node's URL gives
 * custom schemes an opaque origin ("null").
 */
export function isAppUrl(url: string, devServer?: string): boolean {
  if (!URL.canParse(url)) return false;
  const u = new URL(url);
  if (u.protocol === `${APP_SCHEME}:` && u.host === APP_HOST) return true;
  return devServer !== undefined && URL.canParse(devServer) && u.origin === new URL(devServer).origin;
}
