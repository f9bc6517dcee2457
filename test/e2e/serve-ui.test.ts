import { mkdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { findChromium, launchChromium } from '../helpers/chromium';
import { startServeProcess, type ServeProcess } from '../helpers/serve-process';
import { tempDir } from '../helpers/temp-dir';

const ARTIFACTS = fileURLToPath(new URL('../artifacts/', import.meta.url));
const chromiumPath = findChromium();
if (chromiumPath === null) {
  const why = 'e2e: Debian chromium is not on PATH (apt-get install chromium); .ci/run installs it';
  if (process.env.CI === 'true') throw new Error(why);
  console.warn(`SKIPPED ${why}`);
}

describe.skipIf(chromiumPath === null)('the workstation in Chromium via tapedeck serve', () => {
  let dir: ReturnType<typeof tempDir>;
  let serve: ServeProcess;
  let browser: Browser;
  let page: Page;
  const consoleErrors: string[] = [];

  beforeAll(async () => {
    dir = tempDir();
    serve = await startServeProcess(dir.path);
    browser = await launchChromium(chromiumPath ?? '');
    page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
    page.on('console', (m) => {
      if (m.type() === 'error') consoleErrors.push(m.text());
    });
    page.on('pageerror', (e) => consoleErrors.push(e.message));
  });

  afterAll(async () => {
    await browser.close();
    await serve.stop();
    dir.remove();
  });

  it('loads the frame and shows live health over the WebSocket', async () => {
    await page.goto(serve.url);
    const badge = page.getByTestId('health-badge');
    await expect.poll(() => badge.getAttribute('data-status')).toBe('OK');
    expect(await badge.textContent()).toContain('NO FEED');
    await expect.poll(() => page.getByTestId('connection-state').getAttribute('data-state')).toBe('open');
    for (const region of ['Watchlist', 'Order ticket', 'Positions']) {
      expect(await page.getByText(region, { exact: true }).count()).toBeGreaterThan(0);
    }
  });

  it('lists the default watchlist from the embedded settings', async () => {
    for (const symbol of ['BTCUSDT', 'ETHUSDT', 'SOLUSDT', 'SPY', 'AAPL']) {
      await expect.poll(() => page.getByText(symbol, { exact: true }).count()).toBeGreaterThan(0);
    }
  });

  it('shows app.info and app.health in the About / health view, and saves a screenshot', async () => {
    await page.getByTestId('tab-about').click();
    const table = page.getByTestId('about-health');
    await expect.poll(() => table.isVisible()).toBe(true);
    const text = (await table.textContent()) ?? '';
    expect(text).toContain(dir.path);
    expect(text).toContain('serve');
    expect(text).toMatch(/wal/i);
    mkdirSync(ARTIFACTS, { recursive: true });
    await page.screenshot({ path: `${ARTIFACTS}workstation.png` });
  });

  it('ran without console errors or CSP violations', () => {
    expect(consoleErrors).toEqual([]);
  });

  it('refuses the page without the token', async () => {
    const bare = await browser.newPage();
    const response = await bare.goto(new URL(serve.url).origin);
    expect(response?.status()).toBe(401);
    await bare.close();
  });
});
