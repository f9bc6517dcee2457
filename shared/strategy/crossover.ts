import type { StrategyIntent } from './strategy';

/** Which way a fast series crossed a slow one on the latest closed bar, if at all. */
export type Cross = 'up' | 'down' | null;

/**
 * Crossovers on consecutive closed bars:
 * - up:   previous fast <= previous slow and now fast > slow;
 * - down: previous fast >= previous slow and now fast < slow.
 * No cross while either value, now or on the previous bar, is NaN (an
 * indicator still warming up), so the first cross can come one bar after both
 * series have their first value. Pure state: the last pair of values.
 */
export class CrossDetector {
  private prevFast = Number.NaN;
  private prevSlow = Number.NaN;

  update(fast: number, slow: number): Cross {
    const pf = this.prevFast;
    const ps = this.prevSlow;
    this.prevFast = fast;
    this.prevSlow = slow;
    if (Number.isNaN(pf) || Number.isNaN(ps) || Number.isNaN(fast) || Number.isNaN(slow)) return null;
    if (pf <= ps && fast > slow) return 'up';
    if (pf >= ps && fast < slow) return 'down';
    return null;
  }
}

/** The setup families of a crossover's entries. */
export const CROSS_UP = 'cross-up';
export const CROSS_DOWN = 'cross-down';

/**
 * What a crossover strategy wants after a cross: up → long (unless already
 * long; setup 'cross-up'); down → short when shorting is allowed (unless
 * already short; setup 'cross-down'), otherwise flat when long. Entry at
 * market (the next bar's open).
 */
export function crossoverIntent(cross: Cross, position: number, allowShort: boolean, reasons: { readonly up: string; readonly down: string }): StrategyIntent | null {
  switch (cross) {
    case null:
      return null;
    case 'up':
      return position > 0 ? null : { target: 'long', setup: CROSS_UP, reason: reasons.up, entry: { type: 'market' } };
    case 'down':
      if (allowShort) return position < 0 ? null : { target: 'short', setup: CROSS_DOWN, reason: reasons.down, entry: { type: 'market' } };
      return position > 0 ? { target: 'flat', reason: reasons.down, entry: { type: 'market' } } : null;
  }
}
