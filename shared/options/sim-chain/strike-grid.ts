import type { SimOptionParams } from './sim-option-params';

/** A strike rounded to a tenth of a cent (no float dust such as 502.49999). */
function clean(strike: number): number {
  return Math.round(strike * 1000) / 1000;
}

/**
 * The strikes listed on a day around `center` (the previous close): the
 * inner grid, `innerStrikes` each side of the strike nearest the center, then
 * the outer grid out to ±outerRange. Ascending, all positive.
 */
export function strikeGrid(center: number, p: SimOptionParams): number[] {
  const inner = p.innerStep(center);
  const outer = p.outerStep(center);
  const atm = Math.round(center / inner) * inner;
  const strikes = new Set<number>();
  for (let i = -p.innerStrikes; i <= p.innerStrikes; i++) strikes.add(clean(atm + i * inner));
  const low = atm - p.innerStrikes * inner;
  const high = atm + p.innerStrikes * inner;
  for (let k = Math.ceil((center * (1 - p.outerRange)) / outer) * outer; k < low; k += outer) strikes.add(clean(k));
  for (let k = Math.ceil(high / outer) * outer; k <= center * (1 + p.outerRange); k += outer) strikes.add(clean(k));
  return [...strikes].filter((k) => k > 0).sort((a, b) => a - b);
}
