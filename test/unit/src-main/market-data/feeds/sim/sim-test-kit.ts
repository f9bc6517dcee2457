import { bar, type Bar } from '../../../../../../shared/domain/bar';
import type { Trade } from '../../../../../../shared/domain/trade';

/** The 1m bar a live candle builder makes of one minute's trades: first/max/min/last price, summed size, count. */
export function aggregateTrades(minuteStart: number, trades: readonly Trade[]): Bar {
  const prices = trades.map((t) => t.price);
  return bar(
    minuteStart,
    prices[0] ?? 0,
    Math.max(...prices),
    Math.min(...prices),
    prices[prices.length - 1] ?? 0,
    trades.reduce((s, t) => s + t.size, 0),
    trades.length,
    true,
  );
}

/** A clock and ticker the test drives by hand: advance() moves time in 250 ms steps, firing every scheduled callback. */
export class ManualTime {
  private readonly timers = new Set<{ fn: () => void; ms: number }>();

  constructor(public nowMs: number) {}

  readonly clock = { now: (): number => this.nowMs };

  readonly schedule = (fn: () => void, ms: number): (() => void) => {
    const timer = { fn, ms };
    this.timers.add(timer);
    return () => {
      this.timers.delete(timer);
    };
  };

  get scheduled(): number {
    return this.timers.size;
  }

  /** Moves the clock forward `ms`, ticking every 250 ms on the way. */
  advance(ms: number, stepMs = 250): void {
    const end = this.nowMs + ms;
    while (this.nowMs < end) {
      this.nowMs = Math.min(end, this.nowMs + stepMs);
      this.tick();
    }
  }

  /** Jumps the clock (no ticks in between), then ticks once: a laptop waking from sleep. */
  jump(ms: number): void {
    this.nowMs += ms;
    this.tick();
  }

  tick(): void {
    for (const t of [...this.timers]) t.fn();
  }
}

/** A tiny deterministic picker for test inputs (an LCG; the generator under test has its own PRNG). */
export function lcg(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    return s / 4294967296;
  };
}
