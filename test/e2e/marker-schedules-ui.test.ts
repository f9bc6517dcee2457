import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ARTIFACTS, chromiumForE2e, openWorkstation, type WorkstationPage } from '../helpers/workstation-page';

const SLOW = { timeout: 30_000, interval: 100 };
const chromiumPath = chromiumForE2e();
const MARKER_TIME = /^(Mon|Tue|Wed|Thu|Fri) \d{4}-\d{2}-\d{2} \d{2}:\d{2} ET$/;
/** Every half hour 09:30–15:30 New York. */
const HALF_HOURS = Array.from({ length: 13 }, (_, i) => 9 * 60 + 30 + 30 * i).map((m) => `${String(Math.floor(m / 60)).padStart(2, '0')}:${String(m % 60).padStart(2, '0')}`);

describe.skipIf(chromiumPath === null)('the Markers pane in Chromium via tapedeck serve', () => {
  let ws: WorkstationPage;
  let page: Page;

  beforeAll(async () => {
    ws = await openWorkstation(chromiumPath ?? '', { width: 1680, height: 1000 });
    page = ws.page;
    await page.goto(ws.serve.url);
    await page.getByTestId('tab-backtests').click();
    await page.getByTestId('backtest-form').waitFor({ timeout: SLOW.timeout });
  });

  afterAll(async () => {
    await ws.close();
  });

  const row = (name: string) => page.locator(`[data-testid="marker-row"][data-schedule="${name}"]`);

  it('lists the built-in schedules, read-only, with their next markers', async () => {
    await page.getByTestId('backtest-pane-markers').click();
    await page.getByTestId('markers-pane').waitFor({ timeout: SLOW.timeout });
    expect(await page.getByTestId('backtest-pane-markers').getAttribute('aria-pressed')).toBe('true');
    const rows = page.getByTestId('marker-row');
    await expect.poll(() => rows.count(), SLOW).toBe(3);
    expect(await row('ny-10m').getAttribute('data-builtin')).toBe('true');
    expect(await row('ny-10m').getByTestId('marker-summary').textContent()).toBe('09:30, 09:40 … 15:50 (39 times)');
    expect(await row('every-15-sessions').getByTestId('marker-summary').textContent()).toBe('every 15 sessions from 2015-01-02');
    expect(await row('ny-10m').getByTestId('marker-edit').count()).toBe(0);
    const next = await row('ny-10m').getByTestId('marker-next').locator('div').allTextContents();
    expect(next).toHaveLength(3);
    for (const t of next) expect(t).toMatch(MARKER_TIME);
  });

  it('shows a bad line under the entries, then saves the fixed schedule and shows its next markers', async () => {
    await page.getByTestId('marker-new').click();
    await page.getByTestId('marker-name').fill('half-hours');
    await page.getByTestId('marker-entries').fill('09:30\n10:00\n10:30\n10:35x\n11:00');
    await page.getByTestId('marker-save').click();
    await expect.poll(() => page.getByTestId('marker-entries-error').textContent(), SLOW).toBe('line 4: "10:35x" is not a time of day HH:MM');
    expect(await row('half-hours').count()).toBe(0);

    await page.getByTestId('marker-entries').fill(HALF_HOURS.join('\n'));
    expect(await page.getByTestId('marker-entries-error').count()).toBe(0);
    await page.getByTestId('marker-save').click();
    await expect.poll(() => row('half-hours').count(), SLOW).toBe(1);
    expect(await page.getByTestId('marker-editor').count()).toBe(0);
    expect(await row('half-hours').getAttribute('data-builtin')).toBe('false');
    expect(await row('half-hours').getByTestId('marker-summary').textContent()).toBe('09:30, 10:00 … 15:30 (13 times)');
    const next = await row('half-hours').getByTestId('marker-next').locator('div').allTextContents();
    expect(next).toHaveLength(3);
    for (const t of next) expect(t).toMatch(MARKER_TIME);
  });

  it('a built-in name is refused under the name', async () => {
    await page.getByTestId('marker-new').click();
    await page.getByTestId('marker-name').fill('ny-10m');
    await page.getByTestId('marker-entries').fill('09:30');
    await page.getByTestId('marker-save').click();
    await expect.poll(() => page.getByTestId('marker-name-error').textContent(), SLOW).toBe('"ny-10m" is the name of a built-in schedule');
    await page.getByTestId('marker-cancel').click();
    expect(await page.getByTestId('marker-editor').count()).toBe(0);
  });

  it('imports a CSV of timestamps: a bad line named, then the good file saved as a dates schedule', async () => {
    const bad = join(ws.dir.path, 'bad.csv');
    writeFileSync(bad, 'date\n2024-03-04\n2024-03-0x\n');
    await page.getByTestId('marker-csv-file').setInputFiles(bad);
    await expect.poll(() => page.getByTestId('marker-csv-chosen').textContent(), SLOW).toBe('bad.csv: 3 lines read');
    await page.getByTestId('marker-csv-name').fill('march');
    await page.getByTestId('marker-csv-import').click();
    await expect.poll(() => page.getByTestId('marker-csv-file-error').textContent(), SLOW).toBe('line 3: "2024-03-0x" is not a date YYYY-MM-DD or a date-time YYYY-MM-DD HH:MM');

    const good = join(ws.dir.path, 'march.csv');
    writeFileSync(good, 'date,note\n2024-03-04,a\n2024-03-05 10:30,b\n2024-03-08T15:00:00-05:00,c\n');
    await page.getByTestId('marker-csv-file').setInputFiles(good);
    await expect.poll(() => page.getByTestId('marker-csv-chosen').textContent(), SLOW).toBe('march.csv: 4 lines read');
    await page.getByTestId('marker-csv-import').click();
    await expect.poll(() => row('march').count(), SLOW).toBe(1);
    expect(await row('march').getByTestId('marker-summary').textContent()).toBe('3 dates, 2024-03-04 … 2024-03-08 15:00');
    expect(await row('march').getByTestId('marker-next').textContent()).toBe('none ahead');
    expect(await page.getByTestId('markers-notice').textContent()).toBe('Imported "march" (3 dates)');
    await row('march').scrollIntoViewIfNeeded();
    await page.screenshot({ path: `${ARTIFACTS}marker-schedules.png` });
  });

  it('picks the schedule in the time-window strategy and runs a week of sim SPY 5m with it', async () => {
    await page.getByTestId('backtest-pane-setup').click();
    await page.getByTestId('backtest-form').waitFor({ timeout: SLOW.timeout });
    await page.getByTestId('backtest-source').fill('sim');
    await page.getByTestId('backtest-symbol').fill('SPY');
    await page.getByTestId('backtest-interval').selectOption('5m');
    await page.getByTestId('backtest-from').fill('2024-03-04T00:00');
    await page.getByTestId('backtest-to').fill('2024-03-09T00:00');
    await page.getByTestId('backtest-strategy').selectOption('time-window');
    const select = page.getByTestId('backtest-param-schedule');
    expect(await select.locator('option').evaluateAll((os) => os.map((o) => (o as HTMLOptionElement).value))).toEqual([
      'auto',
      'ny-10m',
      'every-2-sessions',
      'every-15-sessions',
      'half-hours',
      'march',
    ]);
    await select.selectOption('half-hours');
    await page.getByTestId('backtest-run').click();
    await expect.poll(() => page.getByTestId('backtest-result').isVisible(), SLOW).toBe(true);
    expect(await page.getByTestId('backtest-progress').getAttribute('data-status')).toBe('done');
    expect((await page.getByTestId('backtest-caption').textContent()) ?? '').toMatch(/schedule=half-hours/);
    await page.getByTestId('backtest-view-trades').click();
    await expect.poll(() => page.getByTestId('backtest-trade-row').count(), SLOW).toBeGreaterThan(0);
  });

  it('deletes a schedule on a second click', async () => {
    await page.getByTestId('backtest-pane-markers').click();
    const del = row('half-hours').getByTestId('marker-delete');
    await del.click();
    expect(await del.textContent()).toBe('Confirm delete');
    expect(await row('half-hours').count()).toBe(1);
    await del.click();
    await expect.poll(() => row('half-hours').count(), SLOW).toBe(0);
    expect(await page.getByTestId('markers-notice').textContent()).toBe('Deleted "half-hours"');
    expect(await page.getByTestId('marker-row').count()).toBe(4);
  });

  it('ran without console errors or CSP violations', () => {
    expect(ws.consoleErrors).toEqual([]);
  });
});
