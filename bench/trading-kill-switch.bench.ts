/**
 * The kill switch with 500 working orders: five positions with a bracket each
 * (10 exits live) and 490 resting limit entries (each with a take-profit held
 * for its fill) over 20 quoted symbols, then `risk.killSwitch` {engage: true}
 * through the core's dispatcher. Measured from the call to its reply, which
 * comes after every order is canceled (each transition committed to SQLite
 * first), the flattening orders are sent and new entries are refused. Checked
 * after each round: none of the 500 is still working, the reply counts them
 * all. Released, flattened and set up again for the next round.
 */
import { loadavg } from 'node:os';
import type { Result } from '../shared/contract';
import { progress, report } from './support/result';
import { fmt, median, quantile } from './support/stats';
import { tradingBenchCore } from './support/trading-core';

const ROUNDS = 12;
const WARMUP_ROUNDS = 2;
const POSITIONS = 5;
const RESTING = 490;
const TARGET_MS = 100;

const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));

async function main(): Promise<void> {
  const fx = await tradingBenchCore('tapedeck-bench-kill-');
  // Diagnosis only (as in the other trading benches): DIAG_SYNC=OFF separates the fsync from the work.
  if (process.env['DIAG_SYNC'] !== undefined) fx.core.db.pragma(`synchronous = ${process.env['DIAG_SYNC']}`);
  const { accountId, symbols } = fx;
  fx.quoteAll(100);
  const pump = setInterval(() => {
    fx.quoteAll(100);
  }, 200);
  const working = (): Promise<Result<'orders.list'>> => fx.call<Result<'orders.list'>>('orders.list', { accountId, limit: 5000 });

  const setUp = async (round: number): Promise<ReadonlySet<string>> => {
    for (const s of symbols.slice(0, POSITIONS)) {
      await fx.call('orders.place', { accountId, source: 'binance', symbol: s, side: 'buy', qty: 1, type: 'market', tif: 'gtc', takeProfit: 110, stopLoss: 90, clientOrderId: `k${String(round)}-p-${s}` });
    }
    await sleep(250); // the paper latency (100 ms) and the fills
    for (let i = 0; i < RESTING; i++) {
      const symbol = symbols[i % symbols.length] ?? 'BTCUSD';
      await fx.call('orders.place', { accountId, source: 'binance', symbol, side: 'buy', qty: 1, type: 'limit', limitPrice: 95 - (i % 7) * 0.01, tif: 'gtc', takeProfit: { kind: 'ticks', ticks: 10 }, clientOrderId: `k${String(round)}-${String(i)}` });
    }
    const live = await working();
    const accepted = live.filter((o) => o.status === 'accepted');
    if (accepted.length !== POSITIONS * 2 + RESTING) throw new Error(`round ${String(round)}: ${String(accepted.length)} working orders, expected ${String(POSITIONS * 2 + RESTING)}`);
    return new Set(accepted.map((o) => o.id));
  };

  const killMs: number[] = [];
  let checked = 0;
  for (let round = 0; round < ROUNDS; round++) {
    const ids = await setUp(round);
    globalThis.gc?.();
    const t0 = performance.now();
    const k = await fx.call<Result<'risk.killSwitch'>>('risk.killSwitch', { engage: true });
    const ms = performance.now() - t0;
    const still = (await working()).filter((o) => ids.has(o.id));
    if (!k.engaged || still.length !== 0 || k.canceled < ids.size || k.flattened !== POSITIONS) {
      throw new Error(`round ${String(round)}: engaged ${String(k.engaged)}, ${String(k.canceled)} canceled, ${String(k.flattened)} flattened, ${String(still.length)} of the 500 still working`);
    }
    checked += ids.size;
    if (round >= WARMUP_ROUNDS) killMs.push(ms);
    progress(`round ${String(round + 1)}: ${fmt(ms, 1)} ms (${String(k.canceled)} canceled incl. held exits, ${String(k.flattened)} flattened)`);
    await sleep(250); // the flattening market orders fill
    const open = (await fx.call<Result<'positions.list'>>('positions.list', { accountId })).filter((p) => p.qty !== 0);
    if (open.length !== 0) throw new Error(`round ${String(round)}: ${String(open.length)} positions still open after the kill switch`);
    await fx.call('risk.killSwitch', { engage: false });
  }
  clearInterval(pump);
  const load = loadavg()[0] ?? 0;
  fx.close();

  const p50 = median(killMs);
  const max = Math.max(...killMs);
  report({
    name: 'trading-kill-switch',
    what: `risk.killSwitch through the core's dispatcher with 500 working orders (${String(POSITIONS)} positions with a bracket each + ${String(RESTING)} resting limits with a take-profit held for the fill, over 20 symbols): from the call to its reply, after which all 500 are canceled (each transition committed first), the positions are being flattened and entries are refused`,
    measured: `max ${fmt(max, 1)} ms`,
    target: `<= ${String(TARGET_MS)} ms to all canceled`,
    pass: max <= TARGET_MS,
    notes: `${String(killMs.length)} rounds after ${String(WARMUP_ROUNDS)} warm-up: p50 ${fmt(p50, 1)} ms, p90 ${fmt(quantile(killMs, 0.9), 1)} ms, max ${fmt(max, 1)} ms; each reply canceled the 500 plus their ${String(RESTING)} held exits and flattened ${String(POSITIONS)} positions; ${String(checked)} orders checked not working after the reply; SQLite WAL, synchronous=FULL; 1-min load ${fmt(load, 2)} (shared machine)`,
  });
}

await main();
