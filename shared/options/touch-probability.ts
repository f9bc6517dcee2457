import { bsm, type BsmInputs } from './black-scholes';
import { normCdf } from './normal-distribution';

/**
 * The probability that a long option's take-profit is touched before expiry,
 * under the pricing model itself.
 *
 * Method: the take-profit premium is mapped to the underlying's price L at
 * which the model (Black-Scholes-Merton at the option's implied volatility)
 * values the contract at the take-profit now; the answer is the probability
 * that the underlying, a geometric Brownian motion with the risk-neutral drift
 * r − q and that volatility, touches L before expiry (the reflection
 * principle for Brownian motion with drift: ν = r − q − σ²/2, b = ln(L/S),
 *   up:   P = Φ((−b + νT)/σ√T) + e^{2νb/σ²} Φ((−b − νT)/σ√T)
 *   down: P = Φ(( b − νT)/σ√T) + e^{2νb/σ²} Φ(( b + νT)/σ√T)).
 * Why this and not the premium's own path: the premium is a function of the
 * underlying and time, and the underlying is what the model says moves.
 * Mapping at today's time value ignores the decay between now and the touch,
 * so for an option whose value falls with time (theta < 0, nearly every long
 * option) this is an upper bound on the premium reaching the take-profit; it
 * is exact for the underlying touching L. test/unit/shared/options checks it
 * against a Monte Carlo run of the same process.
 */
export interface TouchProbability {
  /** 0..1. */
  readonly probability: number;
  /** L: the underlying's price at which the contract is worth the take-profit now (null when no price is). */
  readonly underlyingLevel: number | null;
}

const MAX_ITERATIONS = 200;

/** S at which the model value equals `premium` (monotone in S), by Newton on S safeguarded by bisection. */
export function underlyingForPremium(p: BsmInputs, premium: number): number | null {
  const up = p.type === 'call';
  let lo = 0;
  let hi = Number.POSITIVE_INFINITY;
  let s = p.spot;
  for (let i = 0; i < MAX_ITERATIONS; i++) {
    const r = bsm({ ...p, spot: s });
    const diff = r.price - premium;
    if (diff === 0) return s;
    // Value rises with S for a call, falls for a put.
    if ((diff < 0) === up) lo = s;
    else hi = s;
    let next = s - diff / r.greeks.delta;
    if (!(next > lo && next < hi) || !Number.isFinite(next)) next = Number.isFinite(hi) ? (lo + hi) / 2 : 2 * s;
    if (Math.abs(next - s) <= 1e-12 * s) return next;
    s = next;
  }
  return s;
}

/** P(an arithmetic Brownian motion with drift ν and volatility σ touches level b ≠ 0 within T). */
export function brownianTouch(b: number, drift: number, vol: number, years: number): number {
  const sd = vol * Math.sqrt(years);
  const m = drift * years;
  const reflect = Math.exp((2 * drift * b) / (vol * vol));
  const p = b > 0 ? normCdf((-b + m) / sd) + reflect * normCdf((-b - m) / sd) : normCdf((b - m) / sd) + reflect * normCdf((b + m) / sd);
  return Math.min(Math.max(Number.isFinite(p) ? p : 1, 0), 1);
}

/** See the note above; `p.vol` is the option's implied volatility, `takeProfit` the premium per unit. */
export function touchProbability(p: BsmInputs, takeProfit: number): TouchProbability {
  const current = bsm(p).price;
  if (takeProfit <= current) return { probability: 1, underlyingLevel: p.spot };
  // A put is worth at most K e^{−rT}: a take-profit at or above that is never reached.
  if (p.type === 'put' && takeProfit >= p.strike * Math.exp(-p.rate * p.years)) return { probability: 0, underlyingLevel: null };
  const level = underlyingForPremium(p, takeProfit);
  if (level === null || !(level > 0)) return { probability: 0, underlyingLevel: null };
  const drift = p.rate - p.dividendYield - (p.vol * p.vol) / 2;
  return { probability: brownianTouch(Math.log(level / p.spot), drift, p.vol, p.years), underlyingLevel: level };
}
