import { describe, expect, it } from 'vitest';
import { bsm, bsmPrice } from '../../../../shared/options/black-scholes';
import { impliedVol } from '../../../../shared/options/implied-vol';

const HOUR = 1 / (365 * 24);
const MONEYNESS = [0.5, 0.6, 0.7, 0.8, 0.9, 0.95, 0.98, 0.99, 0.999, 1, 1.001, 1.01, 1.02, 1.05, 1.1, 1.2, 1.3, 1.5, 1.75, 2];
const YEARS = [HOUR, 2 * HOUR, 6 * HOUR, 1 / 365, 3 / 365, 7 / 365, 14 / 365, 30 / 365, 0.25, 0.5, 1, 2, 3];
const VOLS = [0.05, 0.08, 0.1, 0.15, 0.2, 0.3, 0.5, 0.75, 1, 1.5, 2, 2.5, 3];
/** σ is identifiable to 1e-10 when its condition number κ = price / (vega·σ) keeps rounding of the price (1e-16) under 1e-11. */
const MAX_CONDITION = 1e5;

describe('implied volatility', () => {
  it('round-trips a grid: moneyness 0.5-2, 1 hour to 3 years, vol 5%-300%, calls and puts, with and without rates', () => {
    let worstPrice = 0;
    let worstVol = 0;
    let solved = 0;
    let unidentifiable = 0;
    let maxIterations = 0;
    for (const type of ['call', 'put'] as const) {
      for (const m of MONEYNESS) {
        for (const years of YEARS) {
          for (const vol of VOLS) {
            for (const rate of [0, 0.05]) {
              const p = { type, spot: 100, strike: 100 * m, rate, dividendYield: 0.01, years };
              const { price, greeks } = bsm({ ...p, vol });
              const condition = price / (greeks.vegaPerUnit * vol);
              const identifiable = price > 1e-290 && condition < MAX_CONDITION;
              const iv = impliedVol({ ...p, price });
              if (!iv.ok) {
                // Only where doubles cannot hold the time value: the price is its lower bound.
                expect(iv.reason, JSON.stringify({ ...p, vol })).toBe('no-time-value');
                expect(identifiable, JSON.stringify({ ...p, vol, condition })).toBe(false);
                unidentifiable++;
                continue;
              }
              solved++;
              maxIterations = Math.max(maxIterations, iv.iterations);
              worstPrice = Math.max(worstPrice, Math.abs(bsmPrice({ ...p, vol: iv.vol }) - price) / price);
              if (identifiable) worstVol = Math.max(worstVol, Math.abs(iv.vol - vol) / vol);
            }
          }
        }
      }
    }
    console.info(
      `IV grid: ${String(solved)} solved, ${String(unidentifiable)} without time value; worst repricing error ${worstPrice.toExponential(2)}, ` +
        `worst vol error ${worstVol.toExponential(2)} (κ < 1e5), at most ${String(maxIterations)} iterations`,
    );
    expect(solved).toBeGreaterThan(11_000);
    expect(worstPrice).toBeLessThanOrEqual(1e-12);
    expect(worstVol).toBeLessThanOrEqual(1e-10);
    expect(maxIterations).toBeLessThanOrEqual(12);
  });

  it("inverts Hull's prices", () => {
    const hull = { spot: 42, strike: 40, rate: 0.1, dividendYield: 0, years: 0.5 };
    const call = impliedVol({ ...hull, type: 'call', price: 4.7594223928715334 });
    const put = impliedVol({ ...hull, type: 'put', price: 0.80859937290009365 });
    expect(call.ok && Math.abs(call.vol - 0.2)).toBeLessThan(1e-14);
    expect(put.ok && Math.abs(put.vol - 0.2)).toBeLessThan(1e-14);
  });

  it('says why there is no solution instead of returning garbage', () => {
    const p = { spot: 42, strike: 40, rate: 0.1, dividendYield: 0, years: 0.5 };
    const lower = 42 - 40 * Math.exp(-0.05);
    expect(impliedVol({ ...p, type: 'call', price: 3 })).toEqual({ ok: false, reason: 'below-intrinsic', lowerBound: lower, upperBound: 42 });
    expect(impliedVol({ ...p, type: 'call', price: 42 })).toMatchObject({ ok: false, reason: 'above-bound' });
    expect(impliedVol({ ...p, type: 'call', price: 50 })).toMatchObject({ ok: false, reason: 'above-bound' });
    expect(impliedVol({ ...p, type: 'put', price: 40 * Math.exp(-0.05) })).toMatchObject({ ok: false, reason: 'above-bound' });
    expect(impliedVol({ ...p, type: 'call', price: lower })).toMatchObject({ ok: false, reason: 'no-time-value' });
    expect(impliedVol({ ...p, type: 'put', price: 0 })).toMatchObject({ ok: false, reason: 'no-time-value', lowerBound: 0 });
    expect(impliedVol({ ...p, type: 'put', price: -0.01 })).toMatchObject({ ok: false, reason: 'below-intrinsic' });
    expect(impliedVol({ ...p, type: 'put', price: Number.NaN })).toMatchObject({ ok: false, reason: 'below-intrinsic' });
  });

  it('solves a deep in-the-money put whose European value is under K − S (positive rates)', () => {
    const p = { type: 'put' as const, spot: 50, strike: 100, rate: 0.1, dividendYield: 0, years: 2 };
    const price = bsmPrice({ ...p, vol: 0.25 });
    expect(price).toBeLessThan(50);
    const iv = impliedVol({ ...p, price });
    expect(iv.ok && Math.abs(iv.vol - 0.25)).toBeLessThan(1e-12);
  });
});
