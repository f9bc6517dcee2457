import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { paneStates, type Hooked } from '../helpers/chart-panes';
import { ARTIFACTS, chromiumForE2e, openWorkstation, type WorkstationPage } from '../helpers/workstation-page';
import { startFakeAlpaca, type FakeAlpaca } from '../integration/alpaca/fake/fake-alpaca';
import { startFakeAlpacaTrading, type FakeAlpacaTrading } from '../integration/alpaca/fake/fake-trading';
import { fakeChain, occ, type FakeContract } from '../integration/alpaca/fake/options-rest';

const SLOW = { timeout: 30_000, interval: 100 };
const chromiumPath = chromiumForE2e();
const SYMBOL = 'AAPL';
/** The fake's AAPL book (cents) and the price its chain is built around. */
const BID = 18_950;
const ASK = 18_952;
const CHAIN_PRICE = 190;
const DAY_MS = 24 * 60 * 60 * 1000;

/** The first Friday at least `days` days from now (YYYY-MM-DD): the fake lists expirations ahead of whatever day the test runs. */
function friday(days: number): string {
  const d = new Date(Date.now() + days * DAY_MS);
  d.setUTCDate(d.getUTCDate() + ((5 - d.getUTCDay() + 7) % 7));
  return d.toISOString().slice(0, 10);
}
const EXPIRIES = [friday(8), friday(36), friday(64)];
/** Strikes every $5, 10 each side of the money: 140 … 240. */
const CONTRACTS: FakeContract[] = fakeChain(SYMBOL, CHAIN_PRICE, EXPIRIES, 5, 10);
const contract = (expiry: string, type: 'call' | 'put', strike: number): FakeContract => {
  const c = CONTRACTS.find((x) => x.symbol === occ(SYMBOL, expiry, type, strike));
  if (c === undefined) throw new Error(`no ${type} ${String(strike)} on ${expiry} in the fake`);
  return c;
};

describe.skipIf(chromiumPath === null)('Alpaca’s option chain in Chromium via tapedeck serve (a fake Alpaca on 127.0.0.1)', () => {
  let data: FakeAlpaca;
  let trading: FakeAlpacaTrading;
  let ws: WorkstationPage;
  let page: Page;
  let ticking: ReturnType<typeof setInterval> | undefined;
  let accountId = '';

  const call = <T,>(method: string, params: unknown): Promise<T> =>
    page.evaluate(([m, p]) => (window as unknown as Hooked).__tapedeck.call(m as never, p as never), [method, params] as const) as Promise<T>;
  const text = async (testId: string): Promise<string> => (await page.getByTestId(testId).first().textContent()) ?? '';

  beforeAll(async () => {
    data = await startFakeAlpaca();
    data.options.chains.set(SYMBOL, CONTRACTS);
    data.options.lastTrades.set(SYMBOL, CHAIN_PRICE);
    trading = await startFakeAlpacaTrading({ keys: data.keys, symbols: ['SPY', 'AAPL', 'QQQ', 'NVDA', 'SOFI'], cash: 10_000 });
    trading.book.setPrice(SYMBOL, ASK / 100);
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
    await page.goto(`${ws.serve.url}&e2e`);
    await page.waitForFunction(() => document.querySelector('[data-testid="account-chip"]')?.getAttribute('data-account') !== '', undefined, { timeout: 30_000 });
  }, 90_000);

  afterAll(async () => {
    if (ticking !== undefined) clearInterval(ticking);
    await (ws as WorkstationPage | undefined)?.close();
    await (trading as FakeAlpacaTrading | undefined)?.close();
    await (data as FakeAlpaca | undefined)?.close();
  });

  it('the trader selects the Alpaca paper account and charts AAPL from Alpaca', async () => {
    // The trader works on the Alpaca paper account, and charts AAPL from Alpaca.
    await page.getByTestId('account-chip').click();
    await page.getByTestId('account-item-Alpaca paper').click();
    await expect.poll(() => text('account-name'), SLOW).toBe('Alpaca paper');
    accountId = (await page.getByTestId('account-chip').getAttribute('data-account')) ?? '';
    await call('risk.set', { accountId, patch: { usEquityHoursOnly: false } });
    await page.keyboard.press('Alt+Digit1');
    await page.keyboard.type('a');
    await page.getByTestId('chart-symbol-input').pressSequentially('apl');
    await page.keyboard.press('Enter');
    await expect.poll(async () => (await paneStates(page))[0]?.source, SLOW).toBe('alpaca');
  }, 60_000);

  it('the Options tab shows Alpaca’s AAPL chain (badge ALPACA): the fake’s expirations, strikes and bids / asks', async () => {
    await page.getByTestId('tab-options').click();
    await expect.poll(() => text('options-symbol'), SLOW).toBe(SYMBOL);
    expect(await text('options-source')).toBe('ALPACA');
    const tabs = page.getByTestId('expiry-tabs').getByRole('tab');
    await expect.poll(async () => (await tabs.evaluateAll((els) => els.map((e) => e.getAttribute('data-testid')))).join(' '), SLOW).toBe(EXPIRIES.map((e) => `expiry-${e}`).join(' '));
    expect(await page.getByTestId(`expiry-${EXPIRIES[0] ?? ''}`).getAttribute('aria-selected')).toBe('true');
    // ±10 strikes around AAPL at $189.52: the fake's 21 strikes, 140 … 240.
    await expect.poll(() => page.getByTestId('chain-table').getAttribute('data-lines'), SLOW).toBe('21');
    const strikes = await page.locator('.chain-table tbody tr[data-testid^="chain-strike-"]').evaluateAll((rows) => rows.map((r) => Number(r.getAttribute('data-testid')?.replace('chain-strike-', ''))));
    expect(strikes.slice(0, 3)).toEqual([140, 145, 150]);
    // The at-the-money line holds the fake's quotes exactly: the 190 call 1.95 / 2.05 and the 190 put the same.
    const atmCall = contract(EXPIRIES[0] ?? '', 'call', 190);
    const atmPut = contract(EXPIRIES[0] ?? '', 'put', 190);
    await page.getByTestId(`chain-${atmCall.symbol}-bid`).scrollIntoViewIfNeeded();
    expect([atmCall.bid, atmCall.ask]).toEqual([1.95, 2.05]);
    await expect.poll(() => text(`chain-${atmCall.symbol}-bid`), SLOW).toBe('1.95');
    expect(await text(`chain-${atmCall.symbol}-ask`)).toBe('2.05');
    expect(await text(`chain-${atmPut.symbol}-bid`)).toBe(atmPut.bid.toFixed(2));
    // In the money by $5: the 185 call, intrinsic 5 + time value 1.75 → 6.70 / 6.80.
    const itm = contract(EXPIRIES[0] ?? '', 'call', 185);
    expect(await text(`chain-${itm.symbol}-bid`)).toBe('6.70');
    expect(await text(`chain-${itm.symbol}-ask`)).toBe('6.80');
  }, 60_000);

  it('a click on the 190 call’s ask fills the ticket with Alpaca’s contract, for the Alpaca paper account; the order goes to Alpaca', async () => {
    const atmCall = contract(EXPIRIES[0] ?? '', 'call', 190);
    await page.getByTestId(`chain-${atmCall.symbol}-ask`).click();
    await expect.poll(() => page.getByTestId('option-ticket-contract').getAttribute('title'), SLOW).toBe(atmCall.symbol);
    expect(await text('option-ticket-quote')).toBe('1.95 / 2.05');
    expect(await page.getByTestId('option-ticket-limit').inputValue()).toBe('2.00');
    expect(await text('option-ticket-account')).toBe('ALPACA contract → Alpaca paper');
    expect(await page.getByTestId('option-ticket-account').getAttribute('data-broker')).toBe('alpaca');
    await page.getByTestId('options-panel').screenshot({ path: `${ARTIFACTS}alpaca-options.png` });

    // With the local paper account active the ticket says why it cannot send there, and offers the Alpaca account.
    await page.getByTestId('account-chip').click();
    await page.getByTestId('account-item-Paper').click();
    await expect.poll(() => text('account-name'), SLOW).toBe('Paper');
    await expect.poll(() => text('option-ticket-route'), SLOW).toContain('An Alpaca contract is traded on the Alpaca paper account, not on Paper');
    expect(await page.getByTestId('option-ticket-send').isDisabled()).toBe(true);
    await page.getByTestId('option-ticket-use-account').click();
    await expect.poll(() => text('account-name'), SLOW).toBe('Alpaca paper');
    await expect.poll(() => text('option-ticket-account'), SLOW).toBe('ALPACA contract → Alpaca paper');

    await page.getByTestId('option-ticket-tp-on').uncheck();
    await page.getByTestId('option-ticket-send').click();
    await expect.poll(() => [...trading.book.orders.values()].map((o) => [o.symbol, o.side, o.qty, o.type, o.limitPrice]), { ...SLOW, message: 'the order at Alpaca' }).toEqual([[atmCall.symbol, 'buy', 1, 'limit', 2]]);
    expect(ws.consoleErrors).toEqual([]);
  }, 60_000);
});
