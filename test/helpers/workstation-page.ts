import { mkdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Browser, Page } from 'playwright-core';
import { findChromium, launchChromium } from './chromium';
import { startServeProcess, type ServeProcess } from './serve-process';
import { tempDir } from './temp-dir';

/** Where e2e tests leave their screenshots. */
export const ARTIFACTS = fileURLToPath(new URL('../artifacts/', import.meta.url));
mkdirSync(ARTIFACTS, { recursive: true });

/**
 * Debian's Chromium, or null (the e2e suites then skip, saying why; on CI a
 * missing Chromium is an error, since .ci/run installs it).
 */
export function chromiumForE2e(): string | null {
  const path = findChromium();
  if (path === null) {
    const why = 'e2e: Debian chromium is not on PATH (apt-get install chromium); .ci/run installs it';
    if (process.env.CI === 'true') throw new Error(why);
    console.warn(`SKIPPED ${why}`);
  }
  return path;
}

export interface WorkstationPage {
  readonly dir: ReturnType<typeof tempDir>;
  readonly serve: ServeProcess;
  readonly browser: Browser;
  readonly page: Page;
  /** Console errors and page errors (CSP violations among them) seen so far. */
  readonly consoleErrors: string[];
  close(): Promise<void>;
}

/** `tapedeck serve` as a process on a fresh data dir, and a Chromium page on it (not yet navigated). */
export async function openWorkstation(chromiumPath: string, viewport: { width: number; height: number }, env: Readonly<Record<string, string>> = {}): Promise<WorkstationPage> {
  const dir = tempDir();
  const serve = await startServeProcess(dir.path, [], env);
  const browser = await launchChromium(chromiumPath);
  const page = await browser.newPage({ viewport });
  const consoleErrors: string[] = [];
  page.on('console', (m) => {
    if (m.type() === 'error') consoleErrors.push(m.text());
  });
  page.on('pageerror', (e) => consoleErrors.push(e.message));
  return {
    dir,
    serve,
    browser,
    page,
    consoleErrors,
    async close() {
      await browser.close();
      await serve.stop();
      dir.remove();
    },
  };
}
