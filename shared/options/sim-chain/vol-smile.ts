/**
 * The simulated chain's implied volatility surface.
 *
 * ATM level: the underlying's recent realised volatility (the mean of its
 * daily volatility regime over the last RECENT_DAYS days) times a variance
 * risk premium, relaxing towards the long-run level with the expiry's
 * horizon (an e-folding time of TERM_YEARS), and lifted when the underlying
 * trades below the day's reference price (spot-vol correlation, so the
 * smile moves with the live underlying).
 * Shape: an SVI-style variance multiplier in the standardised moneyness
 * z = ln(K/F) / (σ_atm √τ),
 *   v(z) = 1 + B (ρ z + √(z² + η²) − η),  v(0) = 1,  σ = σ_atm √v,
 * with ρ < 0, so puts (low strikes) are richer than calls (a 25-delta put
 * about 1.2× the ATM volatility, a 25-delta call about 0.94×). Measuring the
 * moneyness in standard deviations keeps the wings' slope in total variance
 * small at every volatility level and horizon (B²(1−ρ)²/4 ≪ 1 in Durrleman's
 * condition), so call prices stay decreasing and convex in the strike
 * (checked by the tests on whole chains). τ in z is floored at a day so that
 * 0DTE smiles stay finite.
 */

export const RECENT_DAYS = 10;
const VARIANCE_PREMIUM = 1.1;
const TERM_YEARS = 0.25;
const B = 0.3;
const RHO = -0.8;
const ETA = 1;
const MIN_SHAPE_YEARS = 1 / 365;
/** Relative ATM vol change per unit log move of the underlying from its reference (−4: 1% down, 4% richer). */
const SPOT_VOL_BETA = -4;
const MAX_SPOT_VOL_FACTOR = 2;

export interface SmileLevel {
  /** Mean regime volatility over the recent days. */
  readonly recentVol: number;
  /** The underlying's long-run volatility. */
  readonly longRunVol: number;
  /** ln(S/S_ref): where the underlying trades against the day's reference price. */
  readonly logMove: number;
}

/** The at-the-money volatility for an expiry `years` away. */
export function atmVol(level: SmileLevel, years: number): number {
  const front = level.recentVol * VARIANCE_PREMIUM;
  const base = level.longRunVol + (front - level.longRunVol) * Math.exp(-years / TERM_YEARS);
  const spotFactor = Math.min(Math.max(Math.exp(SPOT_VOL_BETA * level.logMove), 1 / MAX_SPOT_VOL_FACTOR), MAX_SPOT_VOL_FACTOR);
  return base * spotFactor;
}

/** The standardised moneyness z = ln(K/F) / (σ_atm √τ) (τ floored at a day), which also sets spreads and open interest. */
export function standardisedMoneyness(atm: number, k: number, years: number): number {
  return k / (atm * Math.sqrt(Math.max(years, MIN_SHAPE_YEARS)));
}

/** σ(K, τ) with k = ln(K/F). */
export function smileVol(atm: number, k: number, years: number): number {
  const z = standardisedMoneyness(atm, k, years);
  return atm * Math.sqrt(1 + B * (RHO * z + Math.sqrt(z * z + ETA * ETA) - ETA));
}
