import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Order } from '../../shared/trading/order';
import type { Position } from '../../shared/trading/position';
import { waitPane, type Hooked } from '../helpers/chart-panes';
import { ARTIFACTS, chromiumForE2e, openWorkstation, type WorkstationPage } from '../helpers/workstation-page';

/** The README's picture of paper trading (taken here). */
const DOCS = fileURLToPath(new URL('../../docs/', import.meta.url));
const SLOW = { timeout: 30_000, interval: 100 };
const chromiumPath = chromiumForE2e();
/** Sim BTCUSDT trades 24/7 (US equities only in their session). */
const SYMBOL = 'BTCUSDT';
/** The take-profit of the flow: +$300 per unit, far enough that the simulated tape (~$6/s) does not fill it during the test. */
const TP_AMOUNT = 300;

interface TradingHooked extends Hooked {
  readonly __tapedeckTrading: {
    lines(source: string, symbol: string): { id: string; price: number; title: string; draggable: boolean }[];
    markers(source: string, symbol: string): { id: string; time: number; price: number | null; position: string; shape: string }[];
    pricePoint(index: number, price: number): { x: number; y: number } | null;
  };
}

describe.skipIf(chromiumPath === null)('paper trading in Chromium via tapedeck serve (sim BTCUSDT)', () => {
  let ws: WorkstationPage;
  let page: Page;
  let accountId = '';

  const call = <T,>(method: string, params: unknown): Promise<T> =>
    page.evaluate(([m, p]) => (window as unknown as Hooked).__tapedeck.call(m as never, p as never), [method, params] as const) as Promise<T>;
  const working = (): Promise<Order[]> => call<Order[]>('orders.list', { accountId });
  const positions = (): Promise<Position[]> => call<Position[]>('positions.list', { accountId });
  const lines = (): Promise<{ id: string; price: number; title: string; draggable: boolean }[]> =>
    page.evaluate((s) => (window as unknown as TradingHooked).__tapedeckTrading.lines('sim', s), SYMBOL);
  const markers = (): Promise<{ id: string; price: number | null; position: string; shape: string }[]> =>
    page.evaluate((s) => (window as unknown as TradingHooked).__tapedeckTrading.markers('sim', s), SYMBOL);
  const text = async (testId: string): Promise<string> => (await page.getByTestId(testId).first().textContent()) ?? '';
  const num = (t: string): number => Number(t.replace(/[^\d.-]/g, ''));

  beforeAll(async () => {
    ws = await openWorkstation(chromiumPath ?? '', { width: 1600, height: 1000 });
    page = ws.page;
    await page.goto(`${ws.serve.url}&e2e`);
    await waitPane(page, 0, { symbol: SYMBOL }, 60_000);
    await page.waitForFunction(() => document.querySelector('[data-testid="account-chip"]')?.getAttribute('data-account') !== '', undefined, { timeout: 30_000 });
    accountId = (await page.getByTestId('account-chip').getAttribute('data-account')) ?? '';
  });

  afterAll(async () => {
    await ws.close();
  });

  it('shows the active account (cash, equity), the kill switch armed, and the ticket on the active pane’s symbol with live bid/ask', async () => {
    expect(await text('account-name')).toBe('Paper');
    expect(await text('account-cash')).toBe('1,000.00');
    expect(await page.getByTestId('kill-switch').getAttribute('data-engaged')).toBe('false');
    expect(await page.getByTestId('ticket-symbol').inputValue()).toBe(SYMBOL);
    await expect.poll(async () => num(await text('ticket-ask')), SLOW).toBeGreaterThan(0);
    const bid = num(await text('ticket-bid'));
    const ask = num(await text('ticket-ask'));
    expect(ask).toBeGreaterThan(bid);
    // The default take-profit from settings: +$0.10 per unit.
    expect(await page.getByTestId('ticket-tp-unit').inputValue()).toBe('amount');
    expect(await page.getByTestId('ticket-tp-value').inputValue()).toBe('0.1');
  });

  it('previews the max loss, reward and R:R of the ticket before sending', async () => {
    await page.getByTestId('ticket-tp-value').fill(String(TP_AMOUNT));
    await page.getByTestId('ticket-sl-unit').selectOption('amount');
    await page.getByTestId('ticket-sl-value').fill('250');
    // 0.001 BTC: +$300 per unit is $0.30 less both fees (0.1% of ~$60 each); -$250 per unit is $0.25 plus both fees.
    await expect.poll(() => text('ticket-rr'), SLOW).toMatch(/^\d\.\d\d : 1$/);
    const reward = num(await text('ticket-reward'));
    const loss = Math.abs(num(await text('ticket-max-loss')));
    const fees = (0.001 * num(await text('ticket-ask')) * 0.1) / 100;
    expect(reward).toBeCloseTo(0.3 - 2 * fees, 1);
    expect(loss).toBeCloseTo(0.25 + 2 * fees, 1);
    // R:R comes from the unrounded amounts; the two shown are rounded to the cent (±0.005 each).
    expect(Math.abs(num((await text('ticket-rr')).split(':')[0] ?? '') - reward / loss)).toBeLessThan(0.03);
    await page.getByTestId('order-ticket').screenshot({ path: `${ARTIFACTS}trading-ticket.png` });
    await page.getByTestId('ticket-sl-unit').selectOption('off');
  });

  it('one click on the chart buys at the default size with the take-profit armed on the fill: the position shows bid / mark / ask with the take-profit beside the ask', async () => {
    await page.getByTestId('oneclick-buy').click();
    await expect.poll(async () => (await positions()).find((p) => p.symbol === SYMBOL)?.qty ?? 0, SLOW).toBe(0.001);
    const card = page.getByTestId(`position-${SYMBOL}`);
    await card.waitFor();
    const avg = (await positions()).find((p) => p.symbol === SYMBOL)?.avgPrice ?? 0;
    const tp = (await working()).find((o) => o.role === 'take_profit');
    expect(tp?.status).toBe('accepted');
    expect(tp?.limitPrice).toBeCloseTo(avg + TP_AMOUNT, 2);
    const rungs = await card.locator('[data-rung]').evaluateAll((els) => els.map((e) => ({ id: e.getAttribute('data-testid'), price: Number(e.getAttribute('data-price')) })));
    expect(rungs.map((r) => r.id)).toEqual(['matrix-tp', 'matrix-ask', 'matrix-mark', 'matrix-bid']);
    expect(rungs[0]?.price).toBe(tp?.limitPrice);
    expect(rungs[1]?.price ?? 0).toBeGreaterThan(rungs[3]?.price ?? 0);
    expect(await card.getByTestId('position-unrealized').textContent()).toMatch(/^[+-]?\d/);
    await page.getByTestId('positions').screenshot({ path: `${ARTIFACTS}trading-positions.png` });
  });

  it('draws the order line, the average price and the fill marker on the chart at their prices', async () => {
    const tp = (await working()).find((o) => o.role === 'take_profit');
    const fill = (await call<{ price: number }[]>('fills.list', { accountId }))[0];
    await expect.poll(async () => (await lines()).find((l) => l.id === `order-${tp?.id ?? ''}`)?.price, SLOW).toBe(tp?.limitPrice);
    expect((await lines()).find((l) => l.id.startsWith('avg-'))).toMatchObject({ price: (await positions())[0]?.avgPrice, draggable: false });
    await expect.poll(async () => (await markers()).map((m) => [m.price, m.position, m.shape]), SLOW).toEqual([[fill?.price, 'atPriceTop', 'arrowUp']]);
    await page.getByTestId('tab-log').click();
    await expect.poll(async () => Number(await page.getByTestId('audit-rows').getAttribute('data-count')), SLOW).toBeGreaterThan(5);
    await page.screenshot({ path: `${DOCS}paper-trading.png` });
  });

  it('dragging the take-profit line replaces the order at the new price, on the tick', async () => {
    const tp = (await working()).find((o) => o.role === 'take_profit');
    if (tp?.limitPrice === undefined || tp.limitPrice === null) throw new Error('no take-profit');
    const target = tp.limitPrice - 100;
    const from = await page.evaluate(([p]) => (window as unknown as TradingHooked).__tapedeckTrading.pricePoint(0, p ?? 0), [tp.limitPrice]);
    const to = await page.evaluate(([p]) => (window as unknown as TradingHooked).__tapedeckTrading.pricePoint(0, p ?? 0), [target]);
    if (from === null || to === null) throw new Error('the take-profit is off the price scale');
    await page.mouse.move(from.x, from.y);
    await page.mouse.down();
    await page.mouse.move(to.x, (from.y + to.y) / 2, { steps: 4 });
    await page.mouse.move(to.x, to.y, { steps: 4 });
    await page.mouse.up();
    await expect.poll(async () => (await working()).find((o) => o.id === tp.id)?.limitPrice ?? 0, SLOW).not.toBe(tp.limitPrice);
    const moved = (await working()).find((o) => o.id === tp.id)?.limitPrice ?? 0;
    expect(Math.abs(moved - target)).toBeLessThan(Math.abs(tp.limitPrice - target) / 4);
    expect(Math.round(moved * 100) / 100).toBe(moved);
    await expect.poll(async () => (await lines()).find((l) => l.id === `order-${tp.id}`)?.price, SLOW).toBe(moved);
    await expect.poll(async () => Number(await page.getByTestId(`position-${SYMBOL}`).getByTestId('matrix-tp').getAttribute('data-price')), SLOW).toBe(moved);
  });

  it('Esc cancels the last working order', async () => {
    const bid = num(await text('ticket-bid'));
    await page.getByTestId('ticket-type').selectOption('limit');
    await page.getByTestId('ticket-limit-price').fill((Math.floor(bid) - 1000).toFixed(2));
    await page.getByTestId('ticket-tp-unit').selectOption('off');
    await page.getByTestId('ticket-submit').click();
    await expect.poll(async () => (await working()).filter((o) => o.role === 'entry').length, SLOW).toBe(1);
    await page.evaluate(() => {
      (document.activeElement as HTMLElement | null)?.blur();
    });
    await page.keyboard.press('Escape');
    await expect.poll(async () => (await working()).filter((o) => o.role === 'entry').length, SLOW).toBe(0);
    expect((await working()).map((o) => o.role)).toEqual(['take_profit']);
    await page.getByTestId('ticket-type').selectOption('market');
    await page.getByTestId('ticket-tp-unit').selectOption('amount');
  });

  it('the kill switch cancels the orders, flattens the position and refuses entries with its message on the ticket; re-armed, entries pass again', async () => {
    await page.getByTestId('kill-switch').click();
    await expect.poll(() => page.getByTestId('kill-switch').getAttribute('data-engaged'), SLOW).toBe('true');
    await expect.poll(() => text('kill-switch-counts'), SLOW).toBe('1 canceled · 1 flattened');
    await expect.poll(async () => (await positions()).find((p) => p.symbol === SYMBOL)?.qty, SLOW).toBe(0);
    expect(await working()).toEqual([]);
    await expect.poll(() => page.getByTestId(`position-${SYMBOL}`).count(), SLOW).toBe(0);
    await expect.poll(() => page.getByTestId(`closed-${SYMBOL}`).count(), SLOW).toBe(1);
    await expect.poll(async () => (await lines()).length, SLOW).toBe(0);

    await page.getByTestId('oneclick-buy').click();
    await expect.poll(() => text('ticket-error'), SLOW).toMatch(/REJECTED.*kill switch engaged: new entries are refused until it is re-armed/);
    await page.getByTestId('kill-switch-rearm').click();
    await expect.poll(() => page.getByTestId('kill-switch').getAttribute('data-engaged'), SLOW).toBe('false');
    // Re-armed: the same one-click entry is taken again, and flattened to leave the account as it was.
    await page.getByTestId('oneclick-buy').click();
    await expect.poll(async () => (await positions()).find((p) => p.symbol === SYMBOL)?.qty ?? 0, SLOW).toBeGreaterThan(0);
    await call('positions.flatten', { accountId, symbol: SYMBOL });
    await expect.poll(async () => (await positions()).find((p) => p.symbol === SYMBOL)?.qty ?? 0, SLOW).toBe(0);
    await expect.poll(async () => (await working()).length, SLOW).toBe(0);
  });

  it('shows the risk manager’s refusal next to the field it names (max order notional on the quantity)', async () => {
    await page.getByTestId('ticket-size').fill('1000');
    await page.getByTestId('ticket-submit').click();
    const note = page.getByTestId('ticket-note-qty');
    await expect.poll(() => note.textContent(), SLOW).toMatch(/max order notional 100,000 USD: this order is [\d,.]+ USD/);
    expect(await note.getAttribute('data-code')).toBe('REJECTED');
    await page.getByTestId('order-ticket').screenshot({ path: `${ARTIFACTS}trading-ticket-refusal.png` });
    await page.getByTestId('ticket-size').fill('');
  });

  it('the Log tab shows the audit log live, filters it and exports it as CSV', async () => {
    await page.getByTestId('tab-log').click();
    await expect.poll(async () => Number(await page.getByTestId('audit-rows').getAttribute('data-count')), SLOW).toBeGreaterThan(10);
    expect(await page.getByTestId('audit-row').first().getAttribute('data-kind')).toBe('risk');
    await page.getByTestId('audit-kind').selectOption('risk');
    await expect.poll(async () => new Set(await page.getByTestId('audit-row').evaluateAll((els) => els.map((e) => e.getAttribute('data-kind')))), SLOW).toEqual(new Set(['risk']));
    await page.getByTestId('audit-kind').selectOption('');
    await page.getByTestId('audit-text').fill('kill switch');
    await expect.poll(async () => {
      const rows = await page.getByTestId('audit-row').allTextContents();
      return rows.length > 0 && rows.every((t) => /kill switch/i.test(t));
    }, SLOW).toBe(true);
    await page.getByTestId('audit-text').fill('');

    const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('audit-export').click()]);
    const csv = readFileSync((await download.path()) ?? '', 'utf8');
    const rows = csv.trim().split('\r\n');
    expect(rows[0]).toBe('seq,time,kind,account,symbol,message,data');
    expect(download.suggestedFilename()).toMatch(/^tapedeck-audit-\d{4}-\d\d-\d\dT\d{6}Z\.csv$/);
    expect(csv).toContain('kill switch engaged');
    expect(new Set(rows.slice(1).map((r) => r.split(',')[2]))).toEqual(new Set(['order', 'fill', 'risk', 'kill-switch', 'account']));
    expect(rows.length - 1).toBe(Number(await page.getByTestId('audit-rows').getAttribute('data-count')));
    expect(ws.consoleErrors).toEqual([]);
  });

  /** The orders of `entryId`'s group (the entry and its exits) from the whole history. */
  const group = async (entryId: string): Promise<Order[]> => (await call<Order[]>('orders.list', { accountId, status: 'all' })).filter((o) => o.id === entryId || o.parentId === entryId);
  const flat = async (): Promise<number> => (await positions()).find((p) => p.symbol === SYMBOL)?.qty ?? 0;
  const resetTicket = async (): Promise<void> => {
    await page.getByTestId('ticket-type').selectOption('market');
    await page.getByTestId('ticket-size').fill('');
    await page.getByTestId('ticket-tp-unit').selectOption('off');
    await page.getByTestId('ticket-sl-unit').selectOption('off');
  };

  /** Edits a working order's price in the Orders tab (Edit, type, Enter), as the trader does. */
  const editPrice = async (role: string, price: number): Promise<void> => {
    await page.getByTestId('positions-tab-orders').click();
    const row = page.getByTestId('working-orders').locator(`tr[data-role="${role}"]`);
    await row.getByTestId('order-edit').click();
    await row.getByTestId('order-edit-price').fill(price.toFixed(2));
    await row.getByTestId('order-edit-price').press('Enter');
  };

  it('a limit buy through the ask fills; its take-profit is armed on the fill at the fill price + $300; moved into the bid, it fills: flat again, both fills listed', async () => {
    expect(await flat()).toBe(0);
    await page.getByTestId('ticket-type').selectOption('limit');
    const ask = num(await text('ticket-ask'));
    await page.getByTestId('ticket-limit-price').fill((Math.ceil(ask) + 20).toFixed(2));
    await page.getByTestId('ticket-tp-unit').selectOption('amount');
    await page.getByTestId('ticket-tp-value').fill(String(TP_AMOUNT));
    await page.getByTestId('ticket-submit').click();
    const limitEntry = async (): Promise<Order | undefined> => (await call<Order[]>('orders.list', { accountId, status: 'all' })).find((o) => o.role === 'entry' && o.type === 'limit' && o.takeProfit?.kind === 'amount' && o.stopLoss === null);
    await expect.poll(async () => (await limitEntry()) !== undefined, SLOW).toBe(true);
    const entry = await limitEntry();
    if (entry === undefined) throw new Error('no limit entry');
    await expect.poll(async () => (await group(entry.id)).map((o) => `${o.role}:${o.status}`).sort(), SLOW).toEqual(['entry:filled', 'take_profit:accepted']);
    const armed = await group(entry.id);
    const fillPrice = armed.find((o) => o.role === 'entry')?.avgFillPrice ?? 0;
    const tp = armed.find((o) => o.role === 'take_profit');
    expect(fillPrice).toBeLessThanOrEqual(Math.ceil(ask) + 20);
    expect(tp?.limitPrice).toBeCloseTo(fillPrice + TP_AMOUNT, 8);
    await expect.poll(async () => Number(await page.getByTestId(`position-${SYMBOL}`).getByTestId('matrix-tp').getAttribute('data-price')), SLOW).toBe(tp?.limitPrice);

    const into = Math.floor(num(await text('ticket-bid'))) - 10;
    await editPrice('take_profit', into);
    await expect.poll(async () => (await group(entry.id)).map((o) => `${o.role}:${o.status}`).sort(), SLOW).toEqual(['entry:filled', 'take_profit:filled']);
    const done = (await group(entry.id)).find((o) => o.role === 'take_profit');
    expect(done?.limitPrice).toBe(into);
    expect(done?.avgFillPrice ?? 0).toBeGreaterThanOrEqual(into);
    expect(await flat()).toBe(0);
    const fills = await call<{ orderId: string | null; side: string; price: number }[]>('fills.list', { accountId });
    expect(fills.filter((f) => f.orderId === entry.id || f.orderId === tp?.id).map((f) => [f.side, f.price])).toEqual([
      ['sell', done?.avgFillPrice],
      ['buy', fillPrice],
    ]);
    await page.getByTestId('positions-tab-fills').click();
    await expect.poll(() => page.getByTestId('fill-row').count(), SLOW).toBe(fills.length);
    expect(await page.getByTestId('fill-row').first().getAttribute('data-side')).toBe('sell');
    await page.getByTestId('positions-tab-positions').click();
    await resetTicket();
  });

  it('a bracket resting below the market shows its exits held until the fill; edited through the ask it fills and arms both exits; the take-profit moved into the bid fills and cancels the stop', async () => {
    const bid = num(await text('ticket-bid'));
    await page.getByTestId('ticket-type').selectOption('limit');
    await page.getByTestId('ticket-limit-price').fill((Math.floor(bid) - 1000).toFixed(2));
    await page.getByTestId('ticket-tp-unit').selectOption('amount');
    await page.getByTestId('ticket-tp-value').fill(String(TP_AMOUNT));
    await page.getByTestId('ticket-sl-unit').selectOption('amount');
    await page.getByTestId('ticket-sl-value').fill('500');
    await page.getByTestId('ticket-submit').click();
    await page.getByTestId('positions-tab-orders').click();
    const table = page.getByTestId('working-orders');
    await expect.poll(async () => (await table.locator('tr[data-role]').evaluateAll((els) => els.map((e) => `${e.getAttribute('data-role') ?? ''}:${e.getAttribute('data-status') ?? ''}`))).sort(), SLOW).toEqual([
      'entry:accepted',
      'stop_loss:held',
      'take_profit:held',
    ]);
    expect(await table.locator('tr[data-role="take_profit"]').getByTestId('order-price').textContent()).toBe('on fill');
    const entry = (await working()).find((o) => o.role === 'entry');
    if (entry === undefined) throw new Error('no bracket entry');

    await editPrice('entry', Math.ceil(num(await text('ticket-ask'))) + 20);
    await expect.poll(async () => (await group(entry.id)).map((o) => `${o.role}:${o.status}`).sort(), SLOW).toEqual(['entry:filled', 'stop_loss:accepted', 'take_profit:accepted']);
    const armed = await group(entry.id);
    const filled = armed.find((o) => o.role === 'entry')?.avgFillPrice ?? 0;
    expect(armed.find((o) => o.role === 'take_profit')?.limitPrice).toBeCloseTo(filled + TP_AMOUNT, 8);
    expect(armed.find((o) => o.role === 'stop_loss')?.stopPrice).toBeCloseTo(filled - 500, 8);
    await page.getByTestId('positions-tab-positions').click();
    const rungs = await page.getByTestId(`position-${SYMBOL}`).locator('[data-rung]').evaluateAll((els) => els.map((e) => e.getAttribute('data-testid')));
    expect(rungs).toEqual(['matrix-tp', 'matrix-ask', 'matrix-mark', 'matrix-bid', 'matrix-sl']);

    await editPrice('take_profit', Math.floor(num(await text('ticket-bid'))) - 10);
    await expect.poll(async () => (await group(entry.id)).map((o) => `${o.role}:${o.status}`).sort(), SLOW).toEqual(['entry:filled', 'stop_loss:canceled', 'take_profit:filled']);
    expect(await flat()).toBe(0);
    await expect.poll(() => table.locator('tr[data-role]').count(), SLOW).toBe(0);
    await page.getByTestId('positions-tab-positions').click();
    await resetTicket();
  });

  it('one click in the watchlist buys at the default size; Shift+S sells it back; Shift+B buys again', async () => {
    const row = page.locator('.watch-row', { has: page.getByTestId(`watch-buy-${SYMBOL}`) });
    await row.hover();
    await page.getByTestId(`watch-buy-${SYMBOL}`).click();
    await expect.poll(flat, SLOW).toBe(0.001);
    await page.evaluate(() => {
      (document.activeElement as HTMLElement | null)?.blur();
    });
    await page.keyboard.press('Shift+S');
    await expect.poll(flat, SLOW).toBe(0);
    await page.keyboard.press('Shift+B');
    await expect.poll(flat, SLOW).toBe(0.001);
    expect(await working()).toEqual([]);
  });

  it('a second paper account: created from the chip with its own cash, selected, empty; switching back shows the first one’s position', async () => {
    await page.getByTestId('account-chip').click();
    await page.getByTestId('account-new-name').fill('Second');
    await page.getByTestId('account-new-cash').fill('5000');
    await page.getByTestId('account-create').click();
    await expect.poll(() => text('account-name'), SLOW).toBe('Second');
    expect(await text('account-cash')).toBe('5,000.00');
    const second = (await page.getByTestId('account-chip').getAttribute('data-account')) ?? '';
    expect(second).not.toBe(accountId);
    await expect.poll(() => page.getByTestId(`position-${SYMBOL}`).count(), SLOW).toBe(0);
    // Its own risk limits, set in the account menu.
    await page.getByTestId('account-chip').click();
    await page.getByTestId('account-risk').locator('summary').click();
    await page.getByTestId('risk-maxDailyLoss').fill('50');
    await page.getByTestId('risk-maxOrdersPerMinute').fill('2.5');
    expect(await page.getByTestId('risk-invalid').textContent()).toBe('Max orders per minute: a whole number is needed');
    expect(await page.getByTestId('risk-save').isDisabled()).toBe(true);
    await page.getByTestId('risk-maxOrdersPerMinute').fill('30');
    await page.getByTestId('risk-save').click();
    await page.getByTestId('risk-saved').waitFor();
    const limits = await call<{ risk: { maxDailyLoss: number; maxOrdersPerMinute: number } }>('risk.get', { accountId: second });
    expect([limits.risk.maxDailyLoss, limits.risk.maxOrdersPerMinute]).toEqual([50, 30]);
    expect((await call<{ risk: { maxDailyLoss: number } }>('risk.get', { accountId })).risk.maxDailyLoss).toBe(0);
    await page.getByTestId('account-item-Paper').click();
    await expect.poll(() => text('account-name'), SLOW).toBe('Paper');
    await expect.poll(() => page.getByTestId(`position-${SYMBOL}`).count(), SLOW).toBe(1);
  });

  it('Ctrl+Shift+K engages the kill switch from the keyboard: the position is flattened; Re-arm releases it', async () => {
    await page.evaluate(() => {
      (document.activeElement as HTMLElement | null)?.blur();
    });
    await page.keyboard.press('Control+Shift+K');
    await expect.poll(() => page.getByTestId('kill-switch').getAttribute('data-engaged'), SLOW).toBe('true');
    await expect.poll(() => text('kill-switch-counts'), SLOW).toBe('0 canceled · 1 flattened');
    await expect.poll(flat, SLOW).toBe(0);
    await page.getByTestId('kill-switch-rearm').click();
    await expect.poll(() => page.getByTestId('kill-switch').getAttribute('data-engaged'), SLOW).toBe('false');
    expect(ws.consoleErrors).toEqual([]);
  });
});
