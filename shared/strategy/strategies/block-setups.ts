/**
 * The two per-block setups of the time-window model, written once for the
 * long side. The short side runs the same code on a mirrored price axis
 * (every price negated, high and low swapped), so both sides follow exactly
 * the same rules. L and H are the previous block's low and high.
 *
 * Sweep and reverse (long, at L): a bar trades below L (low < L) and closes
 * back inside (L < close < H). Signal at that bar (the rejection bar); its
 * low is the extreme beyond the line.
 *
 * Break and retest (long, at H, touch tolerance `tol`):
 *   1. break: a bar closes above H;
 *   2. touch: a later bar comes back to within the tolerance of H
 *      (low <= H + tol) and closes on the breakout side (close > H). Signal
 *      at that bar (the touch bar); its low is its extreme toward the line.
 *   A close at or below H before the touch is a failed break: back to 1.
 *   No touch, no trade.
 *
 * Each setup fires at most once per block (a new block builds new setups).
 */

/** Prices of one bar on the setup's axis. */
export interface AxisBar {
  readonly high: number;
  readonly low: number;
  readonly close: number;
}

/** A setup fired at this bar; `extreme` is the bar's low on the setup's axis (the sweep's low, the touch bar's low). */
export interface SetupSignal {
  readonly extreme: number;
}

export interface BlockSetup {
  update(bar: AxisBar): SetupSignal | null;
}

export class SweepReverse implements BlockSetup {
  private done = false;

  /** `line` is the swept side (L), `other` the opposite one (H). */
  constructor(
    private readonly line: number,
    private readonly other: number,
  ) {}

  update(bar: AxisBar): SetupSignal | null {
    if (this.done || !(bar.low < this.line && bar.close > this.line && bar.close < this.other)) return null;
    this.done = true;
    return { extreme: bar.low };
  }
}

export class BreakRetest implements BlockSetup {
  private phase: 'idle' | 'broken' | 'done' = 'idle';

  /** `line` is the side to break (H), `tolerance` the touch tolerance in price (>= 0). */
  constructor(
    private readonly line: number,
    private readonly tolerance: number,
  ) {}

  update(bar: AxisBar): SetupSignal | null {
    switch (this.phase) {
      case 'done':
        return null;
      case 'idle':
        if (bar.close > this.line) this.phase = 'broken';
        return null;
      case 'broken':
        if (!(bar.close > this.line)) {
          this.phase = 'idle';
          return null;
        }
        if (!(bar.low <= this.line + this.tolerance)) return null;
        this.phase = 'done';
        return { extreme: bar.low };
    }
  }
}

/** Runs a long-side setup on the mirrored axis, giving a short-side one: prices in and out are negated. */
export class Mirrored implements BlockSetup {
  constructor(private readonly inner: BlockSetup) {}

  update(bar: AxisBar): SetupSignal | null {
    const s = this.inner.update({ high: -bar.low, low: -bar.high, close: -bar.close });
    return s === null ? null : { extreme: -s.extreme };
  }
}
