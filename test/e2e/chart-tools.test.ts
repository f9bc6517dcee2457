import { copyFileSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { paneStates, waitPane, type Drawn } from '../helpers/chart-panes';
import { emaLast, mean, near, type DrawingsProbe, type IndicatorProbe, type LevelsProbe, type Marker, type Overlay, type ProbeHooked, type StoredDrawing } from '../helpers/chart-probes';
import { startServeProcess, type ServeProcess } from '../helpers/serve-process';
import { ARTIFACTS, chromiumForE2e, openWorkstation, type WorkstationPage } from '../helpers/workstation-page';

const chromiumPath = chromiumForE2e();
const SLOW = { timeout: 30_000, interval: 100 };
const FIVE_MIN = 5 * 60_000;
const DOCS_SHOT = fileURLToPath(new URL('../../docs/chart-2x2.png', import.meta.url));

describe.skipIf(chromiumPath === null)('chart tools in Chromium via tapedeck serve: indicators, levels, drawings, replay, backtest trades', () => {
  let ws: WorkstationPage;
  let page: Page;
  let restarted: ServeProcess | null = null;

  const pane = (i: number) => page.locator(`[data-testid="chart-pane"][data-pane="${String(i)}"]`);
  const probe = <T>(i: number, layer: string): Promise<T | null> =>
    page.evaluate(([index, name]) => (window as unknown as ProbeHooked).__tapedeck.paneProbe(index, name), [i, layer] as const) as Promise<T | null>;
  const call = <T>(method: string, params: unknown): Promise<T> =>
    page.evaluate(([m, p]) => (window as unknown as ProbeHooked).__tapedeck.call(m, p), [method, params] as const) as Promise<T>;
  const bars = (i: number): Promise<Drawn[]> => page.evaluate((index) => (window as unknown as ProbeHooked).__tapedeck.paneBars(index) ?? [], i);
  /** The chart's top-left corner in the page (pane points are measured from it). */
  const chartBox = async (i: number): Promise<{ x: number; y: number; width: number; height: number }> => {
    const box = await pane(i).locator('[data-testid="chart-host"] .tv-lightweight-charts').first().boundingBox();
    if (box === null) throw new Error(`pane ${String(i)} has no chart`);
    return box;
  };
  const typeSymbol = async (i: number, symbol: string): Promise<void> => {
    await page.keyboard.press(`Alt+Digit${String(i + 1)}`);
    await page.keyboard.type(symbol.slice(0, 1).toLowerCase());
    await page.getByTestId('chart-symbol-input').pressSequentially(symbol.slice(1).toLowerCase());
    await page.keyboard.press('Enter');
  };
  const drawingsOf = (symbol: string): Promise<StoredDrawing[]> => call<StoredDrawing[]>('drawings.list', { source: 'sim', symbol });

  beforeAll(async () => {
    ws = await openWorkstation(chromiumPath ?? '', { width: 1440, height: 900 });
    page = ws.page;
    await page.goto(`${ws.serve.url}&e2e`);
    await waitPane(page, 0, { symbol: 'BTCUSDT' }, 60_000);
  });

  afterAll(async () => {
    await ws.close();
    await restarted?.stop();
  });

  it('adds SMA, EMA, VWAP, Bollinger, RSI, MACD and ATR from the pane menu: overlays on the candles, the rest in panes below, values of the bars drawn (the forming bar too), live, edited, kept after a reload', { timeout: 120_000 }, async () => {
    await pane(0).getByTestId('pane-tool-indicators').click();
    for (const kind of ['sma', 'ema', 'vwap', 'bb', 'rsi', 'macd', 'atr']) await page.getByTestId(`indicator-add-${kind}`).click();
    const labels = async (): Promise<string[] | undefined> => (await probe<IndicatorProbe[]>(0, 'indicators'))?.map((d) => `${d.label}@${String(d.pane)}`);
    await expect.poll(labels, SLOW).toEqual(['SMA 20@0', 'EMA 20@0', 'VWAP@0', 'BB 20 2@0', 'RSI 14@1', 'MACD 12 26 9@2', 'ATR 14@3']);

    await page.getByTestId('indicator-0-period').fill('5');
    await expect.poll(labels, SLOW).toEqual(['SMA 5@0', 'EMA 20@0', 'VWAP@0', 'BB 20 2@0', 'RSI 14@1', 'MACD 12 26 9@2', 'ATR 14@3']);
    await page.getByTestId('indicator-0-period').fill('0');
    expect(await page.getByTestId('indicator-0-period').getAttribute('aria-invalid')).toBe('true');
    expect(await labels()).toContain('SMA 5@0');
    await page.getByTestId('indicator-0-period').fill('5');
    await page.getByRole('dialog', { name: 'Indicators' }).getByRole('button', { name: 'Close' }).click();

    /** The indicators' values at the last bar against the same computed here from the bars the pane drew (read in one go). */
    interface Seen {
      readonly bars: Drawn[];
      readonly ind: IndicatorProbe[];
    }
    /** The bars drawn and the indicators' values, read in one go once the indicators have taken the latest tick (they follow it within a second). */
    const settled = async (): Promise<Seen> => {
      let seen: Seen | null = null;
      await expect
        .poll(
          async () => {
            seen = await page.evaluate(() => {
              const hook = (window as unknown as ProbeHooked).__tapedeck;
              return { bars: hook.paneBars(0) ?? [], ind: hook.paneProbe(0, 'indicators') as IndicatorProbe[] };
            });
            return near(seen.ind[0]?.last[0], mean(seen.bars.slice(-5).map((b) => b.close)));
          },
          { timeout: 10_000, interval: 50 },
        )
        .toBe(true);
      if (seen === null) throw new Error('nothing read');
      return seen;
    };
    const check = async (): Promise<number> => {
      const seen = await settled();
      const closes = seen.bars.map((b) => b.close);
      const n = closes.length;
      expect(n).toBeGreaterThan(100);
      const [sma, ema, vwap, bb, rsi, macd, atr] = seen.ind;
      // A value for every bar after the warm-up (the warm-up bars are blank, not drawn).
      expect(sma?.points).toEqual([n - 4]);
      expect(ema?.points).toEqual([n - 19]);
      expect(bb?.points).toEqual([n - 19, n - 19, n - 19]);
      expect(rsi?.points).toEqual([n - 14]);
      for (const d of [vwap, macd, atr]) {
        expect(d?.points.length ?? 0, d?.label).toBeGreaterThan(0);
        for (const p of d?.points ?? []) expect(p, d?.label).toBeGreaterThan(n - 40);
      }
      expect(near(sma?.last[0], mean(closes.slice(-5)))).toBe(true);
      expect(near(ema?.last[0], emaLast(closes, 20))).toBe(true);
      const day = Math.floor((seen.bars.at(-1)?.time ?? 0) / 86_400_000);
      const today = seen.bars.filter((b) => Math.floor(b.time / 86_400_000) === day);
      const pv = today.reduce((a, b) => a + ((b.high + b.low + b.close) / 3) * (b.volume ?? 0), 0);
      expect(near(vwap?.last[0], pv / today.reduce((a, b) => a + (b.volume ?? 0), 0))).toBe(true);
      const window20 = closes.slice(-20);
      const mid = mean(window20);
      const sd = Math.sqrt(mean(window20.map((c) => (c - mid) ** 2)));
      expect(near(bb?.last[1], mid)).toBe(true);
      expect(Math.abs((bb?.last[0] ?? 0) - (mid + 2 * sd))).toBeLessThan(1e-6 * mid);
      expect(Math.abs((bb?.last[2] ?? 0) - (mid - 2 * sd))).toBeLessThan(1e-6 * mid);
      expect(rsi?.last[0]).toBeGreaterThan(0);
      expect(rsi?.last[0]).toBeLessThan(100);
      // MACD's plots: the histogram (line - signal) under the line and the signal.
      const [hist, line, signal] = macd?.last ?? [];
      expect(near(hist, (line ?? 0) - (signal ?? 0))).toBe(true);
      expect(atr?.last[0]).toBeGreaterThan(0);
      return seen.bars.at(-1)?.close ?? 0;
    };
    const before = await check();
    // The forming bar moves with the sim's ticks: the values follow it.
    await expect.poll(async () => (await bars(0)).at(-1)?.close, { timeout: 60_000, interval: 200 }).not.toBe(before);
    await check();

    await page.reload();
    await waitPane(page, 0, { symbol: 'BTCUSDT' }, 60_000);
    await expect.poll(labels, SLOW).toEqual(['SMA 5@0', 'EMA 20@0', 'VWAP@0', 'BB 20 2@0', 'RSI 14@1', 'MACD 12 26 9@2', 'ATR 14@3']);
  });

  it('draws the opening range of each day (the 09:30 5m candle\u2019s high and low, and mid) and the time-window marker lines for sim SPY 5m, at what strategies.overlay returns', { timeout: 60_000 }, async () => {
    await typeSymbol(0, 'SPY');
    await waitPane(page, 0, { symbol: 'SPY', interval: '5m' }, 60_000);
    await pane(0).getByTestId('pane-tool-levels').click();
    await expect.poll(async () => (await probe<LevelsProbe>(0, 'levels'))?.drawn.segments.filter((s) => s.kind === 'range-high').length ?? 0, SLOW).toBeGreaterThan(0);
    const levels = (await probe<LevelsProbe>(0, 'levels')) as LevelsProbe;
    expect(levels.requests.map((r) => `${r.strategy} ${r.source} ${r.symbol} ${r.interval}`)).toEqual(['orb sim SPY 5m', 'time-window sim SPY 5m']);
    const [orbAsk, twAsk] = levels.requests;
    const orb = await call<Overlay>('strategies.overlay', orbAsk);
    const tw = await call<Overlay>('strategies.overlay', twAsk);
    const drawnBars = await bars(0);

    // The chosen day: the last whose range is drawn.
    const high = levels.drawn.segments.filter((s) => s.kind === 'range-high').at(-1);
    if (high === undefined) throw new Error('no opening range drawn');
    const day = (kind: string) => orb.levels.find((l) => l.kind === kind && l.from === high.from);
    const first = drawnBars.find((b) => b.time === high.from);
    expect(first, 'the 09:30 candle').toBeDefined();
    expect(new Intl.DateTimeFormat('en-US', { timeZone: 'America/New_York', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).format(high.from)).toBe('09:30');
    expect(high.price).toBe(first?.high);
    expect(day('range-high')?.price).toBe(first?.high);
    expect(day('range-low')?.price).toBe(first?.low);
    const low = levels.drawn.segments.find((s) => s.kind === 'range-low' && s.from === high.from);
    const mid = levels.drawn.segments.find((s) => s.kind === 'range-mid' && s.from === high.from);
    expect(low?.price).toBe(first?.low);
    expect(mid?.price).toBe(((first?.high ?? 0) + (first?.low ?? 0)) / 2);
    expect(low?.y ?? 0).toBeGreaterThan(high.y);

    // Time-window: each past marker line drawn is one the strategy returned; block high/low segments too.
    const past = levels.drawn.markers.filter((m) => !m.next);
    expect(past.length).toBeGreaterThan(0);
    for (const m of past) expect(tw.markers.past).toContain(m.time);
    const blocks = levels.drawn.segments.filter((s) => s.kind === 'block-high' || s.kind === 'block-low');
    expect(blocks.length).toBeGreaterThan(0);
    for (const b of blocks) expect(tw.levels.some((l) => l.kind === b.kind && l.price === b.price && l.from === b.from)).toBe(true);
  });

  it('replays from a bar picked on the chart (Alt+R): bars before it shown, 10 steps end on the 10th bar after it, the next marker line drawn highlighted before it prints, Stop returns to live', { timeout: 120_000 }, async () => {
    if ((await paneStates(page))[0]?.symbol !== 'SPY') await typeSymbol(0, 'SPY');
    const live = await waitPane(page, 0, { symbol: 'SPY', interval: '5m' }, 60_000);
    await page.keyboard.press('Alt+KeyR');
    await expect.poll(() => page.getByTestId('replay-pick').isVisible(), SLOW).toBe(true);
    const box = await chartBox(0);
    await page.mouse.click(box.x + box.width * 0.45, box.y + box.height * 0.3);
    const bar = pane(0).getByTestId('pane-replay');
    await expect.poll(() => bar.isVisible(), SLOW).toBe(true);
    const start = Number(await bar.getAttribute('data-start'));
    expect(start).toBeLessThan(live.last ?? 0);
    await expect.poll(async () => (await paneStates(page))[0]?.source, SLOW).toBe('replay');
    await expect.poll(async () => (await paneStates(page))[0]?.last, SLOW).toBe(start);
    let state = await waitPane(page, 0, { symbol: 'SPY' });
    expect(state.status).toBe('ready');
    expect(state.first ?? start).toBeLessThan(start - 100 * FIVE_MIN);
    expect((await bars(0)).every((b) => b.time <= start)).toBe(true);

    // bars.get answers the newest bars of a range: the ten after the start are the first ten of a bounded one.
    const after = await call<{ bars: Drawn[] }>('bars.get', { source: 'sim', symbol: 'SPY', interval: '5m', from: start + 1, to: start + 5 * 86_400_000, limit: 50_000 });
    const want = { bars: after.bars.slice(0, 10) };
    expect(want.bars).toHaveLength(10);
    for (let k = 1; k <= 10; k++) {
      await pane(0).getByTestId('pane-replay-step').click();
      const expected = want.bars[k - 1]?.time;
      await expect.poll(async () => (await paneStates(page))[0]?.last, SLOW).toBe(expected);
    }
    state = (await paneStates(page))[0] ?? state;
    expect(state.last).toBe(want.bars[9]?.time);

    // The levels work on the replay as live: the next marker is drawn, highlighted, before its bar prints.
    if ((await probe<LevelsProbe>(0, 'levels')) === null) await pane(0).getByTestId('pane-tool-levels').click();
    await expect.poll(async () => (await probe<LevelsProbe>(0, 'levels'))?.drawn.markers.filter((m) => m.next).length ?? 0, SLOW).toBe(1);
    const levels = (await probe<LevelsProbe>(0, 'levels')) as LevelsProbe;
    const twAsk = levels.requests.find((r) => r.strategy === 'time-window');
    expect(twAsk?.source).toBe('sim');
    const tw = await call<Overlay>('strategies.overlay', twAsk);
    const next = levels.drawn.markers.find((m) => m.next);
    expect(next?.time).toBe(tw.markers.next[0]);
    expect(next?.time ?? 0).toBeGreaterThan(state.last ?? 0);

    await pane(0).getByTestId('pane-replay-stop').click();
    await expect.poll(async () => (await paneStates(page))[0]?.source, SLOW).toBe('sim');
    state = await waitPane(page, 0, { symbol: 'SPY', interval: '5m' });
    expect(state.status).toBe('ready');
    expect(state.bars).toBeGreaterThanOrEqual(2000);
    expect(state.last).toBe(live.last);
    expect(await pane(0).textContent()).not.toContain('No data');
    expect(await bar.count()).toBe(0);
  });

  it('places, drags and deletes drawings (horizontal line, vertical line, rectangle), stored per symbol and shown on every pane of it', { timeout: 90_000 }, async () => {
    await page.getByTestId('layout-2h').click();
    await expect.poll(async () => (await paneStates(page)).length, SLOW).toBe(2);
    if ((await paneStates(page))[0]?.symbol !== 'SPY') await typeSymbol(0, 'SPY');
    await typeSymbol(1, 'SPY');
    await waitPane(page, 1, { symbol: 'SPY' }, 60_000);
    await page.keyboard.press('Alt+Digit1');

    // A horizontal line: a click where it goes.
    let box = await chartBox(0);
    await pane(0).getByTestId('pane-tool-hline').click();
    const at = { x: box.x + box.width * 0.6, y: box.y + box.height * 0.25 };
    await page.mouse.click(at.x, at.y);
    await expect.poll(async () => (await drawingsOf('SPY')).map((d) => d.kind), SLOW).toEqual(['hline']);
    const [line] = await drawingsOf('SPY');
    const shown = (await probe<DrawingsProbe>(0, 'drawings'))?.shapes.find((s) => s.id === line?.id);
    expect(Math.abs((shown?.y ?? 0) - (at.y - box.y))).toBeLessThan(2);
    await expect.poll(async () => (await probe<DrawingsProbe>(1, 'drawings'))?.shapes.map((s) => s.id), SLOW).toEqual([line?.id]);

    // Dragged 60 px down: a lower price, stored.
    await page.mouse.move(at.x - 100, at.y);
    await page.mouse.down();
    await page.mouse.move(at.x - 100, at.y + 30, { steps: 4 });
    await page.mouse.move(at.x - 100, at.y + 60, { steps: 4 });
    await page.mouse.up();
    await expect.poll(async () => (await drawingsOf('SPY'))[0]?.price ?? 0, SLOW).toBeLessThan(line?.price ?? 0);
    const moved = (await probe<DrawingsProbe>(0, 'drawings'))?.shapes.find((s) => s.id === line?.id);
    expect(Math.abs((moved?.y ?? 0) - (at.y + 60 - box.y))).toBeLessThan(2);

    // A vertical line on a bar, and a rectangle dragged over bars and prices.
    box = await chartBox(0);
    await pane(0).getByTestId('pane-tool-vline').click();
    await page.mouse.click(box.x + box.width * 0.3, box.y + box.height * 0.15);
    await expect.poll(async () => (await drawingsOf('SPY')).map((d) => d.kind).sort(), SLOW).toEqual(['hline', 'vline']);
    await pane(0).getByTestId('pane-tool-rect').click();
    await page.mouse.move(box.x + box.width * 0.4, box.y + box.height * 0.08);
    await page.mouse.down();
    await page.mouse.move(box.x + box.width * 0.5, box.y + box.height * 0.12, { steps: 5 });
    await page.mouse.move(box.x + box.width * 0.55, box.y + box.height * 0.18, { steps: 5 });
    await page.mouse.up();
    await expect.poll(async () => (await drawingsOf('SPY')).map((d) => d.kind).sort(), SLOW).toEqual(['hline', 'rect', 'vline']);
    const all = await drawingsOf('SPY');
    const drawnTimes = new Set((await bars(0)).map((b) => b.time));
    const vline = all.find((d) => d.kind === 'vline');
    expect(drawnTimes.has(vline?.time ?? 0)).toBe(true);
    const rect = all.find((d) => d.kind === 'rect');
    expect(rect?.top ?? 0).toBeGreaterThan(rect?.bottom ?? 0);
    expect(rect?.to ?? 0).toBeGreaterThan(rect?.from ?? 0);
    expect(drawnTimes.has(rect?.from ?? 0)).toBe(true);
    await expect.poll(async () => (await probe<DrawingsProbe>(1, 'drawings'))?.shapes.length, SLOW).toBe(3);
    expect(await drawingsOf('BTCUSDT')).toEqual([]);

    // Deleted: the vertical line from its right-click menu; a second horizontal line selected and Delete.
    const vx = (await probe<DrawingsProbe>(0, 'drawings'))?.shapes.find((s) => s.kind === 'vline')?.x ?? 0;
    await page.mouse.click(box.x + vx, box.y + box.height * 0.4, { button: 'right' });
    await page.getByTestId('drawing-delete').click();
    await expect.poll(async () => (await drawingsOf('SPY')).map((d) => d.kind).sort(), SLOW).toEqual(['hline', 'rect']);
    await pane(0).getByTestId('pane-tool-hline').click();
    await page.mouse.click(box.x + box.width * 0.5, box.y + box.height * 0.42);
    await expect.poll(async () => (await drawingsOf('SPY')).length, SLOW).toBe(3);
    const extra = (await probe<DrawingsProbe>(0, 'drawings'))?.selected;
    expect(extra).not.toBeNull();
    await page.keyboard.press('Delete');
    await expect.poll(async () => (await drawingsOf('SPY')).map((d) => d.id).includes(extra ?? ''), SLOW).toBe(false);
    expect((await drawingsOf('SPY')).map((d) => d.kind).sort()).toEqual(['hline', 'rect']);
  });

  it('shows a backtest\u2019s trades on the chart from the Backtests tab, each entry and exit marker at its fill', { timeout: 120_000 }, async () => {
    await page.getByTestId('tab-backtests').click();
    await page.getByTestId('backtest-form').waitFor({ timeout: SLOW.timeout });
    await page.getByTestId('backtest-pane-setup').click();
    await page.getByTestId('backtest-source').fill('sim');
    await page.getByTestId('backtest-symbol').fill('ETHUSDT');
    await page.getByTestId('backtest-interval').selectOption('1h');
    await page.getByTestId('backtest-strategy').selectOption('sma-cross');
    await page.getByTestId('backtest-param-fast').fill('10');
    await page.getByTestId('backtest-param-slow').fill('30');
    await page.getByTestId('backtest-run').click();
    await expect.poll(() => page.getByTestId('backtest-result').isVisible(), SLOW).toBe(true);
    const id = (await page.getByTestId('backtest-result').getAttribute('data-run')) ?? '';
    const run = await call<{ result: { trades: { entryTime: number; entryPrice: number; exitTime: number; exitPrice: number }[] } }>('backtest.get', { id });
    expect(run.result.trades.length).toBeGreaterThan(0);

    await page.keyboard.press('Alt+Digit2');
    await page.getByTestId('backtest-show-on-chart').click();
    await waitPane(page, 1, { symbol: 'ETHUSDT' }, 60_000);
    await pane(1).getByTestId('chart-interval-1h').click();
    await waitPane(page, 1, { symbol: 'ETHUSDT', interval: '1h' });
    await expect.poll(async () => ((await probe<Marker[]>(1, 'markers')) ?? []).filter((m) => m.id?.startsWith('bt') === true).length, SLOW).toBeGreaterThan(0);
    const markers = ((await probe<Marker[]>(1, 'markers')) ?? []).filter((m) => m.id?.startsWith('bt') === true);
    const first = (await bars(1))[0]?.time ?? 0;
    const expected = run.result.trades.flatMap((t, i) => [
      { id: `bt${String(i)}:entry`, time: t.entryTime, price: t.entryPrice },
      { id: `bt${String(i)}:exit`, time: t.exitTime, price: t.exitPrice },
    ]);
    const onChart = expected.filter((m) => m.time >= first);
    expect(onChart.length).toBeGreaterThan(0);
    expect(markers.map((m) => `${m.id ?? ''} ${String(m.price)}`).sort()).toEqual(onChart.map((m) => `${m.id} ${String(m.price)}`).sort());
  });

  it('keeps indicators and drawings across a restart of serve, and screenshots a 2×2 layout with indicators, levels and drawings', { timeout: 120_000 }, async () => {
    const before = (await drawingsOf('SPY')).map((d) => d.id).sort();
    expect(ws.consoleErrors).toEqual([]);
    await ws.serve.stop();
    restarted = await startServeProcess(ws.dir.path);
    await page.goto(`${restarted.url}&e2e`);
    await waitPane(page, 0, { symbol: 'SPY' }, 60_000);
    expect((await drawingsOf('SPY')).map((d) => d.id).sort()).toEqual(before);
    await expect.poll(async () => (await probe<DrawingsProbe>(0, 'drawings'))?.shapes.map((s) => s.id).sort(), SLOW).toEqual(before);

    await page.getByTestId('layout-4').click();
    await expect.poll(async () => (await paneStates(page)).length, SLOW).toBe(4);
    await Promise.all([0, 1, 2, 3].map((i) => waitPane(page, i, {}, 60_000)));
    await expect.poll(async () => (await probe<IndicatorProbe[]>(0, 'indicators'))?.length ?? 0, SLOW).toBe(7);
    await expect.poll(async () => (await probe<LevelsProbe>(0, 'levels'))?.drawn.segments.length ?? 0, SLOW).toBeGreaterThan(0);
    await page.mouse.move(5, 5);

    // chart.screenshot: each pane of the symbol renders itself (with what is drawn on it) to a PNG the core stores.
    const spyPanes = (await paneStates(page)).filter((p) => p.symbol === 'SPY').map((p) => p.pane);
    expect(spyPanes.length).toBeGreaterThan(0);
    const shot = await call<{ shots: { path: string; pane: number; symbol: string; bytes: number }[] }>('chart.screenshot', { symbol: 'SPY', reason: 'e2e' });
    expect(shot.shots.map((x) => x.pane).sort()).toEqual(spyPanes);
    for (const x of shot.shots) {
      const png = readFileSync(join(ws.dir.path, x.path));
      expect(png.subarray(0, 8).toString('hex')).toBe('89504e470d0a1a0a');
      expect(png.length).toBe(x.bytes);
      expect(x.bytes).toBeGreaterThan(10_000);
    }
    await page.screenshot({ path: `${ARTIFACTS}chart-tools-2x2.png` });
    if (process.env.UPDATE_DOCS_SHOT === '1') copyFileSync(`${ARTIFACTS}chart-tools-2x2.png`, DOCS_SHOT);
    // The page's socket to the stopped serve failing is expected; nothing else.
    expect(ws.consoleErrors.filter((e) => !e.includes('ERR_CONNECTION_REFUSED'))).toEqual([]);
  });
});
