import { fromSteps, isOnStep, roundSteps, roundToStep } from './decimal-steps';
import type { ExitSpec } from './exit-spec';
import { accept, refuse, type Checked } from './field-error';
import { formatPrice, formatQty } from './format-amount';
import type { Side } from './order';
import type { TradedInstrument } from './traded-instrument';

/** The two exits an entry can carry, named as the order request's fields. */
export type ExitLeg = 'takeProfit' | 'stopLoss';

/**
 * +1 when the exit sits above the entry (a long's take-profit, a short's
 * stop), -1 below (a long's stop, a short's take-profit).
 */
export function exitDirection(leg: ExitLeg, entrySide: Side): 1 | -1 {
  return (leg === 'takeProfit') === (entrySide === 'buy') ? 1 : -1;
}

/** The side of the order that exits a position opened by `entrySide`. */
export function exitSide(entrySide: Side): Side {
  return entrySide === 'buy' ? 'sell' : 'buy';
}

/** An exit resolved to a price on the tick; `adjusted` says why it is not exactly what was asked (null when it is). */
export interface ResolvedExit {
  readonly price: number;
  readonly adjusted: string | null;
}

export interface ExitResolutionOptions {
  /** What the price is measured from, as the message names it: "fill" (default) or "entry price" (a preview). */
  readonly basis?: string;
  /**
   * When the entry has filled already, a price spec that ended up on the wrong
   * side of the fill (a limit entry filled better than its limit) is moved to
   * the first tick beyond the fill instead of refused: a protective stop is
   * still placed. Used when arming; never on the ticket.
   */
  readonly clamp?: boolean;
}

/** "2.05", "12 ticks", "2.5%", "0.05 per unit": the spec as the trader gave it. */
export function describeExitSpec(spec: ExitSpec, tickSize: number): string {
  switch (spec.kind) {
    case 'price':
      return formatPrice(spec.price, tickSize);
    case 'ticks':
      return `${formatQty(spec.ticks)} ticks`;
    case 'percent':
      return `${formatQty(spec.percent)}%`;
    case 'amount':
      return `${formatQty(spec.amount)} per unit`;
  }
}

/** The first price on the tick strictly beyond `fill` in `direction` (the closest an exit may sit). */
export function firstTickBeyond(fill: number, direction: 1 | -1, tickSize: number): number {
  return direction > 0 ? fromSteps(roundSteps(fill, tickSize, 'down') + 1, tickSize) : fromSteps(roundSteps(fill, tickSize, 'up') - 1, tickSize);
}

/**
 * An exit spec as a price on the instrument's tick, for an entry of
 * `entrySide` filled (or, in a preview, expected) at `fillPrice`.
 *
 * - price: must be on the tick and strictly beyond the fill on the exit's
 *   side (a buy's take-profit above it, its stop below; a sell the other
 *   way), else refused naming takeProfit/stopLoss (or moved to the first tick
 *   beyond with `clamp`).
 * - ticks / percent / amount: fill ± the distance (ticks × tick, fill ×
 *   percent / 100, amount per unit), rounded to the nearest tick with a tie
 *   going away from the fill, and never closer than one tick beyond the
 *   fill, so rounding can never put an exit at the fill or on the wrong side.
 *   A price at or below zero is refused.
 */
export function resolveExitPrice(spec: ExitSpec, leg: ExitLeg, entrySide: Side, fillPrice: number, instrument: TradedInstrument, options: ExitResolutionOptions = {}): Checked<ResolvedExit> {
  const tick = instrument.tickSize;
  const dir = exitDirection(leg, entrySide);
  const basis = options.basis ?? 'fill';
  const where = dir > 0 ? 'above' : 'below';
  const nearest = firstTickBeyond(fillPrice, dir, tick);
  if (spec.kind === 'price') {
    const asked = spec.price;
    if (!isOnStep(asked, tick)) {
      if (options.clamp !== true) return refuse(leg, `${leg} ${formatPrice(asked, tick)} is off the tick ${formatQty(tick)}`);
    }
    const onTick = roundToStep(asked, tick, dir > 0 ? 'up' : 'down');
    const rightSide = dir > 0 ? onTick > fillPrice : onTick < fillPrice;
    if (!rightSide) {
      const problem = `${leg} ${formatPrice(asked, tick)} must be ${where} the ${basis} ${formatPrice(fillPrice, tick)} for a ${entrySide}`;
      if (options.clamp !== true || nearest <= 0) return refuse(leg, problem);
      return accept({ price: nearest, adjusted: `${problem}: placed at ${formatPrice(nearest, tick)}` });
    }
    return accept({ price: onTick, adjusted: onTick === asked ? null : `${leg} ${formatPrice(asked, tick)} was off the tick: placed at ${formatPrice(onTick, tick)}` });
  }
  const distance = spec.kind === 'ticks' ? spec.ticks * tick : spec.kind === 'percent' ? (fillPrice * spec.percent) / 100 : spec.amount;
  const rounded = roundToStep(fillPrice + dir * distance, tick, dir > 0 ? 'half-up' : 'half-down');
  const price = dir > 0 ? Math.max(rounded, nearest) : Math.min(rounded, nearest);
  if (!(price > 0)) {
    return refuse(leg, `${leg} ${describeExitSpec(spec, tick)} ${where} the ${basis} ${formatPrice(fillPrice, tick)} is at or below zero`);
  }
  return accept({ price, adjusted: null });
}
