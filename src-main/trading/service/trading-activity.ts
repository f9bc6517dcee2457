import type { Timer } from '../../platform/app/clock';

/** How long the order path must have been idle before work that can wait (the journal's pictures) runs. */
export const QUIET_MS = 25;
/** Work that waits for a quiet moment never waits longer than this, however busy trading is. */
export const MAX_QUIET_WAIT_MS = 2_000;

interface Waiter {
  readonly since: number;
  readonly resolve: () => void;
}

/**
 * What the order path is doing (an order being asked for, changed or
 * canceled; a commit of orders or fills), so that work which can wait yields
 * to it: the journal writes a fill's pictures and their rows once nothing is
 * in flight and QUIET_MS have passed since the last thing ended, and at the
 * latest MAX_QUIET_WAIT_MS after it asked. Trading never waits on it; it only
 * records when its work begins and ends.
 */
export class TradingActivity {
  private last = Number.NEGATIVE_INFINITY;
  private inFlight = 0;
  private waiters: Waiter[] = [];
  private cancel: (() => void) | null = null;

  constructor(
    /** Real time (systemTimer in the app), not a market clock: this is about the machine's load. */
    private readonly timer: Timer,
    /** A monotonic clock, ms (performance.now in the app). */
    private readonly now: () => number,
    private readonly quietMs = QUIET_MS,
    private readonly maxWaitMs = MAX_QUIET_WAIT_MS,
  ) {}

  /** The order path did something just now (an instant: see begin for work that lasts). */
  touch(): void {
    this.last = this.now();
  }

  /** The order path starts something that lasts (an order through the risk gate to its broker, a commit); call the result when it ends. */
  begin(): () => void {
    this.inFlight++;
    this.touch();
    let ended = false;
    return () => {
      if (ended) return;
      ended = true;
      this.inFlight--;
      this.touch();
      // The quiet time counts from now: a waiter's timer set while it ran is set again.
      if (this.inFlight === 0 && this.cancel !== null) {
        this.cancel();
        this.cancel = null;
        this.schedule();
      }
    };
  }

  /** Whether nothing is in flight and the order path has been idle for the quiet time. */
  quiet(): boolean {
    return this.inFlight === 0 && this.now() - this.last >= this.quietMs;
  }

  /** Resolves once the order path has been idle for the quiet time (at once when it already has), or after the longest wait. */
  whenQuiet(): Promise<void> {
    if (this.quiet() && this.waiters.length === 0) return Promise.resolve();
    return new Promise((resolve) => {
      this.waiters.push({ since: this.now(), resolve });
      this.schedule();
    });
  }

  /** Lets every waiter go (shutdown). */
  close(): void {
    this.cancel?.();
    this.cancel = null;
    const waiters = this.waiters;
    this.waiters = [];
    for (const w of waiters) w.resolve();
  }

  private schedule(): void {
    if (this.cancel !== null || this.waiters.length === 0) return;
    const now = this.now();
    const oldest = this.waiters[0]?.since ?? now;
    // While something is in flight only the longest wait can end the wait (its end sets the timer again).
    const untilQuiet = this.inFlight > 0 ? Number.POSITIVE_INFINITY : this.last + this.quietMs - now;
    const untilLongest = oldest + this.maxWaitMs - now;
    this.cancel = this.timer(() => this.release(), Math.max(0, Math.ceil(Math.min(untilQuiet, untilLongest))));
  }

  private release(): void {
    this.cancel = null;
    const now = this.now();
    const quiet = this.quiet();
    const go = quiet ? this.waiters : this.waiters.filter((w) => now - w.since >= this.maxWaitMs);
    this.waiters = quiet ? [] : this.waiters.filter((w) => now - w.since < this.maxWaitMs);
    for (const w of go) w.resolve();
    this.schedule();
  }
}
