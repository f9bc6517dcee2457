import type { CostModel } from './cost-model';

/** Fractional units are multiples of 1e-8 (a satoshi), rounded down. */
export const FRACTION_STEPS_PER_UNIT = 100_000_000;

/**
 * The most units a budget buys (or sells short) at `price` with commission:
 * the largest whole number (or multiple of 1e-8 when `fractional`) with
 * `units * price + commission(units * price) <= budget`, i.e.
 * `price * units * (1 + rate) + fixed <= budget`.
 *
 * The closed form `floor((budget - fixed) / (price * (1 + rate)))` can be one
 * step off either way in floating point, so the candidate is checked with the
 * very arithmetic the portfolio books (`CostModel.cashOut`) and stepped down
 * (or up) until it is the largest that fits. 0 when not even one step fits.
 */
export function affordableUnits(budget: number, price: number, costs: CostModel, fractional: boolean): number {
  if (!(budget > costs.fixed) || !(price > 0)) return 0;
  const scale = fractional ? FRACTION_STEPS_PER_UNIT : 1;
  let steps = Math.floor(((budget - costs.fixed) / (price * (1 + costs.rate))) * scale);
  if (!Number.isFinite(steps) || steps <= 0) steps = 0;
  while (steps > 0 && costs.cashOut(steps / scale, price) > budget) steps--;
  while (costs.cashOut((steps + 1) / scale, price) <= budget) steps++;
  return steps / scale;
}
