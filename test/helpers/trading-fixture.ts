import type { Timer } from '../../src-main/platform/app/clock';
import { createCore, type Core } from '../../src-main/platform/app/core';
import { manualTicker } from './core-fixture';
import { ScriptedFeed, testPair } from './scripted-feed';

/** Timers the test fires by moving the clock. */
export function manualTimers(clock: { now(): number }): { timer: Timer; due(): number[]; fire(): void } {
  const pending = new Set<{ at: number; fn: () => void }>();
  return {
    timer: (fn, ms) => {
      const t = { at: clock.now() + ms, fn };
      pending.add(t);
      return () => pending.delete(t);
    },
    due: () => [...pending].map((t) => t.at).sort((a, b) => a - b),
    fire: () => {
      for (;;) {
        const next = [...pending].filter((t) => t.at <= clock.now()).sort((a, b) => a.at - b.at)[0];
        if (next === undefined) return;
        pending.delete(next);
        next.fn();
      }
    },
  };
}

export const TRADING_T0 = Date.UTC(2026, 2, 10, 15, 0, 0);

export interface TradingFixture {
  readonly core: Core;
  readonly feed: ScriptedFeed;
  now(): number;
  /** Moves the clock on and fires the timers that came due. */
  advance(ms: number): void;
  /** Lets pending promise callbacks run. */
  settle(): Promise<void>;
  /** Closes the core (the data directory stays, for a restart). */
  close(): void;
}

/**
 * A real core on `dataDir` trading a scripted venue (as "binance": BTCUSD,
 * ETHUSD and S01USD..S19USD on a 0.01 tick) with a clock the test moves.
 */
export function tradingFixture(dataDir: string, start = TRADING_T0): TradingFixture {
  let now = start;
  const clock = { now: () => now };
  const ticks = manualTicker();
  const timers = manualTimers(clock);
  const symbols = ['BTCUSD', 'ETHUSD', ...Array.from({ length: 19 }, (_, i) => `S${String(i + 1).padStart(2, '0')}USD`)];
  const feed = new ScriptedFeed('binance', symbols.map((s) => testPair(s, 'binance')), clock);
  const core = createCore({
    dataDir,
    mode: 'cli',
    clock,
    ticker: ticks.ticker,
    timer: timers.timer,
    log: { error: () => undefined, warn: () => undefined },
    feeds: () => [feed],
  });
  return {
    core,
    feed,
    now: () => now,
    advance(ms) {
      now += ms;
      timers.fire();
    },
    settle: () => new Promise((resolve) => setImmediate(resolve)),
    close: () => core.close(),
  };
}
