import { app, session, shell, type WebContents } from 'electron';

/**
 * Electron's security checklist, applied to every web contents we create:
 * no navigation away from the app, no new windows, no <webview>, no
 * permission grants (camera, notifications, …). Links the user clicks to
 * http(s) pages open in the system browser, never inside the app.
 */
export function hardenApp(isAppUrl: (url: string) => boolean): void {
  session.defaultSession.setPermissionRequestHandler((_wc, _permission, callback) => callback(false));
  session.defaultSession.setPermissionCheckHandler(() => false);

  app.on('web-contents-created', (_event, contents: WebContents) => {
    contents.on('will-navigate', (event, url) => {
      if (!isAppUrl(url)) event.preventDefault();
    });
    contents.on('will-redirect', (event, url) => {
      if (!isAppUrl(url)) event.preventDefault();
    });
    contents.on('will-attach-webview', (event) => event.preventDefault());
    contents.setWindowOpenHandler(({ url }) => {
      const parsed = URL.canParse(url) ? new URL(url) : null;
      if (parsed !== null && parsed.protocol === 'https:') void shell.openExternal(parsed.toString());
      return { action: 'deny' };
    });
  });
}
