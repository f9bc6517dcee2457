import { expHalfSquareNeg, INV_SQRT_2PI, millsOfNegative, normCdf } from './normal-distribution';

/**
 * Black's formula in Jäckel's normalised form ("Let's Be Rational", 2015):
 * with the log-moneyness x = ln(F/K), the total volatility s = σ√T,
 * h = x/s and t = s/2, the out-of-the-money call (x ≤ 0) is worth
 *   b(x, s) = e^{x/2} Φ(h + t) − e^{−x/2} Φ(h − t)
 * in units of D·√(F·K) (D the discount factor). Every European price is
 * this plus an intrinsic part: a put at x is a call at −x, and an
 * in-the-money option is the out-of-the-money one plus e^{x/2} − e^{−x/2}.
 *
 * The two terms cancel wherever t is small against the distance between
 * Φ(h+t) and Φ(h−t), which is every short-dated option (a 0DTE contract an
 * hour before the close has t ≈ 0.001). The formula is therefore evaluated
 * in three ways, each exact to a few ulps where it is used:
 * - small t: b/φ(h) = 2 Σ g_{2k+1} t^{2k+1}/(2k+1)!, from the Taylor
 *   coefficients g_n of e^{ht}Φ(h+t), which obey g_{n+1} = h g_n + E_n
 *   (E_n the n-th derivative of e^{−t²/2} at 0, g_0 = Φ(h)/φ(h));
 * - far out of the money (both arguments beyond −9): b = φ(h) e^{−t²/2}
 *   (M(|h|−t) − M(|h|+t)) with the Mills ratio's asymptotic series M, whose
 *   differences are summed term by term without cancellation;
 * - elsewhere the formula as it stands, with φ(h) e^{−t²/2} factored out
 *   of both terms while h + t < 0 (then only Mills ratios are subtracted).
 * The inputs themselves bound what is possible: b is ~exp(−h²/2), so the
 * rounding of x and of h = x/s alone costs ~h²·ε, which the branches match.
 */

/** t below which the Taylor expansion in t is used (with |h| up to SMALL_T_MAX_H). */
const SMALL_T = 0.21;
const SMALL_T_MAX_H = 10;
/** The asymptotic series is used for h < −ASYMPTOTIC_H when |h| − t stays above ASYMPTOTIC_U. */
const ASYMPTOTIC_H = 10;
const ASYMPTOTIC_U = 9;
const TERM_TOLERANCE = 1e-17;
const MAX_TERMS = 60;

function smallTExpansion(h: number, t: number): number {
  const g0 = millsOfNegative(h);
  // g_n and E_n run together; only odd n contribute.
  let g = h * g0 + 1; // g_1
  let sum = g * t;
  let tPower = t;
  let factorial = 1;
  let e = -1; // E_2
  for (let n = 1; n < MAX_TERMS; n += 2) {
    // g_{n+1} = h g_n + E_n (E_n = 0 for odd n); g_{n+2} = h g_{n+1} + E_{n+1}.
    const gEven = h * g;
    g = h * gEven + e;
    e = -e * (n + 2);
    tPower *= t * t;
    factorial *= (n + 1) * (n + 2);
    const term = (g * tPower) / factorial;
    sum += term;
    if (Math.abs(term) <= TERM_TOLERANCE * Math.abs(sum)) break;
  }
  return 2 * INV_SQRT_2PI * expHalfSquareNeg(h) * sum;
}

/**
 * M(a − t) − M(a + t) for a − t ≥ ASYMPTOTIC_U, M(u) ~ Σ (−1)^k (2k−1)!! / u^{2k+1}.
 * With u1 = a − t, u2 = a + t, A_k = u1^{−(2k+1)}, B_k = u2^{−(2k+1)}:
 * A_{k+1} − B_{k+1} = q (A_k − B_k) + B_k (q − p), q = 1/u1², p = 1/u2², every
 * part positive; u2 − u1 = 2t and u2 + u1 = 2a are taken exactly, not by
 * subtracting the rounded u's.
 */
function millsDifference(a: number, t: number): number {
  const u1 = a - t;
  const u2 = a + t;
  const q = 1 / (u1 * u1);
  const p = 1 / (u2 * u2);
  const qMinusP = 4 * t * a * q * p;
  let b = 1 / u2;
  let d = (2 * t) / (u1 * u2);
  let coefficient = 1;
  let sum = d;
  let previous = Number.POSITIVE_INFINITY;
  for (let k = 1; k < MAX_TERMS; k++) {
    d = q * d + b * qMinusP;
    b *= p;
    coefficient *= -(2 * k - 1);
    const term = coefficient * d;
    // An asymptotic series: stop at its smallest term.
    if (Math.abs(term) >= previous) break;
    previous = Math.abs(term);
    sum += term;
    if (previous <= TERM_TOLERANCE * Math.abs(sum)) break;
  }
  return sum;
}

/** b(x, s) for x ≤ 0 (the out-of-the-money call), s > 0. */
export function normalisedOtmCall(x: number, s: number): number {
  const h = x / s;
  const t = s / 2;
  if (t < SMALL_T && h >= -SMALL_T_MAX_H) return smallTExpansion(h, t);
  if (h < -ASYMPTOTIC_H && -h - t >= ASYMPTOTIC_U) {
    return INV_SQRT_2PI * expHalfSquareNeg(h) * expHalfSquareNeg(t) * millsDifference(-h, t);
  }
  if (h + t < 0) {
    // Both terms in the lower tail: factor out φ(h) e^{−t²/2} = e^{x/2} φ(h+t) = e^{−x/2} φ(h−t), so
    // the rounding of h ± t does not reach an exponential.
    return INV_SQRT_2PI * expHalfSquareNeg(h) * expHalfSquareNeg(t) * (millsOfNegative(h + t) - millsOfNegative(h - t));
  }
  return Math.exp(x / 2) * normCdf(h + t) - Math.exp(-x / 2) * normCdf(h - t);
}

/** e^{x/2} − b(x, s) for x ≤ 0: the distance to the upper bound, without cancellation. */
export function normalisedOtmCallComplement(x: number, s: number): number {
  const h = x / s;
  const t = s / 2;
  return Math.exp(x / 2) * normCdf(-h - t) + Math.exp(-x / 2) * normCdf(h - t);
}

/** ∂b/∂s = φ(h) e^{−t²/2} = exp(−(h² + t²)/2)/√(2π), the same for calls and puts at any x. */
export function normalisedVega(x: number, s: number): number {
  const h = x / s;
  const t = s / 2;
  return INV_SQRT_2PI * expHalfSquareNeg(h) * expHalfSquareNeg(t);
}
