/**
 * Order → paper fill → position update, as a client of `tapedeck serve` sees
 * it: a `ws` client in this process sends `orders.place` (a market order on
 * a quoted instrument) over the serve WebSocket and waits for the
 * `positions.updates` event that shows the position it made. Measured from
 * just before the call frame is written to the moment that event frame is
 * read: the transport both ways, contract validation, the risk manager, the
 * paper broker's step, the ledger's transaction (orders, transitions, the
 * fill, audit lines), and the event fan-out.
 *
 * The paper broker's latency (default 100 ms, a simulated venue delay) is
 * set to 0 here: with it, every figure would be the measured one + ~101 ms
 * of deliberate waiting.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import WebSocket from 'ws';
import type { ServerFrame } from '../shared/contract';
import { startServeServer } from '../src-main/platform/serve/serve-server';
import { prng } from './support/prng';
import { progress, report } from './support/result';
import { fmt, fmtInt, median, quantile } from './support/stats';
import { tradingBenchCore } from './support/trading-core';

const WARMUP = 200;
const MEASURED = 2_000;
const TARGET_MS = 20;
const SYMBOL = 'BTCUSD';

const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));

async function main(): Promise<void> {
  const fx = await tradingBenchCore('tapedeck-bench-order-', { latencyMs: 0 });
  if (process.env['DIAG_SYNC'] !== undefined) fx.core.db.pragma(`synchronous = ${process.env['DIAG_SYNC']}`);
  const renderer = mkdtempSync(join(tmpdir(), 'tapedeck-bench-renderer-'));
  writeFileSync(join(renderer, 'index.html'), '<!doctype html><title>bench</title>');
  const server = await startServeServer({ core: fx.core, host: '127.0.0.1', port: 0, rendererDir: renderer });
  const client = new WebSocket(`ws://127.0.0.1:${String(server.port)}/api/ws?token=${server.token}`);
  await new Promise<void>((resolve, reject) => {
    client.once('open', () => resolve());
    client.once('error', reject);
  });

  // A quote stream (a seeded random walk around 100, every 20 ms), as a live venue's book.
  const rnd = prng(12);
  let mid = 100;
  const pump = setInterval(() => {
    mid = Math.max(50, Math.round((mid + (rnd() - 0.5) * 0.04) * 100) / 100);
    fx.quoteAll(mid);
  }, 20);

  let nextId = 1;
  let positionsSub: number | null = null;
  let waiting: { readonly qty: number; resolve: (at: number) => void } | null = null;
  const replies = new Map<number, (frame: ServerFrame) => void>();
  client.on('message', (data: Buffer) => {
    const at = performance.now();
    const frame = JSON.parse(data.toString('utf8')) as ServerFrame;
    if (frame.t === 'reply') {
      replies.get(frame.id)?.(frame);
      replies.delete(frame.id);
      return;
    }
    if (frame.t !== 'event' || frame.subscription !== positionsSub || waiting === null) return;
    const payload = frame.payload as { accountId: string; positions: { symbol: string; qty: number }[] };
    if (payload.accountId !== fx.accountId) return;
    const qty = payload.positions.find((p) => p.symbol === SYMBOL)?.qty ?? 0;
    if (qty === waiting.qty) {
      waiting.resolve(at);
      waiting = null;
    }
  });
  const request = (frame: Record<string, unknown>): Promise<ServerFrame> =>
    new Promise((resolve) => {
      const id = nextId++;
      replies.set(id, resolve);
      client.send(JSON.stringify({ ...frame, id }));
    });

  const sub = await request({ t: 'sub', event: 'positions.updates', params: {} });
  if (sub.t !== 'reply' || !sub.ok) throw new Error('positions.updates refused');
  positionsSub = (sub.result as { subscription: number }).subscription;
  await sleep(200);

  const eventMs: number[] = [];
  const replyMs: number[] = [];
  let position = 0;
  const one = async (i: number, keep: boolean): Promise<void> => {
    const side = position === 0 ? 'buy' : 'sell';
    const want = position === 0 ? 1 : 0;
    const got = new Promise<number>((resolve) => {
      waiting = { qty: want, resolve };
    });
    const t0 = performance.now();
    const reply = request({ t: 'call', method: 'orders.place', params: { accountId: fx.accountId, source: 'binance', symbol: SYMBOL, side, qty: 1, type: 'market', tif: 'gtc', clientOrderId: `bench-${String(i)}` } });
    const r = await reply;
    const tReply = performance.now();
    if (r.t !== 'reply' || !r.ok) throw new Error(`orders.place refused: ${r.t === 'reply' && !r.ok ? r.error.message : 'no reply'}`);
    const tEvent = await Promise.race([got, sleep(5_000).then(() => Number.NaN)]);
    if (Number.isNaN(tEvent)) throw new Error(`no positions.updates for order ${String(i)}`);
    position = want;
    if (keep) {
      eventMs.push(tEvent - t0);
      replyMs.push(tReply - t0);
    }
  };

  for (let i = 0; i < WARMUP; i++) await one(i, false);
  globalThis.gc?.();
  const load = loadavg()[0] ?? 0;
  const start = performance.now();
  for (let i = 0; i < MEASURED; i++) {
    await one(WARMUP + i, true);
    await sleep(1);
  }
  const wall = performance.now() - start;
  progress(`${fmtInt(MEASURED)} orders in ${fmt(wall / 1000, 1)} s`);

  clearInterval(pump);
  client.close();
  await server.close();
  fx.close();
  rmSync(renderer, { recursive: true, force: true });

  const p99 = quantile(eventMs, 0.99);
  report({
    name: 'trading-order-latency',
    what: 'a `tapedeck serve` WebSocket client sends orders.place (market, qty 1, alternately opening and closing a BTCUSD position on a scripted venue quoted every 20 ms) and waits for the positions.updates event showing the new position: transport both ways, validation, risk manager, paper fill, ledger transaction, event fan-out; paper latency set to 0 (the default 100 ms is a deliberate simulated delay, not work)',
    measured: `p99 ${fmt(p99, 2)} ms`,
    target: `p99 <= ${String(TARGET_MS)} ms`,
    pass: p99 <= TARGET_MS,
    notes: `${fmtInt(MEASURED)} orders after ${String(WARMUP)} warm-up, one at a time; to the positions event p50 ${fmt(median(eventMs), 2)} ms, p99 ${fmt(p99, 2)} ms, max ${fmt(Math.max(...eventMs), 2)} ms; to the call's reply p50 ${fmt(median(replyMs), 2)} ms, p99 ${fmt(quantile(replyMs, 0.99), 2)} ms (the event is written before the reply); SQLite WAL with synchronous=FULL (one fsync per step); a browser adds its own frame parse and one animation frame (~16 ms) before pixels; 1-min load ${fmt(load, 2)}`,
  });
}

await main();
