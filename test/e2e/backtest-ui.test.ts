import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ARTIFACTS, chromiumForE2e, openWorkstation, type WorkstationPage } from '../helpers/workstation-page';

const SLOW = { timeout: 30_000, interval: 100 };
const chromiumPath = chromiumForE2e();

describe.skipIf(chromiumPath === null)('the Backtests tab in Chromium via tapedeck serve', () => {
  let ws: WorkstationPage;
  let page: Page;

  beforeAll(async () => {
    ws = await openWorkstation(chromiumPath ?? '', { width: 1440, height: 1000 });
    page = ws.page;
    await page.goto(ws.serve.url);
    await page.getByTestId('tab-backtests').click();
    await page.getByTestId('backtest-form').waitFor({ timeout: SLOW.timeout });
  });

  afterAll(async () => {
    await ws.close();
  });

  async function fillRun(fast: string, slow: string): Promise<void> {
    await page.getByTestId('backtest-pane-setup').click();
    await page.getByTestId('backtest-source').fill('sim');
    await page.getByTestId('backtest-symbol').fill('BTCUSDT');
    await page.getByTestId('backtest-interval').selectOption('1h');
    await page.getByTestId('backtest-strategy').selectOption('sma-cross');
    await page.getByTestId('backtest-param-fast').fill(fast);
    await page.getByTestId('backtest-param-slow').fill(slow);
  }

  it('shows a refused parameter set (slow <= fast) under the field, and runs nothing', async () => {
    await fillRun('30', '20');
    await page.getByTestId('backtest-run').click();
    const alert = page.getByTestId('backtest-strategy-fields').locator('[role="alert"]');
    await expect.poll(() => alert.allTextContents(), SLOW).toEqual(['slow (20) must be greater than fast (30)']);
    expect(await page.getByTestId('backtest-pane-runs').textContent()).toBe('Runs (0)');
  });

  it('runs a backtest with progress and shows statistics, curves and trades', async () => {
    await fillRun('5', '20');
    await page.getByTestId('backtest-commission-0.1').click();
    await page.getByTestId('backtest-fractional').check();
    await page.getByTestId('backtest-run').click();
    await expect.poll(() => page.getByTestId('backtest-result').isVisible(), SLOW).toBe(true);
    expect(await page.getByTestId('backtest-progress').getAttribute('data-status')).toBe('done');
    const stats = (await page.getByTestId('backtest-stats').textContent()) ?? '';
    expect(stats).toMatch(/Sharpe/);
    expect(stats).toMatch(/drawdown/i);
    expect(await page.getByTestId('backtest-run-note').count()).toBe(0);
    expect(await page.getByTestId('backtest-equity-chart').locator('canvas').count()).toBeGreaterThan(0);
    await page.screenshot({ path: `${ARTIFACTS}backtest-result.png` });
    await page.getByTestId('backtest-view-price').click();
    await expect.poll(() => page.getByTestId('backtest-price-chart').locator('canvas').count(), SLOW).toBeGreaterThan(0);
    await page.getByTestId('backtest-view-trades').click();
    await expect.poll(() => page.getByTestId('backtest-trade-row').count(), SLOW).toBeGreaterThan(0);
  });

  it('saves runs and compares two side by side', async () => {
    await fillRun('10', '30');
    await page.getByTestId('backtest-run').click();
    await expect.poll(async () => (await page.getByTestId('backtest-caption').textContent()) ?? '', SLOW).toMatch(/fast=10 slow=30/);
    await page.getByTestId('backtest-pane-runs').click();
    await expect.poll(() => page.getByTestId('backtest-run-row').count(), SLOW).toBe(2);
    const boxes = page.getByTestId('backtest-run-row').locator('input[type="checkbox"]');
    await boxes.nth(0).check();
    await boxes.nth(1).check();
    await page.getByTestId('backtest-compare-button').click();
    await expect.poll(() => page.getByTestId('backtest-compare-table').isVisible(), SLOW).toBe(true);
    expect((await page.getByTestId('backtest-compare-table').textContent()) ?? '').toMatch(/Sharpe/);
    await page.screenshot({ path: `${ARTIFACTS}backtest-compare.png` });
  });

  it('says why a whole-unit run on a coin priced above the cash made no trades', async () => {
    await fillRun('5', '20');
    await page.getByTestId('backtest-cost-cash').fill('1000');
    await page.getByTestId('backtest-fractional').uncheck();
    await page.getByTestId('backtest-run').click();
    await expect.poll(() => page.getByTestId('backtest-run-note').count(), SLOW).toBe(1);
    expect(await page.getByTestId('backtest-run-note').textContent()).toMatch(/entry signals? could not buy one whole unit with the cash available/);
    await page.getByTestId('backtest-view-trades').click();
    expect(await page.getByTestId('backtest-trade-row').count()).toBe(0);
  });

  it('charts a 30-day 5m run (a bars.get reply over 1 MiB) and says its data was complete', async () => {
    await page.getByTestId('backtest-pane-setup').click();
    await page.getByTestId('backtest-source').fill('sim');
    await page.getByTestId('backtest-symbol').fill('BTCUSDT');
    await page.getByTestId('backtest-interval').selectOption('5m');
    const to = Math.floor(Date.now() / 86_400_000) * 86_400_000;
    const iso = (t: number): string => new Date(t).toISOString().slice(0, 16);
    await page.getByTestId('backtest-from').fill(iso(to - 30 * 86_400_000));
    await page.getByTestId('backtest-to').fill(iso(to));
    await page.getByTestId('backtest-strategy').selectOption('sma-cross');
    await page.getByTestId('backtest-param-fast').fill('10');
    await page.getByTestId('backtest-param-slow').fill('30');
    await page.getByTestId('backtest-cost-cash').fill('100000');
    await page.getByTestId('backtest-fractional').check();
    await page.getByTestId('backtest-run').click();
    await expect.poll(async () => (await page.getByTestId('backtest-caption').textContent()) ?? '', SLOW).toMatch(/fast=10 slow=30/);
    await expect.poll(async () => (await page.getByTestId('backtest-coverage').textContent()) ?? '', SLOW).toBe('Data: 8,640 of 8,640 bars, none missing');
    expect(await page.getByTestId('backtest-setup-row').count()).toBeGreaterThan(0);
    await page.getByTestId('backtest-view-price').click();
    await expect.poll(() => page.getByTestId('backtest-price-chart').getAttribute('data-bars'), SLOW).toBe('8640');
    expect(await page.getByTestId('backtest-price-chart').locator('canvas').count()).toBeGreaterThan(0);
  });

  it('shows how often each ORB setup played out, and the down days a long-only trader only watched', async () => {
    await page.getByTestId('backtest-pane-setup').click();
    await page.getByTestId('backtest-source').fill('sim');
    await page.getByTestId('backtest-symbol').fill('SPY');
    await page.getByTestId('backtest-interval').selectOption('5m');
    await page.getByTestId('backtest-from').fill('2024-03-04T00:00');
    await page.getByTestId('backtest-to').fill('2024-04-01T00:00');
    await page.getByTestId('backtest-strategy').selectOption('orb');
    await page.getByTestId('backtest-param-longOnly').check();
    await page.getByTestId('backtest-run').click();
    await expect.poll(async () => (await page.getByTestId('backtest-caption').textContent()) ?? '', SLOW).toMatch(/orb/);
    await expect.poll(() => page.getByTestId('backtest-setup-row').count(), SLOW).toBe(1);
    expect(await page.getByTestId('backtest-setup-row').getAttribute('data-setup')).toBe('orb-up');
    expect(await page.getByTestId('backtest-unfilled-row').count()).toBe(1);
    expect((await page.getByTestId('backtest-unfilled').textContent()) ?? '').toMatch(/orb-down/);
    expect((await page.getByTestId('backtest-stats').textContent()) ?? '').toMatch(/losing streak/i);
    await page.screenshot({ path: `${ARTIFACTS}backtest-setups.png` });
  });

  it('cancels a long run from the progress bar', async () => {
    await page.getByTestId('backtest-pane-setup').click();
    await page.getByTestId('backtest-source').fill('sim');
    await page.getByTestId('backtest-symbol').fill('BTCUSDT');
    await page.getByTestId('backtest-interval').selectOption('1m');
    const to = Math.floor(Date.now() / 86_400_000) * 86_400_000;
    await page.getByTestId('backtest-from').fill(new Date(to - 2 * 365 * 86_400_000).toISOString().slice(0, 16));
    await page.getByTestId('backtest-to').fill(new Date(to).toISOString().slice(0, 16));
    await page.getByTestId('backtest-strategy').selectOption('sma-cross');
    await page.getByTestId('backtest-run').click();
    await page.getByTestId('backtest-cancel').click({ timeout: SLOW.timeout });
    await expect.poll(() => page.getByTestId('backtest-progress').getAttribute('data-status'), SLOW).toBe('canceled');
    expect(await page.getByTestId('backtest-progress').textContent()).toBe('Canceled');
  });

  it('ran without console errors or CSP violations', () => {
    expect(ws.consoleErrors).toEqual([]);
  });
});
