import { createCore, DEFAULT_SIM_SEED, type Core, type CoreOptions } from '../../src-main/platform/app/core';
import { SimFeed } from '../../src-main/market-data/feeds/sim/sim-feed';
import type { Ticker } from '../../src-main/platform/app/clock';
import { tempDir } from './temp-dir';

/** A manual ticker: tests advance time by calling `tick()`. */
export function manualTicker(): { ticker: Ticker; tick(): void; running(): number } {
  const fns = new Set<() => void>();
  return {
    ticker: (fn) => {
      fns.add(fn);
      return () => fns.delete(fn);
    },
    tick: () => {
      for (const fn of [...fns]) fn();
    },
    running: () => fns.size,
  };
}

export interface CoreFixture {
  readonly core: Core;
  readonly dataDir: string;
  readonly ticks: ReturnType<typeof manualTicker>;
  dispose(): void;
}

/** A real core on a real SQLite file in a fresh temp dir, with a fixed clock and a manual ticker. */
export function coreFixture(options: Partial<CoreOptions> = {}): CoreFixture {
  const dir = tempDir();
  const ticks = manualTicker();
  const quietLog = { error: () => undefined, warn: () => undefined };
  let now = 1_700_000_000_000;
  const core = createCore({
    dataDir: dir.path,
    mode: 'cli',
    clock: { now: () => (now += 1) },
    ticker: ticks.ticker,
    log: quietLog,
    // Tests never reach a real exchange: the simulated market only, unless a test plugs in feeds on a fake.
    feeds: ({ clock, ticker }) => [new SimFeed({ seed: DEFAULT_SIM_SEED, clock, schedule: ticker })],
    ...options,
  });
  return {
    core,
    dataDir: dir.path,
    ticks,
    dispose() {
      core.close();
      dir.remove();
    },
  };
}
