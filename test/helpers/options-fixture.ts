import { createCore, DEFAULT_SIM_SEED, type Core } from '../../src-main/platform/app/core';
import { SimFeed } from '../../src-main/market-data/feeds/sim/sim-feed';
import { manualTicker } from './core-fixture';
import { manualTimers } from './trading-fixture';

/** Tuesday 2026-03-10 11:00 New York (EDT): SPY's session is open. */
export const OPTIONS_T0 = Date.UTC(2026, 2, 10, 15, 0, 0);

export interface OptionsFixture {
  readonly core: Core;
  now(): number;
  /** Moves the clock on, fires the timers that came due and ticks the tickers once. */
  advance(ms: number): void;
  /** Ticks the tickers (the sim's prints, the chain's and the quotes' refresh) without moving the clock. */
  tick(): void;
  /** Lets pending promise callbacks run. */
  settle(): Promise<void>;
  close(): void;
}

/** A real core on `dataDir` with the simulated market only, on a clock the test moves (start: OPTIONS_T0). */
export function optionsFixture(dataDir: string, start = OPTIONS_T0): OptionsFixture {
  let now = start;
  const clock = { now: () => now };
  const ticks = manualTicker();
  const timers = manualTimers(clock);
  const core = createCore({
    dataDir,
    mode: 'cli',
    clock,
    ticker: ticks.ticker,
    timer: timers.timer,
    log: { error: () => undefined, warn: () => undefined },
    feeds: ({ ticker }) => [new SimFeed({ seed: DEFAULT_SIM_SEED, clock, schedule: ticker })],
  });
  return {
    core,
    now: () => now,
    advance(ms) {
      now += ms;
      timers.fire();
      ticks.tick();
    },
    tick: () => ticks.tick(),
    settle: () => new Promise((resolve) => setImmediate(resolve)),
    close: () => core.close(),
  };
}
