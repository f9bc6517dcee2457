import { MARKET, type RestingKind } from './order-triggers';
import type { EntryTerms } from './portfolio';

/**
 * The one unfilled order a run may have: what the strategy's last intent
 * asked for, resting from the next bar on. A new intent replaces it; it is
 * dropped when it fills, when the position already is what it asks for, and
 * at the end of the run. One mutable object reused for the whole run.
 *
 * The order holds a target (+1 long, -1 short, 0 flat), not a side: the side
 * is decided on each bar from the position at that moment, so a protective
 * exit that flattened the position in the meantime changes a pending reversal
 * into a plain entry, and a pending exit into nothing.
 */
export class PendingOrder implements EntryTerms {
  active = false;
  target = 0;
  kind: RestingKind = MARKET;
  /** The limit or stop price (NaN for market). */
  level = Number.NaN;
  /** Protective levels for the position this order opens (NaN: none), as prices or percents of the fill. */
  stopLoss = Number.NaN;
  takeProfit = Number.NaN;
  stopLossPct = Number.NaN;
  takeProfitPct = Number.NaN;
  /** Fraction of equity to commit when it opens a position. */
  sizeFraction = 1;
  reason = '';
  setup = '';

  set(target: number, kind: RestingKind, level: number, terms: EntryTerms): void {
    this.active = true;
    this.target = target;
    this.kind = kind;
    this.level = level;
    this.stopLoss = terms.stopLoss;
    this.takeProfit = terms.takeProfit;
    this.stopLossPct = terms.stopLossPct;
    this.takeProfitPct = terms.takeProfitPct;
    this.sizeFraction = terms.sizeFraction;
    this.reason = terms.reason;
    this.setup = terms.setup;
  }

  clear(): void {
    this.active = false;
  }

  /**
   * The side the order trades with a position of `units` (signed): +1 buy,
   * -1 sell, 0 when the position already is the target (nothing to do).
   */
  sideFor(units: number): number {
    const sign = Math.sign(units);
    if (this.target === sign) return 0;
    return this.target > sign ? 1 : -1;
  }
}
