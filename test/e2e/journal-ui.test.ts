import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { JournalTrade, ReplayState } from '../../shared/contract';
import type { Order } from '../../shared/trading/order';
import type { Position } from '../../shared/trading/position';
import { waitPane, type Hooked } from '../helpers/chart-panes';
import { ARTIFACTS, chromiumForE2e, openWorkstation, type WorkstationPage } from '../helpers/workstation-page';

/** The README's picture of the journal (taken here). */
const DOCS = fileURLToPath(new URL('../../docs/', import.meta.url));
const SLOW = { timeout: 15_000, interval: 200 };
/** Each step's own budget (several polls of SLOW each). */
const STEP_MS = 90_000;
const chromiumPath = chromiumForE2e();
/** Sim BTCUSDT trades 24/7. */
const SYMBOL = 'BTCUSDT';
/** A take-profit $0.50 per unit above the fill: the sim's tape (a few dollars a second) reaches it within seconds. */
const TP_AMOUNT = 0.5;

describe.skipIf(chromiumPath === null)('the game-film journal in Chromium via tapedeck serve (sim BTCUSDT)', () => {
  let ws: WorkstationPage;
  let page: Page;
  let accountId = '';
  let trip: JournalTrade | null = null;

  const call = <T,>(method: string, params: unknown): Promise<T> =>
    page.evaluate(([m, p]) => (window as unknown as Hooked).__tapedeck.call(m as never, p as never), [method, params] as const) as Promise<T>;
  const positions = (): Promise<Position[]> => call<Position[]>('positions.list', { accountId });
  const trips = async (): Promise<JournalTrade[]> => (await call<{ trades: JournalTrade[] }>('journal.trades', {})).trades;
  const api = async (path: string, init: RequestInit = {}): Promise<unknown> => {
    const url = new URL(ws.serve.url);
    const token = url.searchParams.get('token') ?? '';
    const res = await fetch(`${url.origin}${path}`, { ...init, headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json' } });
    expect(res.status, `${path}: ${String(res.status)}`).toBe(200);
    return res.json();
  };
  const detail = (p: Page): ReturnType<Page['getByTestId']> => p.getByTestId('journal-detail');

  beforeAll(async () => {
    ws = await openWorkstation(chromiumPath ?? '', { width: 1600, height: 1000 });
    page = ws.page;
    await page.goto(`${ws.serve.url}&e2e`);
    await waitPane(page, 0, { symbol: SYMBOL }, 60_000);
    await page.waitForFunction(() => document.querySelector('[data-testid="account-chip"]')?.getAttribute('data-account') !== '', undefined, { timeout: 30_000 });
    accountId = (await page.getByTestId('account-chip').getAttribute('data-account')) ?? '';
  });

  afterAll(async () => {
    await ws?.close();
  }, STEP_MS);

  it('a paper trade placed with a take-profit and closed by it becomes one round trip in the journal, with a screenshot at its entry and at its exit', async () => {
    await page.getByTestId('ticket-tp-unit').selectOption('amount');
    await page.getByTestId('ticket-tp-value').fill(String(TP_AMOUNT));
    await page.getByTestId('oneclick-buy').click();
    await expect.poll(async () => (await positions()).find((p) => p.symbol === SYMBOL && p.qty !== 0)?.qty ?? 0, SLOW).toBe(0.001);
    // Armed on the fill at the fill price + TP_AMOUNT.
    const takeProfit = async (): Promise<Order | undefined> => (await call<Order[]>('orders.list', { accountId, status: 'all' })).find((o) => o.role === 'take_profit');
    await expect.poll(async () => (await takeProfit())?.status, SLOW).toBe('accepted');
    const entryFill = (await call<{ side: string; price: number }[]>('fills.list', { accountId })).find((f) => f.side === 'buy');
    const armed = await takeProfit();
    expect(armed?.limitPrice).toBeCloseTo((entryFill?.price ?? 0) + TP_AMOUNT, 8);
    const flat = async (): Promise<number> => (await positions()).find((p) => p.symbol === SYMBOL)?.qty ?? -1;
    // The simulated tape usually reaches it within seconds; if it drifts away, the trader drags the take-profit into the bid.
    const reached = await expect.poll(flat, { timeout: 10_000, interval: 250 }).toBe(0).then(() => true, () => false);
    if (!reached && armed !== undefined && (await takeProfit())?.status === 'accepted') {
      const bid = Number(((await page.getByTestId('ticket-bid').textContent()) ?? '').replace(/[^\d.-]/g, ''));
      await call('orders.replace', { accountId, id: armed.id, limitPrice: Math.floor(bid) - 5 });
    }
    await expect.poll(flat, SLOW).toBe(0);
    const exitLimit = (await takeProfit())?.limitPrice ?? Infinity;
    const fills = await call<{ id: string; side: string; price: number; orderId: string }[]>('fills.list', { accountId });
    expect(fills.map((f) => f.side).sort()).toEqual(['buy', 'sell']);

    await page.getByTestId('tab-journal').click();
    await expect.poll(() => page.getByTestId('journal-row').count(), SLOW).toBe(1);
    const all = await trips();
    expect(all).toHaveLength(1);
    trip = all[0] ?? null;
    const buy = fills.find((f) => f.side === 'buy');
    const sell = fills.find((f) => f.side === 'sell');
    expect(trip).toMatchObject({ symbol: SYMBOL, side: 'long', open: false, origin: 'paper', maxQty: 0.001, avgEntry: buy?.price, avgExit: sell?.price });
    // A limit sell fills at its limit or better.
    expect(sell?.price ?? 0).toBeGreaterThanOrEqual(exitLimit - 1e-9);

    await page.getByTestId('journal-row').first().click();
    await detail(page).waitFor();
    // One picture of the BTCUSDT pane at the entry fill and one at the exit fill, each stored and intact.
    await expect.poll(async () => (await page.getByTestId('journal-shot').evaluateAll((els) => els.map((e) => `${e.getAttribute('data-role') ?? ''}:${e.getAttribute('data-status') ?? ''}`))).sort(), SLOW).toEqual(['entry:ok', 'exit:ok']);
    await expect.poll(async () => Number(await page.getByTestId('journal-trade-chart').getAttribute('data-bars')), SLOW).toBeGreaterThan(0);
    expect(await page.getByTestId('journal-fills').locator('tbody tr').count()).toBe(2);
  }, STEP_MS);

  it('enlarges a screenshot and steps through them with the arrow keys', async () => {
    await page.getByTestId('journal-shot').first().click();
    const caption = page.getByTestId('shot-viewer-caption');
    await expect.poll(() => caption.textContent(), SLOW).toMatch(/^1\/2 · entry · BTCUSDT/);
    await expect.poll(() => page.getByTestId('shot-viewer').locator('img').count(), SLOW).toBe(1);
    await page.keyboard.press('ArrowRight');
    await expect.poll(() => caption.textContent(), SLOW).toMatch(/^2\/2 · exit · BTCUSDT/);
    await page.getByTestId('shot-viewer').screenshot({ path: `${ARTIFACTS}journal-shot-viewer.png` });
    await page.keyboard.press('Escape');
    await expect.poll(() => page.getByTestId('shot-viewer').count(), SLOW).toBe(0);
  }, STEP_MS);

  it('tags it, rates it, writes the plan and notes in Markdown (rendered without scripts), and links it to a playbook with its rules met', async () => {
    const d = detail(page);
    await d.getByTestId('journal-tag-kind').selectOption('setup');
    await d.getByTestId('journal-tag-input').fill('scalp');
    await d.getByTestId('journal-tag-add').click();
    await d.getByTestId('journal-tag-kind').selectOption('mistake');
    await d.getByTestId('journal-tag-input').fill('chased');
    await d.getByTestId('journal-tag-add').click();
    // Shown by kind: mistakes, then setups.
    await expect.poll(() => d.getByTestId('journal-tag').allTextContents(), SLOW).toEqual(['mistake: chased×', 'setup: scalp×']);
    await d.getByRole('radio', { name: '4 stars' }).click();
    await expect.poll(() => page.getByTestId('journal-row').first().getByRole('cell', { name: 'rated 4 of 5' }).count(), SLOW).toBe(1);

    await d.getByTestId('journal-notes-edit').click();
    await d.getByTestId('journal-notes-input').fill('**Waited** for the pullback.\n\n<script>window.__pwned = 1</script>\n\n- [x] took profit');
    await d.getByTestId('journal-notes-save').click();
    const view = d.getByTestId('journal-notes-view');
    await expect.poll(() => view.locator('strong').textContent(), SLOW).toBe('Waited');
    expect(await view.locator('script').count()).toBe(0);
    expect(await page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned)).toBeUndefined();
    await d.getByTestId('journal-plan-edit').click();
    await d.getByTestId('journal-plan-input').fill('Buy the sim dip, take +$0.50');
    await d.getByTestId('journal-plan-save').click();
    await expect.poll(() => d.getByTestId('journal-plan-view').textContent(), SLOW).toContain('Buy the sim dip');

    await page.getByTestId('journal-view-playbooks').click();
    await page.getByTestId('playbook-new').click();
    await page.getByTestId('playbook-name').fill('Scalp');
    await page.getByTestId('playbook-rule').first().fill('Trend up on 1m');
    await page.getByTestId('playbook-add-rule').click();
    await page.getByTestId('playbook-rule').nth(1).fill('Take-profit set before entry');
    await page.getByTestId('playbook-save').click();
    await expect.poll(() => page.getByTestId('playbook-card').count(), SLOW).toBe(1);
    await d.getByTestId('journal-playbook').selectOption({ label: 'Scalp' });
    await expect.poll(() => d.getByTestId('journal-rule').count(), SLOW).toBe(2);
    // The box follows the stored checklist: it ticks once the core has kept it.
    await d.getByTestId('journal-rule').nth(1).click();
    await expect.poll(() => d.getByTestId('journal-rule').nth(1).isChecked(), SLOW).toBe(true);
    await expect.poll(() => d.getByTestId('journal-checklist').textContent(), SLOW).toContain('1 of 2 rules met');

    const stored = await call<{ notes: { tags: { kind: string; tag: string }[]; rating: number; playbookId: string; checklist: { met: boolean }[] } }>('journal.trade', { tripId: trip?.id });
    expect(stored.notes.tags).toEqual([
      { kind: 'mistake', tag: 'chased' },
      { kind: 'setup', tag: 'scalp' },
    ]);
    expect(stored.notes.rating).toBe(4);
    expect(stored.notes.checklist.map((c) => c.met)).toEqual([false, true]);
    // The same over HTTP.
    const overHttp = (await api(`/api/journal/trades?tags=chased`)) as { trades: JournalTrade[] };
    expect(overHttp.trades.map((t) => t.id)).toEqual([trip?.id]);
    // Expanded over the workstation: the list, and the trade with its chart, screenshots and notes (the README's picture).
    await page.getByTestId('journal-view-list').click();
    await page.getByTestId('journal-expand').click();
    await expect.poll(() => page.getByTestId('journal-view').getAttribute('class'), SLOW).toContain('is-expanded');
    await expect.poll(() => d.getByTestId('journal-shots').locator('img').count(), SLOW).toBe(2);
    await page.screenshot({ path: `${DOCS}journal.png` });
    await page.getByTestId('journal-expand').click();
    await expect.poll(() => page.getByTestId('journal-view').getAttribute('class'), SLOW).not.toContain('is-expanded');
  }, STEP_MS);

  it('filters the list by tag and outcome', async () => {
    await page.getByTestId('journal-view-list').click();
    await page.getByTestId('journal-filter-tags').fill('nope');
    await expect.poll(() => page.getByTestId('journal-row').count(), SLOW).toBe(0);
    await page.getByTestId('journal-filter-tags').fill('chased');
    await expect.poll(() => page.getByTestId('journal-row').count(), SLOW).toBe(1);
    await page.getByTestId('journal-filter-outcome').selectOption('loss');
    await expect.poll(() => page.getByTestId('journal-row').count(), SLOW).toBe(trip !== null && trip.netPnl < 0 ? 1 : 0);
    await page.getByTestId('journal-filter-clear').click();
    await expect.poll(() => page.getByTestId('journal-row').count(), SLOW).toBe(1);
  }, STEP_MS);

  it('shows it in the statistics (by setup, by hour) and in the calendar; a click on the day lists the trade', async () => {
    await page.getByTestId('journal-view-stats').click();
    await expect.poll(() => page.getByTestId('journal-stat-trades').textContent(), SLOW).toContain('1 (');
    await expect.poll(() => page.getByTestId('journal-by-setup').locator('tbody tr').first().textContent(), SLOW).toContain('Scalp');
    expect(await page.getByTestId('journal-by-hour').locator('tbody tr').count()).toBe(1);
    expect(Number(await page.getByTestId('journal-equity').getAttribute('data-points'))).toBe(1);

    await page.getByTestId('journal-view-calendar').click();
    const day = page.locator('[data-testid="journal-day"]:not([disabled])');
    await expect.poll(() => day.count(), SLOW).toBe(1);
    expect(Number(await day.getAttribute('data-net'))).toBeCloseTo(trip?.netPnl ?? Number.NaN, 6);
    await day.click();
    await expect.poll(() => page.getByTestId('journal-day-trades').getByTestId('journal-row').count(), SLOW).toBe(1);
    await page.getByTestId('journal-calendar').screenshot({ path: `${ARTIFACTS}journal-calendar.png` });
  }, STEP_MS);

  it('replays the trade from bars before its entry', async () => {
    await page.getByTestId('journal-view-list').click();
    await detail(page).getByTestId('journal-replay').click();
    await expect.poll(() => page.getByTestId('journal-notice').textContent(), SLOW).toContain('replaying BTCUSDT');
    const state = await call<ReplayState>('replay.state', {});
    expect(state.symbol).toBe(SYMBOL);
    expect(state.status).not.toBe('idle');
    expect(state.from ?? Number.POSITIVE_INFINITY).toBeLessThan(trip?.openedAt ?? 0);
    await call('replay.stop', {});
  }, STEP_MS);

  it('Alt+S photographs the panes now, from any tab', async () => {
    await page.getByTestId('tab-log').click();
    await page.evaluate(() => {
      (document.activeElement as HTMLElement | null)?.blur();
    });
    await page.keyboard.press('Alt+s');
    await page.getByTestId('tab-journal').click();
    await expect.poll(() => page.getByTestId('journal-notice').textContent(), SLOW).toMatch(/^1 screenshot taken/);
  }, STEP_MS);

  it('enters a trade by hand and edits it; the form names a bad field', async () => {
    await page.getByTestId('journal-new-trade').click();
    const form = page.getByTestId('journal-manual-form');
    await form.getByTestId('manual-symbol').fill('AAPL');
    await form.getByTestId('manual-zone').selectOption('America/New_York');
    const fill = async (i: number, qty: string, price: string, time: string): Promise<void> => {
      const row = form.getByTestId('manual-fill').nth(i);
      await row.getByTestId('manual-fill-qty').fill(qty);
      await row.getByTestId('manual-fill-price').fill(price);
      await row.getByTestId('manual-fill-time').fill(time);
    };
    await fill(0, '10', '190', '2024-03-11 10:00');
    await fill(1, '10', 'x', '2024-03-11 10:30');
    await form.getByTestId('manual-save').click();
    await expect.poll(() => form.getByTestId('manual-problem').textContent(), SLOW).toBe('fill 2: price must be a positive number');
    await fill(1, '10', '192.5', '2024-03-11 10:30');
    await form.getByTestId('manual-save').click();
    await expect.poll(async () => (await trips()).length, SLOW).toBe(2);
    const manual = (await trips()).find((t) => t.origin === 'manual');
    // 10 × (192.50 − 190) = +25; 10:00 New York on 11 March 2024 (EDT) is 14:00 UTC.
    expect(manual).toMatchObject({ symbol: 'AAPL', side: 'long', netPnl: 25, openedAt: Date.UTC(2024, 2, 11, 14, 0), closedAt: Date.UTC(2024, 2, 11, 14, 30) });
    await expect.poll(() => detail(page).getAttribute('data-trip'), SLOW).toBe(manual?.id);

    await detail(page).getByTestId('journal-edit-trade').click();
    await fill(1, '10', '191', '2024-03-11 10:30');
    await form.getByTestId('manual-save').click();
    await expect.poll(async () => (await trips()).find((t) => t.origin === 'manual')?.netPnl, SLOW).toBe(10);
  }, STEP_MS);

  it('exports the fills as CSV and imports the file back: nothing is added the second time, and a bad row is refused by its line', async () => {
    await page.getByTestId('journal-view-list').click();
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('journal-export-executions').click()]);
    const csv = readFileSync((await download.path()) ?? '', 'utf8');
    const lines = csv.trim().split(/\r?\n/);
    expect(lines).toHaveLength(1 + 4);
    // The same export over HTTP is byte-equal.
    const overHttp = (await api('/api/journal/export?kind=executions')) as { text: string };
    expect(overHttp.text).toBe(csv);

    await page.getByTestId('journal-import').click();
    const form = page.getByTestId('journal-import-form');
    await form.getByTestId('journal-import-file').setInputFiles({ name: 'journal.csv', mimeType: 'text/csv', buffer: Buffer.from(csv) });
    await form.getByTestId('journal-import-run').click();
    const result = form.getByTestId('journal-import-result');
    await expect.poll(() => result.getAttribute('data-already'), SLOW).toBe('4');
    expect(await result.getAttribute('data-added')).toBe('0');
    expect((await trips()).length).toBe(2);

    await form.getByTestId('journal-import-format').selectOption('tradervue');
    await form.getByTestId('journal-import-account').fill('Imported');
    await form.getByTestId('journal-import-text').fill('Date,Time,Symbol,Quantity,Price,Side\n03/12/2024,09:45:00,MSFT,5,400,Buy\n03/12/2024,09:50:00,MSFT,5,402,Sell\n03/12/2024,10:00:00,MSFT,zero,402,Sell\n');
    await form.getByTestId('journal-import-run').click();
    await expect.poll(() => result.getAttribute('data-added'), SLOW).toBe('2');
    expect(await form.getByTestId('journal-import-rejected').textContent()).toMatch(/line 4: .*quantity/i);
    await expect.poll(async () => (await trips()).find((t) => t.symbol === 'MSFT')?.netPnl, SLOW).toBe(10);
    expect(ws.consoleErrors).toEqual([]);
  }, STEP_MS);
});
