import { app, BrowserWindow, safeStorage, type WebContents } from 'electron';
import { fileURLToPath } from 'node:url';
import { createCore, type Core } from '../app/core';
import { alpacaFromEnv } from '../config/alpaca-config';
import { SafeStorageAlpacaKeys, storedOrEnv } from './alpaca-key-store';
import { binanceConfigFromEnv } from '../config/binance-config';
import { handleAppProtocol, registerAppScheme } from './app-protocol';
import { APP_START_URL, isAppUrl as isAppUrlFor } from './app-url';
import { bridgeIpc } from './ipc-bridge';
import { createMainWindow } from './main-window';
import { hardenApp } from './window-security';

/**
 * Electron entry point. Deliberately thin: everything Tapedeck does lives in
 * the core, which `tapedeck serve` runs unchanged under plain Node.
 */
const rendererDir = fileURLToPath(new URL('../renderer/', import.meta.url));
const preloadPath = fileURLToPath(new URL('../preload/preload.cjs', import.meta.url));
/** The core's worker pool runs this bundle (built beside this file). */
const coreWorkerPath = fileURLToPath(new URL('./core-worker.js', import.meta.url));
// electron-vite's dev server (HMR) in development only; never in a packaged app.
const devUrl = app.isPackaged ? undefined : process.env.ELECTRON_RENDERER_URL;
const startUrl = devUrl ?? APP_START_URL;
const isAppUrl = (url: string): boolean => isAppUrlFor(url, devUrl);

registerAppScheme();
app.enableSandbox();
// One workstation per user: a second launch focuses the first window instead.
const primary = app.requestSingleInstanceLock();

let core: Core | null = null;

async function openWindow(trust: (wc: WebContents) => void): Promise<void> {
  const win = createMainWindow(preloadPath);
  trust(win.webContents);
  win.once('ready-to-show', () => win.show());
  await win.loadURL(startUrl);
}

async function start(): Promise<void> {
  await app.whenReady();
  // userData normally; TAPEDECK_DATA_DIR (portable installs, tests) when set.
  const override = process.env.TAPEDECK_DATA_DIR?.trim();
  const dataDir = override !== undefined && override !== '' ? override : app.getPath('userData');
  // Keys stored encrypted with safeStorage in the data directory when there are some, else the environment's.
  const envAlpaca = alpacaFromEnv(process.env);
  const keyStore = new SafeStorageAlpacaKeys(dataDir, safeStorage);
  core = createCore({
    dataDir,
    mode: 'electron',
    binance: binanceConfigFromEnv(process.env),
    alpaca: { ...envAlpaca, credentials: storedOrEnv(keyStore, envAlpaca.credentials), paperAccount: keyStore.stored || envAlpaca.paperAccount === true },
    alpacaKeys: keyStore,
    electron: process.versions.electron,
    chrome: process.versions.chrome,
    workerPath: coreWorkerPath,
  });
  handleAppProtocol(rendererDir);
  hardenApp(isAppUrl);
  const trust = bridgeIpc(core, isAppUrl);
  // The journal's pictures at each fill also take the whole window (capturePage), beside the panes' own screenshots.
  core.journal.capture.useWindowCapture(async () => {
    const win = BrowserWindow.getAllWindows()[0];
    if (win === undefined || win.isDestroyed()) return null;
    const image = await win.webContents.capturePage();
    return image.isEmpty() ? null : new Uint8Array(image.toPNG());
  });
  await openWindow(trust);
  app.on('second-instance', () => BrowserWindow.getAllWindows()[0]?.focus());
  app.on('activate', () => {
    if (BrowserWindow.getAllWindows().length === 0) void openWindow(trust);
  });
}

app.on('window-all-closed', () => {
  if (process.platform !== 'darwin') app.quit();
});
app.on('will-quit', () => core?.close());

if (primary) {
  start().catch((err: unknown) => {
    console.error('tapedeck: failed to start', err);
    app.exit(1);
  });
} else {
  app.quit();
}
