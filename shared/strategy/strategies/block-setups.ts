/**
 * The two per-block setups of the time-window strategy, written once for the
 * long side. The short side runs the same code on a mirrored price axis
 * (every price negated, high and low swapped), so both sides follow exactly
 * the same rules.
 *
 * Sweep and reverse (long, at the previous block's low L, target its high H):
 *   1. sweep: a bar trades below L (low < L); the lowest low since is the sweep extreme;
 *   2. reclaim: a bar (the sweeping bar itself may) closes back above L;
 *   3. push: `confirmBars` consecutive later bars each close above the previous
 *      bar's close (and above L). A close at or below L goes back to step 2,
 *      a close inside that is not higher restarts the count.
 *   Signal at the last push bar: stop at the sweep extreme, target H (only if that close is still below H).
 *
 * Break and retest (long, at the previous block's high H, range R = H − L):
 *   1. break: a bar closes above H;
 *   2. retest: a later bar's low comes back to within the tolerance of H
 *      (low <= H + tol) while it closes above H. Any close at or below H
 *      before the signal is a failed break: back to step 1. No touch, no trade;
 *   3. continuation: `confirmBars` consecutive bars after the touch each close
 *      above the previous close (and above H); a lower close restarts the count.
 *   Signal at the last continuation bar: stop at the lower of the lowest low
 *   since the touch and H − tol, target H + R (only if that close is below it).
 *
 * Each setup fires at most once per block.
 */

/** Prices of one bar on the setup's axis. */
export interface AxisBar {
  readonly high: number;
  readonly low: number;
  readonly close: number;
}

export interface SetupSignal {
  readonly stop: number;
  readonly target: number;
}

export interface BlockSetup {
  update(bar: AxisBar): SetupSignal | null;
}

/**
 * The confirmation both setups wait for: `needed` consecutive closes each
 * above the one before (`ref`, the last close seen). A close at or below it
 * starts the count again from that close.
 */
function confirmStep(ref: number, count: number, close: number, needed: number): { count: number; confirmed: boolean } {
  if (close <= ref) return { count: 0, confirmed: false };
  return { count: count + 1, confirmed: count + 1 >= needed };
}

type SweepState =
  | { readonly phase: 'idle' }
  | { readonly phase: 'swept'; readonly extreme: number }
  | { readonly phase: 'reclaimed'; readonly extreme: number; readonly ref: number; readonly count: number }
  | { readonly phase: 'done' };

export class SweepReverse implements BlockSetup {
  private state: SweepState = { phase: 'idle' };

  /** `level` is the swept side, `other` the opposite side (the target). */
  constructor(
    private readonly level: number,
    private readonly other: number,
    private readonly confirmBars: number,
  ) {}

  update(bar: AxisBar): SetupSignal | null {
    const s = this.state;
    switch (s.phase) {
      case 'done':
        return null;
      case 'idle':
        if (bar.low < this.level) this.afterSweep(bar, bar.low);
        return null;
      case 'swept':
        this.afterSweep(bar, Math.min(s.extreme, bar.low));
        return null;
      case 'reclaimed': {
        const extreme = Math.min(s.extreme, bar.low);
        if (bar.close <= this.level) {
          this.state = { phase: 'swept', extreme };
          return null;
        }
        const step = confirmStep(s.ref, s.count, bar.close, this.confirmBars);
        if (!step.confirmed) {
          this.state = { phase: 'reclaimed', extreme, ref: bar.close, count: step.count };
          return null;
        }
        this.state = { phase: 'done' };
        return bar.close < this.other ? { stop: extreme, target: this.other } : null;
      }
    }
  }

  private afterSweep(bar: AxisBar, extreme: number): void {
    this.state = bar.close > this.level ? { phase: 'reclaimed', extreme, ref: bar.close, count: 0 } : { phase: 'swept', extreme };
  }
}

type RetestState =
  | { readonly phase: 'idle' }
  | { readonly phase: 'broken' }
  | { readonly phase: 'retested'; readonly lowest: number; readonly ref: number; readonly count: number }
  | { readonly phase: 'done' };

export class BreakRetest implements BlockSetup {
  private state: RetestState = { phase: 'idle' };

  /** `level` is the side to break, `tolerance` the touch tolerance (>= 0), `target` where the move aims. */
  constructor(
    private readonly level: number,
    private readonly tolerance: number,
    private readonly target: number,
    private readonly confirmBars: number,
  ) {}

  update(bar: AxisBar): SetupSignal | null {
    const s = this.state;
    switch (s.phase) {
      case 'done':
        return null;
      case 'idle':
        if (bar.close > this.level) this.state = { phase: 'broken' };
        return null;
      case 'broken':
        if (bar.close <= this.level) this.state = { phase: 'idle' };
        else if (bar.low <= this.level + this.tolerance) this.state = { phase: 'retested', lowest: bar.low, ref: bar.close, count: 0 };
        return null;
      case 'retested': {
        const lowest = Math.min(s.lowest, bar.low);
        if (bar.close <= this.level) {
          this.state = { phase: 'idle' };
          return null;
        }
        const step = confirmStep(s.ref, s.count, bar.close, this.confirmBars);
        if (!step.confirmed) {
          this.state = { phase: 'retested', lowest, ref: bar.close, count: step.count };
          return null;
        }
        this.state = { phase: 'done' };
        return bar.close < this.target ? { stop: Math.min(lowest, this.level - this.tolerance), target: this.target } : null;
      }
    }
  }
}

/** Runs a long-side setup on the mirrored axis, giving a short-side one: prices in and out are negated. */
export class Mirrored implements BlockSetup {
  constructor(private readonly inner: BlockSetup) {}

  update(bar: AxisBar): SetupSignal | null {
    const s = this.inner.update({ high: -bar.low, low: -bar.high, close: -bar.close });
    return s === null ? null : { stop: -s.stop, target: -s.target };
  }
}
