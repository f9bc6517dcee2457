/**
 * What the journal's screenshots cost the trading path (issue 14: "a capture
 * costs the trading path nothing measurable: order latency p99 unchanged
 * with capture on"). Order → paper fill → the positions.updates event, in
 * the core (the dispatcher, as serve's WebSocket handler calls it), with
 * capture off (no window follows chart.captureRequests: the fill is
 * journaled, no picture asked for) and on (a window answers every capture
 * request with a 300 KB PNG per pane, two panes, the size a 1600×1000 pane
 * makes, as bytes (what serve's binary frame and Electron's IPC hand the core);
 * the core hashes it, writes it atomically off the event loop and
 * records the rows). Blocks of orders alternate off/on so drift (CPU
 * frequency, the WAL growing) falls on both sides.
 *
 * The paper broker's simulated venue delay (default 100 ms) is 0 here. The
 * core writes a capture's files and rows once the order path has been quiet
 * for a moment (TradingActivity); each block waits for its captures to be
 * written before the next begins, the main-thread CPU counted in its mode.
 */
import { loadavg } from 'node:os';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { Worker } from 'node:worker_threads';
import type { CaptureRequest } from '../shared/contract';
import { progress, report } from './support/result';
import { fmt, fmtInt, median, quantile } from './support/stats';
import { tradingBenchCore } from './support/trading-core';

const WARMUP = 100;
const BLOCKS = 10;
const PER_BLOCK = 100;
const SYMBOL = 'BTCUSD';
/** Two panes showing the symbol, each a ~300 KB PNG (its bytes, as the renderer's binary frame carries them). */
const PANES = 2;
const PNG_BYTES = 300_000;
/** The PNG signature and the start of its IHDR chunk (what every PNG begins with). */
const PNG_HEAD = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d, 0x49, 0x48, 0x44, 0x52]);

const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));

/** CPU time of the main thread (the event loop the orders run on; not the worker painting, not libuv's pool), µs. */
function mainThreadCpuUs(): number {
  const u = process.threadCpuUsage();
  return u.user + u.system;
}

/** Event-loop blocking and main-thread CPU, gathered over the blocks of one mode. */
class LoopMeter {
  readonly delay = monitorEventLoopDelay({ resolution: 1 });
  cpuUs = 0;
  private from = 0;
  start(): void {
    this.delay.enable();
    this.from = mainThreadCpuUs();
  }
  stop(): void {
    this.cpuUs += mainThreadCpuUs() - this.from;
    this.delay.disable();
  }
  /** "loop delay p99 x ms max y ms, main-thread CPU z ms/order". */
  describe(orders: number): string {
    return `loop delay p99 ${fmt(this.delay.percentile(99) / 1e6, 2)} ms max ${fmt(this.delay.max / 1e6, 2)} ms, main-thread CPU ${fmt(this.cpuUs / 1000 / orders, 3)} ms/order`;
  }
}

async function main(): Promise<void> {
  const fx = await tradingBenchCore('tapedeck-bench-capture-', { latencyMs: 0 });
  const { dispatcher } = fx.core;
  let waiting: { readonly qty: number; resolve: (at: number) => void } | null = null;
  const sub = dispatcher.subscribe('positions.updates', {}, (payload) => {
    const at = performance.now();
    const p = payload as { accountId: string; positions: { symbol: string; qty: number }[] };
    if (waiting === null || p.accountId !== fx.accountId) return;
    if ((p.positions.find((x) => x.symbol === SYMBOL)?.qty ?? 0) === waiting.qty) {
      waiting.resolve(at);
      waiting = null;
    }
  });
  if (!sub.ok) throw new Error('positions.updates refused');

  // The "window": a worker thread (as the renderer is another process) paints each capture request's panes, fresh bytes
  // every time (a new file each time); the core gets one chart.paneImage per pane, as from the renderer.
  const painter = new Worker(
    `const { parentPort } = require('node:worker_threads');
     const { randomFillSync } = require('node:crypto');
     const head = Buffer.from(${JSON.stringify([...PNG_HEAD])});
     parentPort.on('message', (m) => {
       const pngs = [];
       for (let i = 0; i < m.panes; i++) {
         const png = new Uint8Array(head.length + m.bytes);
         png.set(head);
         randomFillSync(png, head.length);
         pngs.push(png);
       }
       parentPort.postMessage({ requestId: m.requestId, pngs }, pngs.map((p) => p.buffer));
     });`,
    { eval: true },
  );
  let window: { stop(): void } | null = null;
  let captures = 0;
  let late = 0;
  const refused = new Map<string, number>();
  painter.on('message', (m: { requestId: string; pngs: Uint8Array[] }) => {
    captures++;
    m.pngs.forEach((bytes, pane) => {
      void dispatcher.call('chart.paneImage', { requestId: m.requestId, pane, symbol: SYMBOL, interval: '1m', bytes, last: pane === m.pngs.length - 1 }).then((r) => {
        if (!r.ok) refused.set(r.error.message, (refused.get(r.error.message) ?? 0) + 1);
        else if (!(r.result as { accepted: boolean }).accepted) late++;
      });
    });
  });
  const answer = (request: CaptureRequest): void => painter.postMessage({ requestId: request.requestId, panes: PANES, bytes: PNG_BYTES });
  const captureOn = (on: boolean): void => {
    if (on && window === null) {
      const s = dispatcher.subscribe('chart.captureRequests', {}, (r) => answer(r as CaptureRequest));
      if (!s.ok) throw new Error('chart.captureRequests refused');
      window = s;
    } else if (!on && window !== null) {
      window.stop();
      window = null;
    }
  };

  let position = 0;
  let n = 0;
  const one = async (): Promise<number> => {
    const side = position === 0 ? 'buy' : 'sell';
    const want = position === 0 ? 1 : 0;
    const got = new Promise<number>((resolve) => {
      waiting = { qty: want, resolve };
    });
    const t0 = performance.now();
    const r = await dispatcher.call('orders.place', { accountId: fx.accountId, source: 'binance', symbol: SYMBOL, side, qty: 1, type: 'market', tif: 'gtc', clientOrderId: `bench-${String(n++)}` });
    if (!r.ok) throw new Error(`orders.place refused: ${r.error.message}`);
    const t = await Promise.race([got, sleep(5_000).then(() => Number.NaN)]);
    if (Number.isNaN(t)) throw new Error('no positions.updates');
    position = want;
    return t - t0;
  };

  captureOn(true);
  for (let i = 0; i < WARMUP; i++) await one();
  captureOn(false);
  fx.quoteAll(100);
  for (let i = 0; i < WARMUP; i++) await one();
  globalThis.gc?.();
  const load = loadavg()[0] ?? 0;
  const off: number[] = [];
  const on: number[] = [];
  const meterOff = new LoopMeter();
  const meterOn = new LoopMeter();
  for (let b = 0; b < BLOCKS * 2; b++) {
    const withCapture = b % 2 === 1;
    captureOn(withCapture);
    const meter = withCapture ? meterOn : meterOff;
    // A live venue quotes all along (the risk gate refuses entries on a price older than 30 s).
    fx.quoteAll(100);
    meter.start();
    for (let i = 0; i < PER_BLOCK; i++) {
      (withCapture ? on : off).push(await one());
      // A trader's next order comes later than this; the capture of the last fill is still being written.
      await sleep(2);
    }
    // The pictures wait for trading to be quiet: the block's own capture work is finished (and metered) before the
    // next block starts, so neither mode carries the other's.
    await fx.core.journal.capture.idle();
    meter.stop();
  }
  captureOn(false);
  await fx.core.journal.capture.idle();
  const shots = fx.core.db.prepare('SELECT COUNT(*) AS n FROM journal_media').get() as { n: number };
  progress(`off: ${meterOff.describe(off.length)}; on: ${meterOn.describe(on.length)}`);
  progress(`${fmtInt(on.length + off.length)} orders, ${fmtInt(captures)} capture requests answered, ${fmtInt(shots.n)} screenshot rows; ${String(late)} images late, refused: ${JSON.stringify([...refused])}`);
  fx.close();
  await painter.terminate();

  const p99Off = quantile(off, 0.99);
  const p99On = quantile(on, 0.99);
  const allowed = Math.max(0.5, p99Off * 0.1);
  report({
    name: 'journal-capture',
    what: `order → paper fill → positions.updates in the core (market orders opening and closing BTCUSD on a scripted venue), with the journal's capture off and on (a window answering each fill's capture with ${String(PANES)} panes of ${fmtInt(PNG_BYTES / 1000)} KB PNG as bytes, hashed and written atomically off the event loop when trading is quiet, rows recorded)`,
    measured: `p99 ${fmt(p99On, 2)} ms on vs ${fmt(p99Off, 2)} ms off`,
    target: `p99 with capture within max(0.5 ms, 10%) of without`,
    pass: p99On - p99Off <= allowed,
    notes: `${fmtInt(BLOCKS)} alternating blocks of ${fmtInt(PER_BLOCK)} orders each way after ${String(WARMUP)}+${String(WARMUP)} warm-up; off p50 ${fmt(median(off), 3)} ms p99 ${fmt(p99Off, 3)} ms; on p50 ${fmt(median(on), 3)} ms p99 ${fmt(p99On, 3)} ms (ratio ${fmt(p99On / p99Off, 2)}); off ${meterOff.describe(off.length)}; on ${meterOn.describe(on.length)}; ${fmtInt(shots.n)} screenshot rows written; pane images cross as bytes; their files and rows are written once trading has been quiet 25 ms (at most 2 s later), each block waiting for its captures before the next; 1-min load ${fmt(load, 2)}`,
  });
}

await main();
