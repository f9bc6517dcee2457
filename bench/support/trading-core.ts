import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { systemClock } from '../../src-main/platform/app/clock';
import { createCore, type Core } from '../../src-main/platform/app/core';
import type { FillModelConfig } from '../../src-main/trading/paper';
import { ScriptedFeed, testPair } from '../../test/helpers/scripted-feed';

/** A core on a fresh data dir, trading a scripted venue ("binance": BTCUSD, S01USD..S19USD on a 0.01 tick) on the wall clock. */
export interface TradingBenchCore {
  readonly core: Core;
  readonly feed: ScriptedFeed;
  readonly symbols: readonly string[];
  readonly accountId: string;
  call<T>(method: string, params: unknown): Promise<T>;
  /** Quotes every symbol around `mid` (a 0.02 spread), as a live venue would. */
  quoteAll(mid: number): void;
  close(): void;
}

const quiet = { error: () => undefined, warn: () => undefined };

export async function tradingBenchCore(prefix: string, fillModel: Partial<FillModelConfig> = {}): Promise<TradingBenchCore> {
  const dataDir = mkdtempSync(join(tmpdir(), prefix));
  const symbols = ['BTCUSD', ...Array.from({ length: 19 }, (_, i) => `S${String(i + 1).padStart(2, '0')}USD`)];
  const feed = new ScriptedFeed('binance', symbols.map((s) => testPair(s, 'binance')), systemClock);
  const core = createCore({ dataDir, mode: 'serve', log: quiet, feeds: () => [feed], fillModel });
  const call = async <T>(method: string, params: unknown): Promise<T> => {
    const r = await core.dispatcher.call(method, params);
    if (!r.ok) throw new Error(`${method}: ${r.error.code} ${r.error.path} ${r.error.message}`);
    return r.result as T;
  };
  const accounts = await call<{ id: string }[]>('accounts.list', {});
  const accountId = accounts[0]?.id ?? '';
  // The benchmarks send far more than a trader: no pace limit, no notional cap in the way.
  await call('risk.set', { accountId, patch: { maxOrdersPerMinute: 0, maxOrderNotional: 1e9 } });
  // Followed as the ticket follows them, so the risk gate has fresh quotes.
  const stops = symbols.map((symbol) => core.dispatcher.subscribe('quotes.updates', { source: 'binance', symbol }, () => undefined));
  await new Promise((r) => setImmediate(r));
  const quoteAll = (mid: number): void => {
    for (const s of symbols) feed.quote(s, Math.round((mid - 0.01) * 100) / 100, Math.round((mid + 0.01) * 100) / 100);
  };
  quoteAll(100);
  return {
    core,
    feed,
    symbols,
    accountId,
    call,
    quoteAll,
    close() {
      for (const s of stops) if (s.ok) s.stop();
      core.close();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
