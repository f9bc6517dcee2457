import { describe, expect, it } from 'vitest';
import { Rng } from '../../../../shared/random/seeded-random';
import { bsm, bsmPrice, type BsmInputs } from '../../../../shared/options/black-scholes';
import { brownianTouch, touchProbability, underlyingForPremium } from '../../../../shared/options/touch-probability';

/**
 * Monte Carlo of the same event: log S a Brownian motion with drift
 * r − q − σ²/2, checked for a touch of ln(L/S) between steps with the exact
 * Brownian-bridge crossing probability exp(−2 (b − x0)(b − x1) / σ²Δt), so the
 * run is unbiased for continuous monitoring.
 */
function monteCarloTouch(p: BsmInputs, level: number, paths: number, steps: number, seed: number): number {
  const rng = new Rng(seed);
  const b = Math.log(level / p.spot);
  const up = b > 0;
  const dt = p.years / steps;
  const drift = (p.rate - p.dividendYield - (p.vol * p.vol) / 2) * dt;
  const sd = p.vol * Math.sqrt(dt);
  let hits = 0;
  for (let i = 0; i < paths; i++) {
    let x = 0;
    for (let k = 0; k < steps; k++) {
      const next = x + drift + sd * rng.normal();
      const crossed = up ? next >= b : next <= b;
      if (crossed || rng.uniform() < Math.exp((-2 * (b - x) * (b - next)) / (sd * sd))) {
        hits++;
        break;
      }
      x = next;
    }
  }
  return hits / paths;
}

describe('probability of touching the take-profit', () => {
  const call: BsmInputs = { type: 'call', spot: 100, strike: 105, rate: 0.05, dividendYield: 0, vol: 0.3, years: 30 / 365 };
  const put: BsmInputs = { type: 'put', spot: 100, strike: 95, rate: 0.05, dividendYield: 0.01, vol: 0.4, years: 14 / 365 };

  it('maps the take-profit to the underlying level where the model values the contract at it', () => {
    const premium = bsmPrice(call);
    const level = underlyingForPremium(call, 2 * premium);
    expect(level).not.toBeNull();
    expect(bsmPrice({ ...call, spot: level ?? 0 }) / (2 * premium)).toBeCloseTo(1, 10);
    expect(touchProbability(call, premium * 0.5)).toEqual({ probability: 1, underlyingLevel: 100 });
    expect(touchProbability(put, 96)).toEqual({ probability: 0, underlyingLevel: null });
  });

  it('agrees with a Monte Carlo run of the same process (calls up, puts down)', () => {
    for (const [p, multiple, seed] of [[call, 2, 7], [put, 1.5, 11]] as const) {
      const tp = bsm(p).price * multiple;
      const analytic = touchProbability(p, tp);
      expect(analytic.underlyingLevel).not.toBeNull();
      const paths = 20_000;
      const mc = monteCarloTouch(p, analytic.underlyingLevel ?? 0, paths, 200, seed);
      const se = Math.sqrt((analytic.probability * (1 - analytic.probability)) / paths);
      expect(analytic.probability).toBeGreaterThan(0.05);
      expect(analytic.probability).toBeLessThan(0.95);
      expect(Math.abs(mc - analytic.probability), `mc ${String(mc)} vs ${String(analytic.probability)}`).toBeLessThan(4 * se);
    }
  });

  it('the reflection formula: driftless touch is twice the probability of ending beyond', () => {
    // P(max W ≥ b) = 2 P(W_T ≥ b) for driftless Brownian motion.
    expect(brownianTouch(0.1, 0, 0.2, 1)).toBeCloseTo(2 * (1 - 0.6914624612740131), 14);
    expect(brownianTouch(-0.1, 0, 0.2, 1)).toBeCloseTo(2 * (1 - 0.6914624612740131), 14);
  });
});
