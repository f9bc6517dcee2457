import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { waitPane } from '../helpers/chart-panes';
import type { ServeProcess } from '../helpers/serve-process';
import type { tempDir } from '../helpers/temp-dir';
import { ARTIFACTS, chromiumForE2e, openWorkstation, type WorkstationPage } from '../helpers/workstation-page';

/** The first run generates the simulated history it charts: allow it a moment. */
const SLOW = { timeout: 20_000, interval: 100 };
const chromiumPath = chromiumForE2e();

describe.skipIf(chromiumPath === null)('the workstation in Chromium via tapedeck serve', () => {
  let ws: WorkstationPage;
  let dir: ReturnType<typeof tempDir>;
  let serve: ServeProcess;
  let browser: Browser;
  let page: Page;
  let consoleErrors: string[];

  beforeAll(async () => {
    ws = await openWorkstation(chromiumPath ?? '', { width: 1440, height: 900 });
    ({ dir, serve, browser, page, consoleErrors } = ws);
  });

  afterAll(async () => {
    await ws.close();
  });

  it('loads the frame and shows live health over the WebSocket, with the simulated feed badged SIM', async () => {
    await page.goto(serve.url);
    const badge = page.getByTestId('health-badge');
    await expect.poll(() => badge.getAttribute('data-status'), SLOW).toBe('OK');
    await expect.poll(() => badge.textContent(), SLOW).toMatch(/SIM.*LIVE|LIVE.*SIM/);
    await expect.poll(() => page.getByTestId('connection-state').getAttribute('data-state'), SLOW).toBe('open');
    for (const region of ['Watchlist', 'Order ticket', 'Positions']) {
      expect(await page.getByText(region, { exact: true }).count()).toBeGreaterThan(0);
    }
  });

  it('lists the default watchlist from the embedded settings, with last prices', async () => {
    for (const symbol of ['BTCUSDT', 'ETHUSDT', 'SOLUSDT', 'SPY', 'AAPL']) {
      await expect.poll(() => page.getByText(symbol, { exact: true }).count(), SLOW).toBeGreaterThan(0);
    }
    await expect.poll(() => page.getByTestId('watch-row-BTCUSDT').getByTestId('watch-last').textContent(), SLOW).toMatch(/^\d[\d,]*\.\d+$/);
  });

  it('charts simulated bars, badged SIM, and switches interval to the same series', async () => {
    await expect.poll(async () => Number(await page.getByTestId('chart-bar-count').textContent().then((t) => t?.replace(/\D/g, ''))), SLOW).toBeGreaterThan(100);
    expect(await page.getByTestId('chart-symbol').textContent()).toBe('BTCUSDT');
    expect(await page.getByTestId('chart-source').textContent()).toMatch(/SIM/);
    const lastClose = Number((await page.getByTestId('chart-last-close').textContent())?.replace(/,/g, ''));
    expect(lastClose).toBeGreaterThan(0);
    await page.getByTestId('chart-interval-1h').click();
    await expect.poll(() => page.getByTestId('chart-interval-1h').getAttribute('aria-pressed'), SLOW).toBe('true');
    await expect.poll(async () => Number((await page.getByTestId('chart-last-close').textContent())?.replace(/,/g, '')), SLOW).toBeGreaterThan(0);
    await page.getByTestId('chart-interval-5m').click();
    await expect.poll(() => page.getByTestId('chart-interval-5m').getAttribute('aria-pressed'), SLOW).toBe('true');
    // The README's picture: taken once the 5m bars are drawn (not between the switch and its snapshot).
    expect((await waitPane(page, 0, { symbol: 'BTCUSDT', interval: '5m' })).status).toBe('ready');
    await page.evaluate(() => new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done))));
    await page.screenshot({ path: `${ARTIFACTS}workstation.png` });
  });

  it('shows app.info and app.health in the About / health view, and saves a screenshot', async () => {
    await page.getByTestId('tab-about').click();
    const table = page.getByTestId('about-health');
    await expect.poll(() => table.isVisible(), SLOW).toBe(true);
    const text = (await table.textContent()) ?? '';
    expect(text).toContain(dir.path);
    expect(text).toContain('serve');
    expect(text).toMatch(/wal/i);
    await page.screenshot({ path: `${ARTIFACTS}about-health.png` });
  });

  it('takes the token out of the address bar after the first load and stays connected, also after a reload (by the cookie)', async () => {
    const origin = new URL(serve.url).origin;
    expect(page.url()).toBe(`${origin}/`);
    const state = page.getByTestId('connection-state');
    await expect.poll(() => state.getAttribute('data-state'), SLOW).toBe('open');
    await page.reload();
    expect(page.url()).toBe(`${origin}/`);
    await expect.poll(() => state.getAttribute('data-state'), SLOW).toBe('open');
    await expect.poll(() => page.getByTestId('health-badge').getAttribute('data-status'), SLOW).toBe('OK');
    // Nowhere in this tab's history either.
    expect(await page.evaluate(() => window.location.href)).not.toContain('token');
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
