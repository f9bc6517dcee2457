import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Order } from '../../shared/trading/order';
import type { Position } from '../../shared/trading/position';
import { paneStates, waitPane, type Hooked } from '../helpers/chart-panes';
import { ARTIFACTS, chromiumForE2e, openWorkstation, type WorkstationPage } from '../helpers/workstation-page';
import { startFakeAlpaca, type FakeAlpaca } from '../integration/alpaca/fake/fake-alpaca';
import { startFakeAlpacaTrading, type FakeAlpacaTrading } from '../integration/alpaca/fake/fake-trading';

const SLOW = { timeout: 30_000, interval: 100 };
const chromiumPath = chromiumForE2e();
const SYMBOL = 'AAPL';
/** The book the fake stock stream quotes (cents) and the fake broker fills at (dollars). */
const BID = 18_950;
const ASK = 18_952;

describe.skipIf(chromiumPath === null)('the Alpaca paper account in Chromium via tapedeck serve (a fake Alpaca on 127.0.0.1)', () => {
  let data: FakeAlpaca;
  let trading: FakeAlpacaTrading;
  let ws: WorkstationPage;
  let page: Page;
  let ticking: ReturnType<typeof setInterval> | undefined;
  let accountId = '';
  const frames: string[] = [];

  const call = <T,>(method: string, params: unknown): Promise<T> =>
    page.evaluate(([m, p]) => (window as unknown as Hooked).__tapedeck.call(m as never, p as never), [method, params] as const) as Promise<T>;
  const text = async (testId: string): Promise<string> => (await page.getByTestId(testId).first().textContent()) ?? '';
  const num = (t: string): number => Number(t.replace(/[^\d.-]/g, ''));

  beforeAll(async () => {
    data = await startFakeAlpaca();
    trading = await startFakeAlpacaTrading({ keys: data.keys, symbols: ['SPY', 'AAPL', 'QQQ', 'NVDA', 'SOFI'], cash: 10_000 });
    trading.book.setPrice(SYMBOL, ASK / 100);
    // The stock stream quotes and prints AAPL a few times a second, as a live session would.
    let id = 1;
    ticking = setInterval(() => {
      const now = Date.now();
      data.stream.quote(SYMBOL, BID, ASK, now);
      data.stream.trades(SYMBOL, [{ id: id++, time: now, cents: ASK, size: 5, exchange: 'V' }]);
    }, 200);
    ws = await openWorkstation(chromiumPath ?? '', { width: 1600, height: 1000 }, {
      APCA_API_KEY_ID: data.keys.keyId,
      APCA_API_SECRET_KEY: data.keys.secret,
      TAPEDECK_ALPACA_DATA_URL: data.dataUrl,
      TAPEDECK_ALPACA_DATA_STREAM_URL: data.streamUrl,
      TAPEDECK_ALPACA_TRADING_URL: trading.tradingUrl,
      TAPEDECK_ALPACA_STREAM_URL: trading.streamUrl,
    });
    page = ws.page;
    // Every WebSocket frame between the page and serve, both ways: the keys must be in none of them.
    page.on('websocket', (socket) => {
      const keep = (f: { payload: string | Buffer }): void => {
        frames.push(typeof f.payload === 'string' ? f.payload : f.payload.toString('utf8'));
      };
      socket.on('framereceived', keep);
      socket.on('framesent', keep);
    });
    await page.goto(`${ws.serve.url}&e2e`);
    await page.waitForFunction(() => document.querySelector('[data-testid="account-chip"]')?.getAttribute('data-account') !== '', undefined, { timeout: 30_000 });
  }, 90_000);

  afterAll(async () => {
    if (ticking !== undefined) clearInterval(ticking);
    // A start that failed leaves some of them unset: close what was opened.
    await (ws as WorkstationPage | undefined)?.close();
    await (trading as FakeAlpacaTrading | undefined)?.close();
    await (data as FakeAlpaca | undefined)?.close();
  });

  it('lists the "Alpaca paper" account beside the local one; selecting it makes it active, with Alpaca’s own cash', async () => {
    await page.getByTestId('account-chip').click();
    // In serve the keys come from its environment (the desktop app has a form here that stores them encrypted).
    expect(await text('alpaca-keys-env')).toMatch(/APCA_API_KEY_ID and APCA_API_SECRET_KEY/);
    await page.getByTestId('account-item-Alpaca paper').click();
    await expect.poll(() => text('account-name'), SLOW).toBe('Alpaca paper');
    expect(await text('account-chip')).toContain('ALPACA PAPER');
    // Connected: no connection badge (it shows DEGRADED or OFFLINE with the reason only).
    await expect.poll(() => page.getByTestId('account-connection').count(), SLOW).toBe(0);
    accountId = (await page.getByTestId('account-chip').getAttribute('data-account')) ?? '';
    const accounts = await call<{ id: string; name: string; broker: string }[]>('accounts.list', {});
    expect(accounts.map((a) => [a.name, a.broker])).toEqual([
      ['Paper', 'paper'],
      ['Alpaca paper', 'alpaca'],
    ]);
    await expect.poll(async () => num(await text('account-cash')), SLOW).toBe(10_000);
    // US equities only in their session by default: this test runs at any hour, so the trader switches the limit off.
    await call('risk.set', { accountId, patch: { usEquityHoursOnly: false } });
  });

  it('charts AAPL from Alpaca and the ticket quotes its live bid/ask', async () => {
    await page.keyboard.press('Alt+Digit1');
    await page.keyboard.type('a');
    await page.getByTestId('chart-symbol-input').pressSequentially('apl');
    await page.keyboard.press('Enter');
    // The pane (and the ticket with it) switches to Alpaca's AAPL at once; its history loads meanwhile (the last test waits for it).
    await expect.poll(async () => (await paneStates(page))[0]?.source, SLOW).toBe('alpaca');
    expect((await paneStates(page))[0]?.symbol).toBe(SYMBOL);
    await expect.poll(async () => num(await text('ticket-ask')), SLOW).toBe(ASK / 100);
    expect(num(await text('ticket-bid'))).toBe(BID / 100);
  }, 90_000);

  it('a market order from the ticket goes to Alpaca, fills there, and the position shows bid / mark / ask', async () => {
    await page.getByTestId('ticket-tp-unit').selectOption('off');
    await page.getByTestId('ticket-sl-unit').selectOption('off');
    await page.getByTestId('ticket-type').selectOption('market');
    await page.getByTestId('ticket-size-mode').selectOption('qty');
    await page.getByTestId('ticket-size').fill('3');
    await expect.poll(() => text('ticket-qty'), SLOW).toBe('3 AAPL');
    await page.getByTestId('ticket-submit').click();
    await expect.poll(async () => (await call<Position[]>('positions.list', { accountId })).find((p) => p.symbol === SYMBOL)?.qty ?? 0, { ...SLOW, message: 'the position at Alpaca' }).toBe(3);
    const atAlpaca = [...trading.book.orders.values()];
    expect(atAlpaca.map((o) => [o.symbol, o.side, o.qty, o.type, o.status])).toEqual([[SYMBOL, 'buy', 3, 'market', 'filled']]);
    const orders = await call<Order[]>('orders.list', { accountId, status: 'all' });
    expect(orders.find((o) => o.symbol === SYMBOL)?.brokerOrderId).toBe(atAlpaca[0]?.id);

    const card = page.getByTestId(`position-${SYMBOL}`);
    await card.waitFor({ timeout: 30_000 });
    expect(await card.getAttribute('data-source')).toBe('alpaca');
    expect(num((await card.getByTestId('position-avg').textContent()) ?? '')).toBe(ASK / 100);
    await expect.poll(async () => Number(await card.getByTestId('matrix-ask').getAttribute('data-price')), { ...SLOW, message: 'the ask rung' }).toBe(ASK / 100);
    expect(Number(await card.getByTestId('matrix-bid').getAttribute('data-price'))).toBe(BID / 100);
    const mark = Number(await card.getByTestId('matrix-mark').getAttribute('data-price'));
    expect(mark).toBeGreaterThanOrEqual(BID / 100);
    expect(mark).toBeLessThanOrEqual(ASK / 100);
    await page.getByTestId('positions').screenshot({ path: `${ARTIFACTS}alpaca-positions.png` });
  }, 90_000);

  it('Alpaca’s rejection is shown on the ticket with its reason', async () => {
    // 100 shares (~$18,950): within the risk limit on one order, beyond the fake account's remaining cash.
    await page.getByTestId('ticket-size').fill('100');
    await page.getByTestId('ticket-submit').click();
    await expect.poll(() => text('ticket-error'), SLOW).toMatch(/insufficient buying power/);
  });

  it('the chart draws AAPL from Alpaca’s bars', async () => {
    const pane = await waitPane(page, 0, { symbol: SYMBOL }, 170_000);
    expect([pane.source, pane.status]).toEqual(['alpaca', 'ready']);
    expect(pane.bars).toBeGreaterThan(0);
  }, 180_000);

  it('the keys never reach the page, its WebSocket frames or serve’s output', async () => {
    const html = await page.content();
    const state = await page.evaluate(() => JSON.stringify(localStorage));
    for (const secret of [data.keys.keyId, data.keys.secret]) {
      expect(html).not.toContain(secret);
      expect(state).not.toContain(secret);
    }
    expect(frames.length).toBeGreaterThan(100);
    for (const secret of [data.keys.keyId, data.keys.secret]) {
      expect(frames.filter((f) => f.includes(secret))).toEqual([]);
      expect(ws.serve.stdout()).not.toContain(secret);
    }
  });
});
