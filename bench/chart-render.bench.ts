/**
 * Issue 11: chart panes in Chromium, against a real `tapedeck serve` (built,
 * on a fresh data directory, loopback) and Debian's Chromium via playwright-core:
 * - switch-to-paint of a pane (a 2,000-bar snapshot): from the snapshot
 *   reaching the pane's stream to the first animation frame after setData;
 * - a pane drawn with 100,000 bars: two bars.get pages of 50,000 (the most a
 *   request returns) read by the page's own client, then from the second
 *   reply to the next animation frame after the series' setData;
 * - a scroll-back page of 2,000 older bars: from the bars.get reply to the
 *   next animation frame after the series was redrawn;
 * - four panes of live 1m charts for 60 s with seven indicators each and 50
 *   ticks/s per pane through the live update path: long tasks (PerformanceObserver).
 * The streams leave performance marks in a page opened with `?e2e` (chart/bar-stream.ts trace).
 */
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type Page } from 'playwright-core';
import WebSocket from 'ws';
import { OFFLINE_VENUES, startBenchServe } from './support/serve-process';
import { progress, report } from './support/result';
import { fmt, median, quantile } from './support/stats';

const CHROMIUM = '/usr/bin/chromium';
const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));
const LONG_TASK_WINDOW_MS = 60_000;
const TICKS_PER_SECOND = 50;
const INDICATORS = ['sma', 'ema', 'vwap', 'bb', 'rsi', 'macd', 'atr'] as const;

interface Hook {
  call(method: string, params: unknown): Promise<{ bars: unknown[]; older: number | null }>;
  tick(index: number): boolean;
  paneProbe(index: number, layer: string): unknown;
  scrollToStart(index: number): boolean;
  drawBars(index: number, bars: unknown[]): Promise<{ drawMs: number; paintMs: number } | null>;
}
type Hooked = Window & { readonly __tapedeck: Hook };

async function paneDataset(page: Page, index: number): Promise<Record<string, string | undefined>> {
  return page.$eval(`[data-testid="chart-pane"][data-pane="${String(index)}"]`, (el) => Object.fromEntries(Object.entries((el as HTMLElement).dataset)));
}

async function waitReady(page: Page, index: number, interval: string): Promise<void> {
  const until = Date.now() + 60_000;
  for (;;) {
    const d = await paneDataset(page, index);
    if (d['interval'] === interval && d['status'] === 'ready') return;
    if (Date.now() > until) throw new Error(`pane ${String(index)} never became ready on ${interval}: ${JSON.stringify(d)}`);
    await sleep(20);
  }
}

/** ms between the latest `from` and `to` marks of pane `index`, once `to` is there. */
async function markGap(page: Page, from: string, to: string, index: number): Promise<number> {
  const until = Date.now() + 30_000;
  for (;;) {
    const gap = await page.evaluate(
      ({ from, to, index }) => {
        const a = performance.getEntriesByName(`tapedeck:${from}:${String(index)}`).at(-1);
        const b = performance.getEntriesByName(`tapedeck:${to}:${String(index)}`).at(-1);
        return a === undefined || b === undefined || b.startTime < a.startTime ? null : b.startTime - a.startTime;
      },
      { from, to, index },
    );
    if (gap !== null) return gap;
    if (Date.now() > until) throw new Error(`no ${to} mark after ${from} on pane ${String(index)}`);
    await sleep(10);
  }
}

/** Starts a V8 CPU profile of the page's renderer when `to` names a file; the returned function stops it and writes it there. */
async function startProfile(page: Page, to: string | undefined): Promise<() => Promise<void>> {
  if (to === undefined) return () => Promise.resolve();
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Profiler.enable');
  await cdp.send('Profiler.setSamplingInterval', { interval: 500 });
  await cdp.send('Profiler.start');
  return async () => {
    const { profile } = await cdp.send('Profiler.stop');
    writeFileSync(to, JSON.stringify(profile));
    progress(`cpu profile written to ${to}`);
  };
}

/** Counts bars.updates frames per second for `series` on a socket of its own (the rate the panes receive). */
async function updateRate(url: string, series: readonly { symbol: string; interval: string }[], ms: number): Promise<number> {
  const u = new URL(url);
  const ws = new WebSocket(`ws://${u.host}/api/ws?token=${u.searchParams.get('token') ?? ''}`);
  await new Promise((resolve, reject) => {
    ws.once('open', resolve);
    ws.once('error', reject);
  });
  let updates = 0;
  ws.on('message', (data: Buffer) => {
    const f = JSON.parse(data.toString()) as { t: string; payload?: { kind?: string } };
    if (f.t === 'event' && f.payload?.kind === 'update') updates++;
  });
  series.forEach((s, i) => {
    ws.send(JSON.stringify({ t: 'sub', id: i + 1, event: 'bars.updates', params: { source: 'sim', ...s } }));
  });
  await sleep(2_000);
  updates = 0;
  await sleep(ms);
  ws.close();
  return updates / series.length / (ms / 1000);
}

async function run(): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'tapedeck-bench-chart-'));
  const serve = await startBenchServe(dir, { ...process.env, ...OFFLINE_VENUES });
  const browser = await chromium.launch({ executablePath: CHROMIUM, headless: true, args: ['--no-sandbox', '--headless', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking'] });
  try {
    const page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
    await page.goto(`${serve.url}&e2e`);
    await waitReady(page, 0, '5m');
    const pane0 = page.locator('[data-testid="chart-pane"][data-pane="0"]');

    // 1. Switch to paint: a 2,000-bar snapshot.
    const switches: number[] = [];
    const cycle = ['1m', '5m', '15m', '1h', '3m', '30m'];
    for (let n = 0; n < 24; n++) {
      const interval = cycle[n % cycle.length] ?? '5m';
      await pane0.getByTestId(`chart-interval-${interval}`).click();
      await waitReady(page, 0, interval);
      if (n >= 4) switches.push(await markGap(page, 'snapshot', 'snapshot-painted', 0));
    }
    progress(`switch-to-paint: median ${fmt(median(switches), 1)} ms`);
    report({
      name: 'chart-switch-paint',
      what: 'A pane switched to another interval: from its 2,000-bar snapshot reaching the stream to the first animation frame after setData (Chromium, tapedeck serve)',
      measured: `median ${fmt(median(switches), 1)} ms, p95 ${fmt(quantile(switches, 0.95), 1)} ms`,
      target: '<= 100 ms',
      pass: quantile(switches, 0.95) <= 100,
      notes: `${String(switches.length)} switches of BTCUSDT across 1m-1h after 4 warm-up; performance marks from the stream's trace; the wait for the core's snapshot is not included`,
    });

    // 2. 100,000 bars: two pages of 50,000 through the page's client, then drawn.
    await pane0.getByTestId('chart-interval-1m').click();
    await waitReady(page, 0, '1m');
    const big: { replyToPaint: number; draw: number; readMs: number }[] = [];
    for (let n = 0; n < 4; n++) {
      big.push(
        await page.evaluate(async () => {
          const hook = (window as unknown as Hooked).__tapedeck;
          const t0 = performance.now();
          const newest = await hook.call('bars.get', { source: 'sim', symbol: 'BTCUSDT', interval: '1m', limit: 50_000 });
          const first = newest.bars[0] as { time: number };
          const older = await hook.call('bars.get', { source: 'sim', symbol: 'BTCUSDT', interval: '1m', to: first.time, limit: 50_000 });
          const reply = performance.now();
          const bars = older.bars.concat(newest.bars);
          if (bars.length !== 100_000) throw new Error(`expected 100,000 bars, got ${String(bars.length)}`);
          const drawn = await hook.drawBars(0, bars);
          return { replyToPaint: performance.now() - reply, draw: drawn?.drawMs ?? Number.NaN, readMs: reply - t0 };
        }),
      );
    }
    const warm = big.slice(1);
    const paints = warm.map((b) => b.replyToPaint);
    progress(`100k bars: reply to paint ${paints.map((p) => fmt(p, 0)).join(', ')} ms`);
    report({
      name: 'chart-100k-first-paint',
      what: 'A pane drawn with 100,000 1m bars: from the second 50,000-bar bars.get reply to the next animation frame after setData (candles and volume)',
      measured: `median ${fmt(median(paints), 1)} ms, max ${fmt(Math.max(...paints), 1)} ms`,
      target: '<= 100 ms',
      pass: Math.max(...paints) <= 100,
      notes: `bars.get returns at most 50,000 bars, so the 100,000 are two pages read by the page's own client (${fmt(median(warm.map((b) => b.readMs)), 0)} ms for both, not counted), concatenated and drawn as a snapshot is (e2e hook drawBars: convert, setData, reset the view); setData itself ${fmt(median(warm.map((b) => b.draw)), 1)} ms; ${String(warm.length)} runs after one warm-up`,
    });

    // 3. Scroll-back pages of 2,000 older bars.
    await pane0.getByTestId('chart-interval-5m').click();
    await waitReady(page, 0, '5m');
    await pane0.getByTestId('chart-interval-1m').click();
    await waitReady(page, 0, '1m');
    const pages: number[] = [];
    // BENCH_CPU_PROFILE_SCROLL=<file>: the same over the scroll-back pages.
    const scrollProfile = await startProfile(page, process.env['BENCH_CPU_PROFILE_SCROLL']);
    for (let k = 0; k < 6; k++) {
      const before = Number((await paneDataset(page, 0))['first']);
      await page.evaluate(() => performance.clearMarks());
      await page.evaluate(() => (window as unknown as Hooked).__tapedeck.scrollToStart(0));
      pages.push(await markGap(page, 'older-reply', 'older-painted', 0));
      const until = Date.now() + 10_000;
      while (Number((await paneDataset(page, 0))['first']) >= before && Date.now() < until) await sleep(20);
    }
    await scrollProfile();
    const barsHeld = Number((await paneDataset(page, 0))['bars']);
    const drawnAfter = (await page.evaluate(() => (window as unknown as Hooked).__tapedeck.paneProbe(0, 'window'))) as { drawn: number; setAside: number };
    progress(`scroll-back: ${pages.map((p) => fmt(p, 1)).join(', ')} ms`);
    report({
      name: 'chart-scroll-back-page',
      what: 'Scrolling back on a 1m pane: a page of 2,000 older bars, from the bars.get reply to the next animation frame after the series was redrawn with it',
      measured: `median ${fmt(median(pages), 1)} ms, max ${fmt(Math.max(...pages), 1)} ms`,
      target: '<= 50 ms',
      pass: Math.max(...pages) <= 50,
      notes: `${String(pages.length)} pages, the pane holding 2,000 to ${String(barsHeld)} bars and drawing ${String(drawnAfter.drawn)} of them at the end (the newest ${String(drawnAfter.setAside)} set aside past 6,000 drawn, drawn again going forward); the view stays on the same bars`,
    });

    // 4. Four live panes for 60 s: long tasks.
    await page.getByTestId('layout-4').click();
    const symbols = ['BTCUSDT', 'ETHUSDT', 'SOLUSDT', 'BTCUSDT'];
    const intervals = ['1m', '1m', '1m', '5m'];
    for (let i = 0; i < 4; i++) {
      const pane = page.locator(`[data-testid="chart-pane"][data-pane="${String(i)}"]`);
      await pane.getByTestId(`chart-interval-${intervals[i] ?? '1m'}`).click();
      const d = await paneDataset(page, i);
      if (d['symbol'] !== symbols[i]) {
        await page.keyboard.press(`Alt+Digit${String(i + 1)}`);
        await page.keyboard.type((symbols[i] ?? '').toLowerCase());
        await page.keyboard.press('Enter');
      }
      await waitReady(page, i, intervals[i] ?? '1m');
    }
    // Indicators on every pane: SMA, EMA, VWAP, Bollinger over the candles; RSI, MACD, ATR below.
    for (let i = 0; i < 4; i++) {
      const pane = page.locator(`[data-testid="chart-pane"][data-pane="${String(i)}"]`);
      const count = ((await page.evaluate((index) => (window as unknown as Hooked).__tapedeck.paneProbe(index, 'indicators'), i)) as unknown[] | null)?.length ?? 0;
      if (count >= INDICATORS.length) continue;
      await pane.getByTestId('pane-tool-indicators').click();
      for (const kind of INDICATORS) await page.getByTestId(`indicator-add-${kind}`).click();
      await pane.getByTestId('pane-tool-indicators').click();
    }
    for (let i = 0; i < 4; i++) {
      const until = Date.now() + 10_000;
      while (((await page.evaluate((index) => (window as unknown as Hooked).__tapedeck.paneProbe(index, 'indicators'), i)) as unknown[] | null)?.length !== INDICATORS.length) {
        if (Date.now() > until) throw new Error(`pane ${String(i)} never drew its indicators`);
        await sleep(50);
      }
    }
    // BENCH_CPU_PROFILE=<file>: a V8 CPU profile of the renderer over the step (DevTools .cpuprofile), for finding the cost.
    const liveProfile = await startProfile(page, process.env['BENCH_CPU_PROFILE']);
    const held = await Promise.all([0, 1, 2, 3].map(async (i) => Number((await paneDataset(page, i))['bars'])));
    const windows = await Promise.all([0, 1, 2, 3].map((i) => page.evaluate((index) => (window as unknown as Hooked).__tapedeck.paneProbe(index, 'window'), i)));
    progress(`bars held per pane: ${held.join(', ')}; drawn and in view: ${JSON.stringify(windows)}`);
    const rate = updateRate(serve.url, symbols.map((symbol, i) => ({ symbol, interval: intervals[i] ?? '1m' })), LONG_TASK_WINDOW_MS - 4_000);
    // On top of the feed's own updates, 50 ticks/s per pane drawn through the live update path (e2e hook tick).
    const { tasks: longTasks, ticks } = await page.evaluate(
      async ({ ms, perSecond }) => {
        const hook = (window as unknown as Hooked).__tapedeck;
        const tasks: number[] = [];
        const observer = new PerformanceObserver((list) => {
          for (const e of list.getEntries()) tasks.push(e.duration);
        });
        observer.observe({ type: 'longtask' });
        let ticks = 0;
        const t0 = performance.now();
        const timer = setInterval(() => {
          // Catch up to the schedule: a late timer sends the ticks it owes.
          const owed = Math.floor(((performance.now() - t0) / 1000) * perSecond) - ticks;
          for (let k = 0; k < owed; k++) {
            for (let i = 0; i < 4; i++) hook.tick(i);
            ticks++;
          }
        }, 1000 / perSecond);
        await new Promise((r) => setTimeout(r, ms));
        clearInterval(timer);
        observer.disconnect();
        return { tasks, ticks: ticks / ((performance.now() - t0) / 1000) };
      },
      { ms: LONG_TASK_WINDOW_MS, perSecond: TICKS_PER_SECOND },
    );
    await liveProfile();
    const perPane = await rate;
    const longest = longTasks.length === 0 ? 0 : Math.max(...longTasks);
    progress(`long tasks over 60 s: ${String(longTasks.length)}, longest ${fmt(longest, 1)} ms; ${fmt(ticks, 1)} ticks/s + ${fmt(perPane, 1)} feed updates/s per pane`);
    report({
      name: 'chart-four-live-panes',
      what: 'Four live panes (BTCUSDT, ETHUSDT, SOLUSDT 1m, BTCUSDT 5m) for 60 s: long tasks (> 50 ms) in the renderer',
      measured: `${String(longTasks.length)} long tasks, longest ${fmt(longest, 1)} ms`,
      target: 'none > 50 ms at 50 updates/s per pane, indicators on',
      pass: longTasks.length === 0,
      notes: `PerformanceObserver('longtask'); 7 indicators per pane (SMA, EMA, VWAP, BB over the candles; RSI, MACD, ATR below); ${fmt(ticks, 1)} ticks/s per pane drawn through the live update path (e2e hook tick: the newest bar's close moved, series, indicators and layers updated) on top of the simulated feed's own ${fmt(perPane, 1)} bars.updates frames/s per pane (no feed here streams 50/s); pane 0 is the one scrolled back above (its live ticks wait, a price line moving), the panes take turns to paint (one live draw per frame)`,
    });
  } finally {
    await browser.close();
    serve.stop();
    await sleep(500);
    rmSync(dir, { recursive: true, force: true });
  }
}

if (!existsSync(join(process.cwd(), 'out/renderer/index.html')) || !existsSync(CHROMIUM)) {
  report({ name: 'chart-switch-paint', what: 'chart panes in Chromium', measured: 'not run', target: '<= 100 ms', pass: false, notes: 'needs `npm run build` and Debian chromium at /usr/bin/chromium' });
} else {
  await run();
}
