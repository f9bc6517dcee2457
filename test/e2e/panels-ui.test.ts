import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { waitPane } from '../helpers/chart-panes';
import { ARTIFACTS, chromiumForE2e, openWorkstation, type WorkstationPage } from '../helpers/workstation-page';

const SLOW = { timeout: 30_000, interval: 100 };
const chromiumPath = chromiumForE2e();

describe.skipIf(chromiumPath === null)('resizable panels at 1366×768 in Chromium via tapedeck serve', () => {
  let ws: WorkstationPage;
  let page: Page;

  const box = async (testId: string): Promise<{ x: number; y: number; width: number; height: number }> => {
    const b = await page.getByTestId(testId).boundingBox();
    if (b === null) throw new Error(`${testId} is not shown`);
    return b;
  };
  const storedPanels = (): Promise<unknown> => page.evaluate(async () => ((await (window as unknown as { __tapedeck: { call: (m: string, p: unknown) => Promise<{ panels: unknown }> } }).__tapedeck.call('settings.get', {})).panels));

  beforeAll(async () => {
    ws = await openWorkstation(chromiumPath ?? '', { width: 1366, height: 768 });
    page = ws.page;
    await page.goto(`${ws.serve.url}&e2e`);
    await waitPane(page, 0, { symbol: 'BTCUSDT' }, 60_000);
  });

  afterAll(async () => {
    await ws.close();
  });

  it('drags the bottom panel taller and the watchlist wider, and stores the sizes once (after the drag)', async () => {
    const handle = await box('resize-bottomHeight');
    const before = await box('chart-panel');
    await page.mouse.move(handle.x + 40, handle.y + handle.height / 2);
    await page.mouse.down();
    for (let dy = 10; dy <= 120; dy += 10) await page.mouse.move(handle.x + 40, handle.y + handle.height / 2 - dy);
    await page.mouse.up();
    await expect.poll(async () => (await box('chart-panel')).height, SLOW).toBeLessThan(before.height - 100);
    await expect.poll(storedPanels, SLOW).toMatchObject({ bottomHeight: 380 });

    const left = await box('resize-leftWidth');
    await page.mouse.move(left.x + left.width / 2, left.y + 100);
    await page.mouse.down();
    await page.mouse.move(left.x + left.width / 2 + 48, left.y + 100, { steps: 6 });
    await page.mouse.up();
    await expect.poll(storedPanels, SLOW).toMatchObject({ leftWidth: 280, bottomHeight: 380 });
  });

  it('collapses and opens the right column and keeps the sizes over a reload', async () => {
    await page.getByTestId('toggle-rightWidth').click();
    await expect.poll(() => page.getByText('Order ticket', { exact: true }).isVisible(), SLOW).toBe(false);
    await expect.poll(storedPanels, SLOW).toMatchObject({ rightCollapsed: true });
    await page.reload();
    await waitPane(page, 0, { symbol: 'BTCUSDT' }, 60_000);
    expect(await page.getByTestId('resize-rightWidth').getAttribute('data-collapsed')).toBe('true');
    expect(Math.round((await box('frame-bottom')).height)).toBe(380);
    await page.getByTestId('resize-rightWidth').dblclick({ position: { x: 2, y: 40 } });
    await expect.poll(() => page.getByText('Order ticket', { exact: true }).isVisible(), SLOW).toBe(true);
  });

  it('shows every bottom tab usable at 1366×768 (the form\u2019s buttons inside the window)', async () => {
    for (const tab of ['journal', 'backtests', 'replay', 'log', 'about']) {
      await page.getByTestId(`tab-${tab}`).click();
      await page.screenshot({ path: `${ARTIFACTS}bottom-${tab}-1366.png` });
    }
    await page.getByTestId('tab-backtests').click();
    await page.getByTestId('backtest-form').waitFor();
    const run = page.getByTestId('backtest-run');
    await run.scrollIntoViewIfNeeded();
    const b = await run.boundingBox();
    expect(b).not.toBeNull();
    expect((b?.y ?? 1e9) + (b?.height ?? 0)).toBeLessThanOrEqual(768);
    await page.getByTestId('tab-replay').click();
    const start = await page.getByTestId('replay-start').boundingBox();
    expect((start?.y ?? 1e9) + (start?.height ?? 0)).toBeLessThanOrEqual(768);
    expect(ws.consoleErrors).toEqual([]);
  });
});
