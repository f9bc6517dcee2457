import type { BarEvent } from './market-event';

/** A stretch of a bar's path between two of its points: the prices it covers. */
export interface PathLeg {
  readonly low: number;
  readonly high: number;
}

/**
 * The path a bar is assumed to take (NautilusTrader's adaptive ordering):
 * Open→High→Low→Close, or Open→Low→High→Close when the open is nearer the
 * low than the high (a tie goes high first, nautilus's default order). Its
 * three legs, in order; leg 0 starts at the open.
 */
export function barPath(bar: Pick<BarEvent, 'open' | 'high' | 'low' | 'close'>): readonly [PathLeg, PathLeg, PathLeg] {
  const lowFirst = bar.open - bar.low < bar.high - bar.open;
  const first = lowFirst ? bar.low : bar.high;
  const second = lowFirst ? bar.high : bar.low;
  const leg = (a: number, b: number): PathLeg => ({ low: Math.min(a, b), high: Math.max(a, b) });
  return [leg(bar.open, first), leg(first, second), leg(second, bar.close)];
}
