/**
 * Black-Scholes-Merton sensitivities of one option (one unit of the
 * underlying, not one 100-share contract), each named with its unit so that
 * no caller has to guess a convention:
 * - delta, gamma: per $1 move of the underlying (∂V/∂S, ∂²V/∂S²);
 * - vega: per 1.00 of volatility (σ from 0.20 to 1.20) and per percentage
 *   point (0.20 to 0.21) = perUnit / 100;
 * - theta: the change in value as time passes with everything else fixed
 *   (∂V/∂t = −∂V/∂T), per year and per calendar day = perYear / 365, the
 *   same ACT/365 day count as the time to expiry; negative for most long options;
 * - rho: per 1.00 of the interest rate and per percentage point = perUnit / 100.
 * Hull's greek-letters example (S=49, K=50, r=5%, σ=20%, T=20/52) reads
 * delta 0.522, gamma 0.066, vegaPerUnit 12.1, thetaPerYear −4.31, rhoPerUnit 8.91.
 */
export interface OptionGreeks {
  readonly delta: number;
  readonly gamma: number;
  readonly vegaPerUnit: number;
  readonly vegaPerPoint: number;
  readonly thetaPerYear: number;
  readonly thetaPerDay: number;
  readonly rhoPerUnit: number;
  readonly rhoPerPoint: number;
}

/** Calendar days per year of the day count (time to expiry and theta per day). */
export const DAYS_PER_YEAR = 365;
