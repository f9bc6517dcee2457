/**
 * 1,000 orders/s through the risk manager and the paper broker for 60 s:
 * `orders.place` through the core's dispatcher (contract validation, risk
 * gate, paper step, ledger transaction with fsync, events), paced in real
 * time (whatever is due at each ~1 ms tick), market orders alternating buy
 * and sell on 20 quoted symbols, so each fills after the paper latency
 * (default 100 ms) and the live set stays bounded (~100 orders). Latency per
 * order from the moment it was due to its reply, reported as p50/p99 per
 * 10 s window: the target is no growth from the first window to the last.
 */
import { loadavg } from 'node:os';
import { prng } from './support/prng';
import { progress, report } from './support/result';
import { fmt, fmtInt, median, quantile } from './support/stats';
import { tradingBenchCore } from './support/trading-core';

const RATE = 1_000;
const SECONDS = Number(process.env['DIAG_SECONDS'] ?? 60);
const WINDOW_S = 10;
const WARMUP_S = 3;
const TOTAL = RATE * SECONDS;

const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));

async function main(): Promise<void> {
  const fx = await tradingBenchCore('tapedeck-bench-throughput-');
  if (process.env['DIAG_SYNC'] !== undefined) fx.core.db.pragma(`synchronous = ${process.env['DIAG_SYNC']}`);
  const rnd = prng(7);
  let mid = 100;
  const pump = setInterval(() => {
    mid = Math.max(50, Math.round((mid + (rnd() - 0.5) * 0.04) * 100) / 100);
    fx.quoteAll(mid);
  }, 50);
  let fills = 0;
  fx.core.trading.events.on('fill', () => {
    fills++;
  });
  const position = new Map<string, number>();
  let failures = 0;
  let lastError = '';

  /** Places orders [from, to) at RATE per second of real time; returns their latencies from due time and from send. */
  const pace = async (from: number, to: number, dueLat: Float64Array, sendLat: Float64Array): Promise<void> => {
    const start = performance.now();
    let next = from;
    const pending: Promise<void>[] = [];
    while (next < to) {
      const due = Math.min(to, from + Math.floor(((performance.now() - start) * RATE) / 1000) + 1);
      for (; next < due; next++) {
        const i = next;
        const symbol = fx.symbols[i % fx.symbols.length] ?? 'BTCUSD';
        const held = position.get(symbol) ?? 0;
        const side = held > 0 ? 'sell' : 'buy';
        position.set(symbol, held > 0 ? 0 : 1);
        const dueAt = start + ((i - from) * 1000) / RATE;
        const sentAt = performance.now();
        pending.push(
          fx.core.dispatcher.call('orders.place', { accountId: fx.accountId, source: 'binance', symbol, side, qty: 1, type: 'market', tif: 'gtc', clientOrderId: `t-${String(i)}` }).then((r) => {
            const done = performance.now();
            dueLat[i - from] = done - dueAt;
            sendLat[i - from] = done - sentAt;
            if (!r.ok) {
              failures++;
              lastError = r.error.message;
            }
          }),
        );
      }
      await sleep(1);
    }
    await Promise.all(pending);
  };

  const warm = RATE * WARMUP_S;
  await pace(0, warm, new Float64Array(warm), new Float64Array(warm));
  await sleep(300);
  globalThis.gc?.();
  const heapBefore = process.memoryUsage().heapUsed;
  const load = loadavg()[0] ?? 0;
  const dueLat = new Float64Array(TOTAL);
  const sendLat = new Float64Array(TOTAL);
  const t0 = performance.now();
  await pace(warm, warm + TOTAL, dueLat, sendLat);
  const wall = performance.now() - t0;
  await sleep(300);
  globalThis.gc?.();
  const heapAfter = process.memoryUsage().heapUsed;
  const liveAtEnd = fx.core.trading.desk.allBrokers().reduce((n, b) => n + b.liveOrders().length, 0);
  clearInterval(pump);
  fx.close();

  const perWindow = RATE * WINDOW_S;
  const windows: { p50: number; p99: number; sendP99: number }[] = [];
  for (let w = 0; w < SECONDS / WINDOW_S; w++) {
    const slice = Array.from(dueLat.subarray(w * perWindow, (w + 1) * perWindow));
    const sent = Array.from(sendLat.subarray(w * perWindow, (w + 1) * perWindow));
    windows.push({ p50: median(slice), p99: quantile(slice, 0.99), sendP99: quantile(sent, 0.99) });
  }
  for (const [i, w] of windows.entries()) progress(`window ${String(i + 1)}: p50 ${fmt(w.p50, 2)} ms, p99 ${fmt(w.p99, 2)} ms`);
  const first = windows[0] ?? { p50: Number.NaN, p99: Number.NaN, sendP99: Number.NaN };
  const last = windows.at(-1) ?? first;
  const rate = (TOTAL / wall) * 1000;
  const all = Array.from(dueLat);
  // No growth: the last window's p99 within 1.5× the first's (plus 2 ms of scheduling noise), every order placed, the rate held.
  const pass = failures === 0 && rate >= RATE * 0.98 && last.p99 <= first.p99 * 1.5 + 2;
  report({
    name: 'trading-order-throughput',
    what: `${fmtInt(RATE)} orders/s for ${String(SECONDS)} s through the risk manager and the paper broker (orders.place via the core's dispatcher: validation, risk gate, paper step, ledger transaction, events), market orders alternately buying and selling 20 quoted symbols (each fills after the default 100 ms paper latency, so the live set stays ~100); latency from each order's due time to its reply`,
    measured: `p99 ${windows.map((w) => fmt(w.p99, 1)).join(' / ')} ms per 10 s`,
    target: 'no growth (last window p99 <= 1.5× the first + 2 ms), 1,000/s held, none refused',
    pass,
    notes: `p50 per window ${windows.map((w) => fmt(w.p50, 2)).join(' / ')} ms; overall p50 ${fmt(median(all), 2)} ms, p99 ${fmt(quantile(all, 0.99), 2)} ms, max ${fmt(Math.max(...all), 1)} ms; send-to-reply p99 per window ${windows.map((w) => fmt(w.sendP99, 1)).join(' / ')} ms; ${fmtInt(TOTAL)} orders in ${fmt(wall / 1000, 1)} s (${fmtInt(rate)}/s) after ${String(WARMUP_S)} s warm-up, ${String(failures)} refused${failures > 0 ? ` (${lastError})` : ''}, ${fmtInt(fills)} fills, ${String(liveAtEnd)} live at the end; heap ${fmt(heapBefore / 2 ** 20, 0)} → ${fmt(heapAfter / 2 ** 20, 0)} MB; SQLite WAL, synchronous=FULL; 1-min load ${fmt(load, 2)} (shared machine)`,
  });
}

await main();
