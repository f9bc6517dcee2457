import { fileURLToPath } from 'node:url';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ChainSnapshot, ExpirationInfo } from '../../shared/options/wire/chain-snapshot';
import type { Execution } from '../../shared/trading/execution';
import type { Order } from '../../shared/trading/order';
import type { Position } from '../../shared/trading/position';
import { waitPane, type Hooked } from '../helpers/chart-panes';
import { ARTIFACTS, chromiumForE2e, openWorkstation, type WorkstationPage } from '../helpers/workstation-page';

/** The README's picture of the Options tab (taken here). */
const DOCS = fileURLToPath(new URL('../../docs/', import.meta.url));
const SLOW = { timeout: 15_000, interval: 100 };
const chromiumPath = chromiumForE2e();
/** A Friday, 10:30 New York: the simulated US session is open whatever day the test runs on. */
const CLOCK_START = '2026-12-04T15:30:00Z';
/** The chain table's strike lines (not its spacers: only the lines in view are drawn). */
const LINES = '.chain-table tbody tr[data-testid^="chain-strike-"]';

interface OptionsHooked extends Hooked {
  readonly __tapedeckTrading: {
    lines(source: string, symbol: string): { id: string; price: number; title: string }[];
    markers(source: string, symbol: string): { id: string; price: number | null; text: string }[];
  };
}

describe.skipIf(chromiumPath === null)('options in Chromium via tapedeck serve (the sim’s SPY chain)', () => {
  let ws: WorkstationPage;
  let page: Page;
  let accountId = '';
  let thirty: ExpirationInfo | undefined;
  let symbol = '';
  let strike = 0;

  const call = <T,>(method: string, params: unknown): Promise<T> =>
    page.evaluate(([m, p]) => (window as unknown as Hooked).__tapedeck.call(m as never, p as never), [method, params] as const) as Promise<T>;
  const text = async (testId: string): Promise<string> => (await page.getByTestId(testId).first().textContent()) ?? '';
  const value = async (testId: string): Promise<number> => Number(await page.getByTestId(testId).inputValue());
  const num = (t: string): number => Number(t.replace(/[^\d.-]/g, ''));

  beforeAll(async () => {
    ws = await openWorkstation(chromiumPath ?? '', { width: 1600, height: 1000 }, { TAPEDECK_CLOCK_START: CLOCK_START });
    page = ws.page;
    page.setDefaultTimeout(12_000);
    await page.goto(`${ws.serve.url}&e2e`);
    await waitPane(page, 0, { symbol: 'BTCUSDT' }, 60_000);
    await page.waitForFunction(() => document.querySelector('[data-testid="account-chip"]')?.getAttribute('data-account') !== '', undefined, { timeout: 30_000 });
    accountId = (await page.getByTestId('account-chip').getAttribute('data-account')) ?? '';
    // Chart SPY in the first pane, as a trader types it.
    await page.keyboard.press('Alt+Digit1');
    await page.keyboard.type('s');
    await page.getByTestId('chart-symbol-input').pressSequentially('py');
    await page.keyboard.press('Enter');
    await waitPane(page, 0, { symbol: 'SPY' }, 60_000);
  });

  afterAll(async () => {
    await ws.close();
  });

  it('opens SPY’s chain from the chart: expirations 0DTE onwards as tabs, the ~30-day one marked', async () => {
    await page.getByTestId('tab-options').click();
    await expect.poll(() => text('options-symbol'), SLOW).toBe('SPY');
    const tabs = page.getByTestId('expiry-tabs').getByRole('tab');
    await expect.poll(() => tabs.count(), SLOW).toBeGreaterThan(5);
    const listed = await call<{ expirations: ExpirationInfo[] }>('options.expirations', { source: 'sim', underlying: 'SPY' });
    expect(listed.expirations[0]?.days).toBe(0);
    expect(await tabs.first().textContent()).toContain('0DTE');
    thirty = listed.expirations.find((e) => e.thirtyDay);
    expect(thirty?.days).toBeGreaterThanOrEqual(20);
    expect(thirty?.days).toBeLessThanOrEqual(40);
    const marked = page.locator('.expiry-tab.is-thirty');
    expect(await marked.count()).toBe(1);
    expect(await marked.getAttribute('data-testid')).toBe(`expiry-${thirty?.expiry ?? ''}`);
    // The nearest expiration shows first, centred on the money: the at-the-money strike is one line, in the middle of ±10 strikes.
    await expect.poll(() => page.getByTestId('chain-table').getAttribute('data-lines'), SLOW).toBe('21');
    expect(await page.locator(LINES).nth(10).getAttribute('class')).toBe('is-atm');
  });

  it('shows the chosen columns, in-the-money shading, and filters by |delta|, open interest and spread', async () => {
    await page.getByTestId(`expiry-${thirty?.expiry ?? ''}`).click();
    await expect.poll(async () => page.getByTestId(`expiry-${thirty?.expiry ?? ''}`).getAttribute('aria-selected'), SLOW).toBe('true');
    const head = page.locator('.chain-table thead tr').nth(1).locator('th');
    await expect.poll(async () => (await head.allTextContents()).join(' '), SLOW).toBe('Δ IV OI Vol Mid Bid Ask  Ask Bid Mid Vol OI IV Δ');
    await page.getByTestId('chain-columns-toggle').click();
    await page.getByTestId('chain-column-last').check();
    await page.getByTestId('chain-column-oi').uncheck();
    await expect.poll(async () => (await head.allTextContents()).join(' '), SLOW).toBe('Δ IV Vol Last Mid Bid Ask  Ask Bid Mid Last Vol IV Δ');
    await page.getByTestId('chain-columns-toggle').click();
    // Calls below the money and puts above it are shaded: 10 strikes below the ATM line hold shaded calls.
    await expect.poll(() => page.locator(LINES).first().locator('td.is-itm').count(), SLOW).toBeGreaterThan(0);
    // A |delta| band 0.40–0.60 keeps the contracts near the money only.
    await page.getByTestId('chain-delta-min').fill('0.4');
    await page.getByTestId('chain-delta-max').fill('0.6');
    await expect.poll(async () => Number(await page.getByTestId('chain-table').getAttribute('data-lines')), SLOW).toBeLessThan(21);
    const deltas = await page.locator(`${LINES} td:first-child`).allTextContents();
    expect(deltas.filter((t) => t !== '').length).toBeGreaterThan(0);
    for (const d of deltas.filter((t) => t !== '')) expect(Math.abs(Number(d))).toBeGreaterThanOrEqual(0.4);
    await page.getByTestId('chain-delta-min').fill('');
    await page.getByTestId('chain-delta-max').fill('');
    await page.getByTestId('chain-strikes').selectOption('all');
    await expect.poll(async () => Number(await page.getByTestId('chain-table').getAttribute('data-lines')), SLOW).toBeGreaterThan(21);
  });

  it('a click on a ~30-day call fills the ticket: limit at the mid, ×100 cost, break-even, max loss, greeks, the take-profit’s odds', async () => {
    // A call the $1,000 paper account can pay for: the one whose ask is nearest $2.
    await page.getByTestId('chain-strikes').selectOption('all');
    const chain = await call<ChainSnapshot>('options.chain', { source: 'sim', underlying: 'SPY', expiry: thirty?.expiry, type: 'call' });
    const rows = chain.expirations[0]?.rows ?? [];
    const row = [...rows].sort((a, b) => Math.abs(a.ask - 2) - Math.abs(b.ask - 2))[0];
    if (row === undefined) throw new Error('no call in the 30-day chain');
    symbol = row.symbol;
    strike = row.strike;
    // Scroll the chain to its line as a trader would (only the lines in view are drawn).
    const index = [...new Set(rows.map((r) => r.strike))].sort((a, b) => a - b).indexOf(strike);
    await page.locator('.chain-scroll').evaluate((el, i) => {
      el.scrollTop = Math.max(0, i * 20 - el.clientHeight / 2);
    }, index);
    const ask = page.getByTestId(`chain-${symbol}-ask`);
    await ask.scrollIntoViewIfNeeded();
    await ask.click();
    await expect.poll(() => page.getByTestId('option-ticket-contract').getAttribute('title'), SLOW).toBe(symbol);
    const [bid, askNow] = (await text('option-ticket-quote')).split('/').map(num);
    const limit = await value('option-ticket-limit');
    // The mid on the penny tick (the quote may have moved a tick since the click).
    expect(Math.round(limit * 100) / 100).toBe(limit);
    expect(limit).toBeGreaterThanOrEqual((bid ?? 0) - 0.02);
    expect(limit).toBeLessThanOrEqual((askNow ?? 0) + 0.02);
    expect(await page.getByTestId('option-ticket-qty').inputValue()).toBe('1');
    expect(num(await text('option-ticket-cost'))).toBeCloseTo(limit * 100, 2);
    expect(num(await text('option-ticket-breakeven'))).toBeCloseTo(strike + limit, 3);
    expect(num(await text('option-ticket-maxloss'))).toBeCloseTo(-(limit * 100 + 0.65), 2);
    // The trader's default take-profit: +$0.10 on the premium, on.
    expect(await page.getByTestId('option-ticket-tp-on').isChecked()).toBe(true);
    expect(await page.getByTestId('option-ticket-tp').inputValue()).toBe('0.10');
    expect(num(await text('option-ticket-reward'))).toBeCloseTo(0.1 * 100 - 2 * 0.65, 2);
    expect(await text('option-ticket-touch')).toMatch(/^\d{1,3}%$/);
    expect(num(await text('option-ticket-delta'))).toBeGreaterThan(0);
    expect(num(await text('option-ticket-theta'))).toBeLessThan(0);
    expect(num(await text('option-ticket-vega'))).toBeGreaterThan(0);
    expect(await page.getByTestId('option-ticket-sl-on').isChecked()).toBe(false);
    await page.getByTestId('options-panel').screenshot({ path: `${ARTIFACTS}options-ticket.png` });
  });

  it('the limit steps by the tick; sent at the ask it fills, the take-profit is armed, and the position shows bid / mark / ask and break-even', async () => {
    const before = await value('option-ticket-limit');
    await page.getByTestId('option-ticket-limit-up').click();
    expect(await value('option-ticket-limit')).toBeCloseTo(before + 0.01, 5);
    const askNow = num((await text('option-ticket-quote')).split('/')[1] ?? '');
    // Marketable: two cents through the ask.
    await page.getByTestId('option-ticket-limit').fill((askNow + 0.02).toFixed(2));
    await page.getByTestId('option-ticket-send').click();
    await expect.poll(async () => (await call<Position[]>('positions.list', { accountId })).find((p) => p.symbol === symbol)?.qty ?? 0, SLOW).toBe(1);
    const position = (await call<Position[]>('positions.list', { accountId })).find((p) => p.symbol === symbol);
    const avg = position?.avgPrice ?? 0;
    expect(avg).toBeLessThanOrEqual(askNow + 0.02);
    expect(position?.multiplier).toBe(100);
    const tp = (await call<Order[]>('orders.list', { accountId })).find((o) => o.role === 'take_profit' && o.symbol === symbol);
    expect(tp?.status).toBe('accepted');
    expect(tp?.limitPrice).toBeCloseTo(avg + 0.1, 5);
    const row = page.getByTestId(`option-position-${symbol}`);
    await row.waitFor();
    await expect.poll(async () => num(await row.getByTestId('option-position-ask').textContent() ?? ''), SLOW).toBeGreaterThan(0);
    const b = num((await row.getByTestId('option-position-bid').textContent()) ?? '');
    const m = num((await row.getByTestId('option-position-mark').textContent()) ?? '');
    const a = num((await row.getByTestId('option-position-ask').textContent()) ?? '');
    expect(b).toBeLessThanOrEqual(m);
    expect(m).toBeLessThanOrEqual(a);
    expect(num((await row.getByTestId('option-position-breakeven').textContent()) ?? '')).toBeCloseTo(strike + avg, 2);
    expect(num((await row.getByTestId('option-position-tp').textContent()) ?? '')).toBeCloseTo(avg + 0.1, 2);
    expect(await row.getByTestId('option-position-underlying').textContent()).toMatch(/^SPY \d+\.\d\d$/);
  });

  it('draws the fill on SPY’s chart at SPY’s price then (C, strike, premium) and the break-even as a line', async () => {
    const fill = (await call<Execution[]>('fills.list', { accountId })).find((f) => f.symbol === symbol);
    expect(fill?.underlying).toBe('SPY');
    const markers = (): Promise<{ id: string; price: number | null; text: string }[]> => page.evaluate(() => (window as unknown as OptionsHooked).__tapedeckTrading.markers('sim', 'SPY'));
    await expect.poll(async () => (await markers()).find((m) => m.id === `fill-${fill?.id ?? ''}`)?.price, SLOW).toBe(fill?.underlyingPrice);
    const marker = (await markers()).find((m) => m.id === `fill-${fill?.id ?? ''}`);
    expect(marker?.text).toBe(`B 1 C${String(strike)} @${(fill?.price ?? 0).toFixed(2)}`);
    const lines = await page.evaluate(() => (window as unknown as OptionsHooked).__tapedeckTrading.lines('sim', 'SPY'));
    const be = lines.find((l) => l.id === `be-sim-${symbol}`);
    expect(be?.price).toBeCloseTo(strike + (fill?.price ?? 0), 3);
    expect(be?.title).toBe(`BE C${String(strike)} ×1`);
    // The README's picture with a taller bottom panel: its edge dragged up 220 px.
    const handle = await page.getByTestId('resize-bottomHeight').boundingBox();
    if (handle !== null) {
      const x = handle.x + handle.width / 3;
      const y = handle.y + handle.height / 2;
      await page.mouse.move(x, y);
      await page.mouse.down();
      await page.mouse.move(x, y - 110, { steps: 4 });
      await page.mouse.move(x, y - 220, { steps: 4 });
      await page.mouse.up();
    }
    await page.getByTestId(`chain-${symbol}-ask`).scrollIntoViewIfNeeded();
    await page.screenshot({ path: `${DOCS}options.png` });
  });

  it('"Calls" by the rule (≥ 30 days, |delta| nearest 0.30) picks one contract and fills the ticket; Alt+P does the same for puts', async () => {
    await page.getByTestId('pick-delta').fill('0.30');
    await page.getByTestId('pick-calls').click();
    const picked = await call<{ symbol: string; expiry: string; delta: number }>('options.pick', { source: 'sim', underlying: 'SPY', side: 'calls', minDays: 30, strike: { kind: 'delta', target: 0.3 } });
    await expect.poll(() => page.getByTestId('option-ticket-contract').getAttribute('title'), SLOW).toBe(picked.symbol);
    expect(Math.abs(picked.delta - 0.3)).toBeLessThan(0.1);
    expect(await page.getByTestId(`expiry-${picked.expiry}`).getAttribute('aria-selected')).toBe('true');
    // Alt+P from anywhere outside a text field: puts on the charted SPY by the same rule.
    const put = await call<{ symbol: string }>('options.pick', { source: 'sim', underlying: 'SPY', side: 'puts', minDays: 30, strike: { kind: 'delta', target: 0.3 } });
    await page.locator('body').click({ position: { x: 5, y: 5 } });
    await page.keyboard.press('Alt+KeyP');
    await expect.poll(() => page.getByTestId('option-ticket-contract').getAttribute('title'), SLOW).toBe(put.symbol);
    expect(await page.getByTestId('option-ticket-buy').getAttribute('aria-checked')).toBe('true');
    expect(ws.consoleErrors).toEqual([]);
  });

  it('the chain’s columns and filters are still set after a reload (settings.optionsChain); the chain shows the SIM badge', async () => {
    expect(await text('options-source')).toBe('SIM');
    await page.getByTestId('chain-strikes').selectOption('20');
    await page.getByTestId('chain-min-oi').fill('100');
    await page.getByTestId('chain-max-spread').fill('25');
    await page.getByTestId('chain-columns-toggle').click();
    await page.getByTestId('chain-column-oi').check();
    await page.getByTestId('chain-column-iv').uncheck();
    await page.getByTestId('chain-columns-toggle').click();
    const chosen = { columns: ['bid', 'ask', 'mid', 'last', 'volume', 'oi', 'delta'], strikes: 20, deltaMin: 0, deltaMax: 1, minOpenInterest: 100, maxSpreadPct: 25 };
    // Saved once the edits pause.
    await expect.poll(async () => (await call<{ optionsChain: unknown }>('settings.get', {})).optionsChain, SLOW).toEqual(chosen);
    await page.reload();
    await page.waitForFunction(() => document.querySelector('[data-testid="account-chip"]')?.getAttribute('data-account') !== '', undefined, { timeout: 30_000 });
    await page.getByTestId('tab-options').click();
    await expect.poll(() => text('options-symbol'), SLOW).toBe('SPY');
    await expect.poll(() => page.getByTestId('chain-min-oi').inputValue(), SLOW).toBe('100');
    expect(await page.getByTestId('chain-max-spread').inputValue()).toBe('25');
    expect(await page.getByTestId('chain-strikes').inputValue()).toBe('20');
    const head = page.locator('.chain-table thead tr').nth(1).locator('th');
    await expect.poll(async () => (await head.allTextContents()).join(' '), SLOW).toBe('Δ OI Vol Last Mid Bid Ask  Ask Bid Mid Last Vol OI Δ');
    // Filtered as saved: every call shown has at least 100 contracts open.
    const oi = await page.locator('.chain-table tbody tr[data-testid^="chain-strike-"] td:nth-child(2)').allTextContents();
    const shown = oi.filter((t) => /\d/.test(t));
    expect(shown.length).toBeGreaterThan(0);
    for (const t of shown) expect(num(t)).toBeGreaterThanOrEqual(100);
    expect((await call<{ optionsChain: unknown }>('settings.get', {})).optionsChain).toEqual(chosen);
  });
});
