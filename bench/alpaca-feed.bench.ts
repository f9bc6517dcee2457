/**
 * The Alpaca market-data path, in one process against the fake Alpaca
 * (test/integration/alpaca/fake):
 *  1. stock-stream trade → in-process subscriber latency: the fake stream
 *     sends one AAPL trade per frame at 5,000 trades/s over loopback, paced in
 *     real time; a core with only an AlpacaFeed turns them into merged 1m
 *     updates (parse, session filter, candle builder, merger, live hub).
 *     Every trade has a unique price, so an update names exactly one trade.
 *     The core's clock runs from a Wednesday 15:00 UTC (in session) at wall speed.
 *  2. a month of 1m history for one symbol ingested: connect (one probe) and
 *     the history filler completing January 2024 of AAPL into a fresh store,
 *     as `tapedeck ingest alpaca` does (paged REST, read-ahead, store upserts).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PerformanceObserver, type PerformanceEntry } from 'node:perf_hooks';
import type { Bar } from '../shared/domain/bar';
import { createCore, type Core } from '../src-main/platform/app/core';
import { AlpacaFeed } from '../src-main/market-data/feeds/alpaca/alpaca-feed';
import { staticCredentials } from '../src-main/market-data/feeds/alpaca/credentials';
import type { MergedUpdate } from '../src-main/market-data/engine/bar-merger';
import { startFakeAlpaca, type FakeAlpaca } from '../test/integration/alpaca/fake/fake-alpaca';
import type { FakeTrade } from '../test/integration/alpaca/fake/fake-market';
import { prng } from './support/prng';
import { fmt, fmtInt, median, quantile } from './support/stats';
import { progress, report } from './support/result';

const RATE = 5_000;
const WARMUP = RATE * 2;
const WINDOWS = 4;
const PER_WINDOW = RATE * 5;
const TOTAL = WARMUP + WINDOWS * PER_WINDOW;
const LATENCY_TARGET_MS = 2;
const INGEST_TARGET_MS = 2_000;
const INGEST_RUNS = 5;
const SYMBOL = 'AAPL';
/** Wednesday 2024-01-03 15:00 UTC (10:00 New York): the bench's market time starts here. */
const SESSION = Date.UTC(2024, 0, 3, 15);
const DEADLINE_MS = 120_000;
const quiet = { error: () => undefined, warn: () => undefined };
const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));

async function until(done: () => boolean, what: string, ms = 15_000): Promise<void> {
  const deadline = Date.now() + ms;
  while (!done()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await sleep(2);
  }
}

/** `n` distinct prices in cents, zig-zagging within a dollar and drifting up a dollar per 100 trades (as the Binance bench). */
function uniquePrices(n: number): Int32Array {
  const rnd = prng(15_000);
  const out = new Int32Array(n);
  const block = Array.from({ length: 100 }, (_, k) => k);
  for (let start = 0; start < n; start += 100) {
    for (let k = 99; k > 0; k--) {
      const j = Math.floor(rnd() * (k + 1));
      [block[k], block[j]] = [block[j] as number, block[k] as number];
    }
    for (let k = 0; k < 100 && start + k < n; k++) out[start + k] = 18_000 + start + (block[k] as number);
  }
  return out;
}

const cleanups: (() => Promise<void> | void)[] = [];
const tempDir = (prefix: string): string => {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  cleanups.push(() => rmSync(dir, { recursive: true, force: true }));
  return dir;
};

function alpacaCore(fake: FakeAlpaca, now: () => number, prefix: string): Core {
  const core = createCore({
    dataDir: tempDir(prefix),
    mode: 'serve',
    log: quiet,
    clock: { now },
    feeds: ({ clock, ticker }) => [
      new AlpacaFeed({
        config: { dataUrl: fake.dataUrl, dataStreamUrl: fake.streamUrl, feed: 'iex', adjustment: 'raw', symbols: [] },
        credentials: staticCredentials(fake.keys.keyId, fake.keys.secret),
        clock,
        ticker,
        log: quiet,
      }),
    ],
  });
  cleanups.push(() => core.close());
  return core;
}

async function latency(): Promise<void> {
  const t0 = performance.now();
  const now = (): number => SESSION + Math.floor(performance.now() - t0);
  const fake = await startFakeAlpaca({ now });
  cleanups.push(() => fake.close());
  const core = alpacaCore(fake, now, 'tapedeck-bench-alpaca-live-');
  await core.market.connect();
  const prices = uniquePrices(TOTAL);
  const indexOfCents = new Map<number, number>();
  for (let i = 0; i < TOTAL; i++) indexOfCents.set(prices[i] as number, i);
  const sentAt = new Float64Array(TOTAL).fill(Number.NaN);
  const arrivedAt = new Float64Array(TOTAL).fill(Number.NaN);
  const tradeOf = (b: Bar): number | undefined => indexOfCents.get(Math.round(b.close * 100));
  let updates = 0;
  const stop = core.market.live.subscribe('alpaca', SYMBOL, {
    deliver: (u: MergedUpdate) => {
      const at = performance.now();
      updates++;
      const i = tradeOf(u.bar);
      if (i !== undefined && Number.isNaN(arrivedAt[i])) arrivedAt[i] = at;
    },
  });
  cleanups.push(stop);
  await until(() => fake.stream.connections().some((s) => s.subscriptions.trades.has(SYMBOL)), 'the trades subscription at the fake');

  const pace = async (from: number, to: number): Promise<void> => {
    const start = performance.now();
    let next = from;
    while (next < to) {
      const due = Math.min(to, from + Math.floor(((performance.now() - start) * RATE) / 1000) + 1);
      for (; next < due; next++) {
        const trade: FakeTrade = { id: 1_000_000 + next, time: now(), cents: prices[next] as number, size: 1 + ((next * 7919) % 500), exchange: 'V' };
        sentAt[next] = performance.now();
        if (fake.stream.trades(SYMBOL, [trade]) !== 1) throw new Error('the fake has no socket subscribed to AAPL trades');
      }
      await sleep(1);
    }
  };
  await pace(0, WARMUP);
  await sleep(200);
  globalThis.gc?.();
  const gcs: PerformanceEntry[] = [];
  const observer = new PerformanceObserver((list) => gcs.push(...list.getEntries()));
  observer.observe({ entryTypes: ['gc'] });
  const sendStart = performance.now();
  await pace(WARMUP, TOTAL);
  const sendSeconds = (performance.now() - sendStart) / 1000;
  await until(() => !Number.isNaN(arrivedAt[TOTAL - 1]), 'the last trade', 5_000).catch(() => undefined);
  observer.disconnect();

  const lat = (a: number, b: number): number[] => {
    const out: number[] = [];
    for (let i = a; i < b; i++) if (!Number.isNaN(arrivedAt[i])) out.push((arrivedAt[i] as number) - (sentAt[i] as number));
    return out;
  };
  const all = lat(WARMUP, TOTAL);
  if (all.length === 0) throw new Error('no trade reached the subscriber');
  const windows = Array.from({ length: WINDOWS }, (_, w) => quantile(lat(WARMUP + w * PER_WINDOW, WARMUP + (w + 1) * PER_WINDOW), 0.99));
  const p99 = median(windows);
  const ms = (v: number): string => `${fmt(v, 3)} ms`;
  const detail =
    `p50 ${ms(quantile(all, 0.5))}, p99 ${ms(quantile(all, 0.99))}, max ${ms(Math.max(...all))} over ${fmtInt(all.length)}/${fmtInt(TOTAL - WARMUP)} trades delivered; ` +
    `window p99s ${windows.map(ms).join(', ')}; sent at ${fmtInt((TOTAL - WARMUP) / sendSeconds)}/s; ${fmtInt(updates)} merged updates; ` +
    `GC ${String(gcs.length)} pauses, longest ${fmt(gcs.reduce((m, e) => Math.max(m, e.duration), 0), 1)} ms`;
  progress(detail);
  report({
    name: 'alpaca-stream-latency',
    what:
      `Fake Alpaca stock stream on 127.0.0.1 sends one AAPL trade per frame at ${fmtInt(RATE)} trades/s (real time) to a core with only an AlpacaFeed; ` +
      'latency from the fake\'s send to the core.market.live subscriber (loopback socket + parseStreamFrame + session filter + candle builder + merger + live hub)',
    measured: `p99 ${ms(p99)}`,
    target: `p99 <= ${String(LATENCY_TARGET_MS)} ms`,
    pass: p99 <= LATENCY_TARGET_MS,
    notes: `median of ${String(WINDOWS)} windows of ${fmtInt(PER_WINDOW)} trades after ${fmtInt(WARMUP)} warm-up trades; one process, performance.now(); ${detail}`,
  });
}

async function ingestMonth(): Promise<void> {
  const NOW = Date.UTC(2024, 1, 1, 12);
  const FROM = Date.UTC(2024, 0, 1);
  const TO = Date.UTC(2024, 1, 1);
  const fake = await startFakeAlpaca({ now: () => NOW });
  cleanups.push(() => fake.close());
  const times: number[] = [];
  let bars = 0;
  let requests = 0;
  for (let run = 0; run < INGEST_RUNS + 1; run++) {
    const before = fake.http.requests.length;
    const core = alpacaCore(fake, () => NOW, 'tapedeck-bench-alpaca-ingest-');
    const start = performance.now();
    const feed = core.market.feeds.get('alpaca');
    await feed?.connect();
    const failures = await core.market.service.prepare('alpaca', SYMBOL, FROM, TO);
    const elapsed = performance.now() - start;
    if (failures.length > 0) throw new Error(`ingest failed: ${failures[0]?.message ?? ''}`);
    bars = core.bars.range({ source: 'alpaca', symbol: SYMBOL, interval: '1m' }, FROM, TO).length;
    requests = fake.http.requests.length - before;
    // The first run warms the JIT and the fake's code paths.
    if (run > 0) times.push(elapsed);
    core.close();
  }
  const med = median(times);
  const detail = `${fmtInt(bars)} bars (21 sessions × 390) in ${String(requests)} requests per run; runs ${times.map((t) => `${fmt(t, 0)} ms`).join(', ')}`;
  progress(detail);
  report({
    name: 'alpaca-history-month',
    what:
      'A month (January 2024) of AAPL 1m history ingested from the fake Alpaca REST into a fresh store: connect probe, first-bar lookup, paged /v2/stocks/AAPL/bars ' +
      '(two-week read-ahead, regular session kept, pre/post-market left out), store upserts, venue-gap bookkeeping; the fake generates its bars in the same process',
    measured: `${fmt(med, 0)} ms`,
    target: `<= ${fmtInt(INGEST_TARGET_MS)} ms`,
    pass: med <= INGEST_TARGET_MS,
    notes: `median of ${String(INGEST_RUNS)} runs after one warm-up, each into a fresh data dir; ${detail}`,
  });
}

const watchdog = setTimeout(() => {
  console.error(`alpaca-feed: still running after ${String(DEADLINE_MS / 1000)} s, giving up`);
  process.exit(1);
}, DEADLINE_MS);
watchdog.unref();
try {
  await latency();
  await ingestMonth();
} finally {
  for (const c of cleanups.splice(0).reverse()) await c();
}
