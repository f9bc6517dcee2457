import { normalisedOtmCall, normalisedOtmCallComplement, normalisedVega } from './normalised-black';

/**
 * The inverse of b(x, ·) (normalised-black.ts): the total volatility s = σ√T
 * at which the out-of-the-money call (x ≤ 0) is worth β, 0 < β < e^{x/2}.
 *
 * b(x, s) is convex in s below the inflection point s_c = √(2|x|) and concave
 * above it. Following Jäckel ("Let's Be Rational"), each side gets the
 * transform of the price that makes it nearly linear in s, and Halley's
 * method (third order) runs on that transform:
 *   below s_c: f(s) = 1/ln b(s) − 1/ln β   (b ~ exp(−x²/2s²): 1/ln b ~ −2s²/x²)
 *   between:   f(s) = β − b(s)
 *   near the bound (β > e^{x/2}/2): f(s) = ln(e^{x/2} − b(s)) − ln(e^{x/2} − β)
 * All are decreasing in s. Every evaluation narrows a bracket around the
 * root, and a step that would leave the bracket is replaced by bisection
 * (or by doubling while the bracket is open above), so the iteration cannot
 * diverge; it stops when a step moves s by less than STEP_TOLERANCE of
 * itself, which is at or below the resolution of b in doubles.
 */

const MAX_ITERATIONS = 60;
const STEP_TOLERANCE = 4e-16;
/** Steps this small that no longer shrink are rounding noise in b, not progress. */
const NOISE_FLOOR = 1e-13;

export interface NormalisedSolution {
  readonly s: number;
  readonly iterations: number;
}

/** log(p) for 0 < p ≤ ½ inverted roughly to z with Φ(−z) ≈ p (two fixed-point steps of p ≈ φ(z)/z): a starting point, not an answer. */
function roughUpperQuantile(p: number): number {
  if (p >= 0.5) return 0;
  if (p > 0.15) return (0.5 - p) * 2.5066282746310002;
  const u = Math.sqrt(-2 * Math.log(p));
  let z = u;
  for (let i = 0; i < 2; i++) z = Math.sqrt(Math.max(u * u - 2 * Math.log(z * 2.5066282746310002), 0.01));
  return z;
}

type Region = 'lower' | 'middle' | 'upper';

function initialGuess(x: number, beta: number, region: Region, sc: number, bc: number): number {
  if (region === 'lower') {
    // b ≈ φ(h) · s/h² with h = x/s: one fixed-point pass on ln β = −h²/2 + ln(s/(h²√(2π))).
    const logBeta = Math.log(beta);
    let s = -x / Math.sqrt(-2 * logBeta);
    const h = x / s;
    const correction = Math.log(s / (h * h * 2.5066282746310002));
    if (logBeta < correction) s = -x / Math.sqrt(2 * (correction - logBeta));
    return Math.min(Math.max(s, sc * 1e-3), sc);
  }
  // b is concave above s_c: its tangent there reaches β at or before the root.
  const tangent = sc + (beta - bc) / normalisedVega(x, sc);
  if (region === 'middle') return tangent;
  // Far above s_c: e^{x/2} − b ≈ 2 cosh(x/2) Φ(−s/2).
  const complement = Math.exp(x / 2) - beta;
  return Math.max(2 * roughUpperQuantile(complement / (Math.exp(x / 2) + Math.exp(-x / 2))), tangent);
}

/** The objective's value and its first two derivatives in s. */
interface Objective {
  f: number;
  f1: number;
  f2: number;
}

/**
 * Fills `out` for the region's objective at s (curvature = b''/b'); false when
 * b or its complement underflows there (the caller bisects).
 */
function evaluate(region: Region, x: number, s: number, target: number, out: Objective): boolean {
  const vega = normalisedVega(x, s);
  const h = x / s;
  const curvature = (h * h) / s - s / 4;
  switch (region) {
    case 'lower': {
      const b = normalisedOtmCall(x, s);
      if (!(b > 0) || !(vega > 0)) return false;
      const logB = Math.log(b);
      const l1 = vega / b;
      const l2 = l1 * curvature - l1 * l1;
      const inv = 1 / logB;
      out.f = inv - target;
      out.f1 = -l1 * inv * inv;
      out.f2 = (-l2 + 2 * l1 * l1 * inv) * inv * inv;
      return true;
    }
    case 'middle':
      out.f = target - normalisedOtmCall(x, s);
      out.f1 = -vega;
      out.f2 = -vega * curvature;
      return true;
    case 'upper': {
      const c = normalisedOtmCallComplement(x, s);
      if (!(c > 0)) return false;
      const c1 = -vega / c;
      out.f = Math.log(c) - target;
      out.f1 = c1;
      out.f2 = c1 * curvature - c1 * c1;
      return true;
    }
  }
}

/** s with b(x, s) = β; requires x ≤ 0 and 0 < β < e^{x/2} (the caller checks). */
export function solveNormalisedVol(x: number, beta: number): NormalisedSolution {
  const sc = Math.sqrt(-2 * x);
  const bc = x === 0 ? 0 : normalisedOtmCall(x, sc);
  if (beta === bc) return { s: sc, iterations: 0 };
  const bMax = Math.exp(x / 2);
  // The complement e^{x/2} − β is only taken where it keeps β's precision (β past half the bound).
  const region: Region = beta < bc ? 'lower' : beta <= bMax / 2 ? 'middle' : 'upper';
  const target = region === 'lower' ? 1 / Math.log(beta) : region === 'middle' ? beta : Math.log(bMax - beta);
  let lo = region === 'lower' ? 0 : sc;
  let hi = region === 'lower' ? sc : Number.POSITIVE_INFINITY;
  let s = initialGuess(x, beta, region, sc, bc);
  const o: Objective = { f: 0, f1: 0, f2: 0 };
  let previousStep = Number.POSITIVE_INFINITY;
  let iterations = 0;
  while (iterations < MAX_ITERATIONS) {
    iterations++;
    if (!evaluate(region, x, s, target, o)) {
      // Underflow: far left of the root (lower) or far right of it (upper).
      if (region === 'upper') hi = s;
      else lo = s;
      s = Number.isFinite(hi) ? (lo + hi) / 2 : 2 * s;
      continue;
    }
    if (o.f === 0) return { s, iterations };
    if (o.f > 0) lo = s;
    else hi = s;
    const newton = -o.f / o.f1;
    const denominator = 1 + (0.5 * newton * o.f2) / o.f1;
    const step = denominator > 0.5 && Number.isFinite(denominator) ? newton / denominator : newton;
    const size = Math.abs(step);
    // Done when the step is at the resolution of doubles, or when it stops shrinking at the noise floor of b.
    if (size <= STEP_TOLERANCE * s || (size <= NOISE_FLOOR * s && size > previousStep / 2)) return { s: s + step, iterations };
    previousStep = size;
    let next = s + step;
    if (!(next > lo && next < hi)) next = Number.isFinite(hi) ? (lo + hi) / 2 : 2 * s;
    s = next;
    if (hi - lo <= STEP_TOLERANCE * s) break;
  }
  return { s, iterations };
}
