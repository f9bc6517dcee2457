import { europeanIntrinsic, europeanUpperBound, forwardOf, type MarketInputs } from './black-scholes';
import { solveNormalisedVol } from './normalised-implied-vol';
import { optionSign } from './option-type';

export interface ImpliedVolInputs extends MarketInputs {
  /** The option's price per unit of the underlying. */
  readonly price: number;
}

/**
 * Why a price has no implied volatility:
 * - below-intrinsic: under the European lower bound max(θ(S e^{−qT} − K e^{−rT}), 0);
 * - above-bound: at or over the upper bound (S e^{−qT} for a call, K e^{−rT} for a put);
 * - no-time-value: exactly the lower bound, or a time value too small for
 *   doubles to tell apart from it (every small volatility fits).
 */
export type NoImpliedVolReason = 'below-intrinsic' | 'above-bound' | 'no-time-value';

export type ImpliedVolResult =
  | { readonly ok: true; readonly vol: number; readonly iterations: number }
  | { readonly ok: false; readonly reason: NoImpliedVolReason; readonly lowerBound: number; readonly upperBound: number };

/**
 * The Black-Scholes-Merton volatility that reproduces `price` (inputs trusted:
 * see checkMarketInputs). The option is reduced to an out-of-the-money call in
 * Jäckel's normalised form (a put at x is a call at −x; an in-the-money option
 * keeps its time value) and solved there (normalised-implied-vol.ts): the
 * repriced value matches the given one to ~1e-15 relative (1e-12 at worst, far
 * in the tails, where the log-moneyness's own rounding sets the limit).
 */
export function impliedVol(p: ImpliedVolInputs): ImpliedVolResult {
  const f = forwardOf(p);
  const lowerBound = europeanIntrinsic(p.type, f);
  const upperBound = europeanUpperBound(p.type, f);
  const refuse = (reason: NoImpliedVolReason): ImpliedVolResult => ({ ok: false, reason, lowerBound, upperBound });
  if (!(p.price >= lowerBound)) return refuse('below-intrinsic');
  if (p.price >= upperBound) return refuse('above-bound');
  const y = optionSign(p.type) * f.x;
  const timeValue = y > 0 ? p.price - optionSign(p.type) * (f.spotDiscounted - f.strikeDiscounted) : p.price;
  if (!(timeValue > 0)) return refuse('no-time-value');
  const x = -Math.abs(y);
  const beta = timeValue / Math.sqrt(f.spotDiscounted * f.strikeDiscounted);
  if (beta >= Math.exp(x / 2)) return refuse('above-bound');
  const solved = solveNormalisedVol(x, beta);
  return { ok: true, vol: solved.s / Math.sqrt(p.years), iterations: solved.iterations };
}
