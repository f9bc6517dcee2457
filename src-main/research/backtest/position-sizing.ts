import type { CostModel } from './cost-model';

/** Fractional units are multiples of 1e-8 (a satoshi), rounded down. */
export const FRACTION_STEPS_PER_UNIT = 100_000_000;

/** Step counts stay below 2^52, where adding one step still changes a double. */
const SAFE_STEPS = 2 ** 52;
/** The closed form is at most a step or two off; more than this means the arithmetic is not to be trusted. */
const MAX_CORRECTION = 16;

/**
 * The most units a budget buys (or sells short) at `price` with commission:
 * the largest whole number (or multiple of 1e-8 when `fractional`) with
 * `units * price + commission(units * price) <= budget`, i.e.
 * `price * units * (1 + rate) + fixed <= budget`.
 *
 * The closed form `floor((budget - fixed) / (price * (1 + rate)))` can be one
 * step off either way in floating point, so the candidate is checked with the
 * very arithmetic the portfolio books (`CostModel.cashOut`) and stepped down
 * (or up) until it is the largest that fits, at most MAX_CORRECTION steps
 * each way. A very cheap asset (1e9 units of a 1e-5 coin) would need more
 * than 2^52 steps of 1e-8, where a step no longer changes the count: there the
 * step grows tenfold until the count is safe (1e-7, 1e-6, ... of a unit). The
 * result never costs more than the budget; 0 when not even one step fits.
 */
export function affordableUnits(budget: number, price: number, costs: CostModel, fractional: boolean): number {
  if (!(budget > costs.fixed) || !(price > 0)) return 0;
  const raw = (budget - costs.fixed) / (price * (1 + costs.rate));
  if (!Number.isFinite(raw)) return 0;
  let scale = fractional ? FRACTION_STEPS_PER_UNIT : 1;
  while (scale > 1 && raw * scale > SAFE_STEPS) scale /= 10;
  let steps = Math.min(SAFE_STEPS, Math.max(0, Math.floor(raw * scale)));
  for (let i = 0; i < MAX_CORRECTION && steps > 0 && costs.cashOut(steps / scale, price) > budget; i++) steps--;
  if (steps > 0 && costs.cashOut(steps / scale, price) > budget) return 0;
  for (let i = 0; i < MAX_CORRECTION && steps < SAFE_STEPS && costs.cashOut((steps + 1) / scale, price) <= budget; i++) steps++;
  return steps / scale;
}
