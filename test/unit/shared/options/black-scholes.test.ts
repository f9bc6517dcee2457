import { describe, expect, it } from 'vitest';
import { bsm, bsmPrice, type BsmInputs } from '../../../../shared/options/black-scholes';
import { checkPricingInputs } from '../../../../shared/options/pricing-inputs';

const rel = (a: number, b: number): number => Math.abs(a - b) / Math.abs(b);

describe('Black-Scholes-Merton', () => {
  const hull = { spot: 42, strike: 40, rate: 0.1, dividendYield: 0, vol: 0.2, years: 0.5 };

  it("Hull Ex. 15.6: d1 0.7693, call 4.7594, put 0.8086 (and the exact values)", () => {
    const call = bsm({ ...hull, type: 'call' });
    const put = bsm({ ...hull, type: 'put' });
    expect(call.d1.toFixed(4)).toBe('0.7693');
    expect(call.price.toFixed(4)).toBe('4.7594');
    expect(put.price.toFixed(4)).toBe('0.8086');
    // mpmath, 40 digits
    expect(rel(call.price, 4.7594223928715334)).toBeLessThan(1e-15);
    expect(rel(put.price, 0.80859937290009365)).toBeLessThan(1e-14);
  });

  it("Hull's greek-letters example: call 2.4005, delta 0.522, gamma 0.066, vega 12.1, theta −4.31/yr, rho 8.91", () => {
    const r = bsm({ type: 'call', spot: 49, strike: 50, rate: 0.05, dividendYield: 0, vol: 0.2, years: 20 / 52 });
    expect(r.price.toFixed(4)).toBe('2.4005');
    expect(r.greeks.delta.toFixed(3)).toBe('0.522');
    expect(r.greeks.gamma.toFixed(3)).toBe('0.066');
    expect(r.greeks.vegaPerUnit.toFixed(1)).toBe('12.1');
    expect(r.greeks.thetaPerYear.toFixed(2)).toBe('-4.31');
    expect(r.greeks.rhoPerUnit.toFixed(2)).toBe('8.91');
    // The units in the type: per point = per unit / 100, per calendar day = per year / 365.
    expect(r.greeks.vegaPerPoint).toBeCloseTo(0.121054798826288, 14);
    expect(r.greeks.thetaPerDay).toBeCloseTo(-4.3053298229325736 / 365, 15);
    expect(r.greeks.rhoPerPoint).toBeCloseTo(0.089069619496083495, 14);
    const exact = { price: 2.4005273232717147, delta: 0.52160466106639639, gamma: 0.065544039347844394, vega: 12.1054798826288, theta: -4.3053298229325736, rho: 8.9069619496083495 };
    expect(rel(r.price, exact.price)).toBeLessThan(1e-14);
    expect(rel(r.greeks.delta, exact.delta)).toBeLessThan(1e-14);
    expect(rel(r.greeks.gamma, exact.gamma)).toBeLessThan(1e-14);
    expect(rel(r.greeks.vegaPerUnit, exact.vega)).toBeLessThan(1e-14);
    expect(rel(r.greeks.thetaPerYear, exact.theta)).toBeLessThan(1e-14);
    expect(rel(r.greeks.rhoPerUnit, exact.rho)).toBeLessThan(1e-14);
  });

  it('with a dividend yield, a 1-hour 0DTE call and a deep put: the exact values (mpmath)', () => {
    const div = bsm({ type: 'put', spot: 100, strike: 110, rate: 0.05, dividendYield: 0.02, vol: 0.3, years: 0.75 });
    expect(rel(div.price, 14.696160625299665)).toBeLessThan(1e-14);
    expect(rel(div.greeks.delta, -0.55141924316110972)).toBeLessThan(1e-14);
    expect(rel(div.greeks.thetaPerYear, -4.3414463876429061)).toBeLessThan(1e-13);
    expect(rel(div.greeks.rhoPerUnit, -52.378563706057977)).toBeLessThan(1e-14);
    // 1% out of the money, an hour to go: the terms cancel to 3e-11; the normalised form keeps the digits.
    const zeroDte = bsm({ type: 'call', spot: 500, strike: 505, rate: 0.05, dividendYield: 0.013, vol: 0.15, years: 1 / (365 * 24) });
    expect(rel(zeroDte.price, 3.3626562039719473e-11)).toBeLessThan(1e-12);
    expect(rel(zeroDte.greeks.vegaPerUnit, 9.2768493835850657e-9)).toBeLessThan(1e-12);
    const deep = bsm({ type: 'put', spot: 100, strike: 50, rate: 0.05, dividendYield: 0, vol: 0.2, years: 0.25 });
    expect(rel(deep.price, 8.1820893808164204e-13)).toBeLessThan(1e-13);
    expect(rel(deep.greeks.delta, -5.9523481887623149e-13)).toBeLessThan(1e-12);
  });

  it('put-call parity C − P = S e^{−qT} − K e^{−rT} over a grid', () => {
    let worst = 0;
    for (const m of [0.5, 0.8, 1, 1.2, 2]) {
      for (const years of [1 / 8760, 0.1, 1, 3]) {
        for (const vol of [0.05, 0.3, 3]) {
          const p = { spot: 100, strike: 100 * m, rate: 0.04, dividendYield: 0.02, vol, years };
          const parity = 100 * Math.exp(-0.02 * years) - 100 * m * Math.exp(-0.04 * years);
          const gap = bsmPrice({ ...p, type: 'call' }) - bsmPrice({ ...p, type: 'put' }) - parity;
          worst = Math.max(worst, Math.abs(gap) / 100);
        }
      }
    }
    expect(worst).toBeLessThan(1e-14);
  });

  it('analytic greeks match central finite differences over a grid', () => {
    const h = { spot: 1e-4, vol: 1e-5, years: 1e-6, rate: 1e-5 };
    let checked = 0;
    for (const type of ['call', 'put'] as const) {
      for (const strike of [70, 95, 100, 110, 140]) {
        for (const years of [0.05, 0.5, 2]) {
          for (const vol of [0.1, 0.3, 0.8]) {
            const p: BsmInputs = { type, spot: 100, strike, rate: 0.03, dividendYield: 0.01, vol, years };
            const g = bsm(p).greeks;
            const bump = (k: keyof typeof h, d: number): number => bsmPrice({ ...p, [k]: p[k] + d });
            const fd = {
              delta: (bump('spot', h.spot) - bump('spot', -h.spot)) / (2 * h.spot),
              gamma: (bump('spot', 1e-2) - 2 * bsmPrice(p) + bump('spot', -1e-2)) / 1e-4,
              vega: (bump('vol', h.vol) - bump('vol', -h.vol)) / (2 * h.vol),
              theta: -(bump('years', h.years) - bump('years', -h.years)) / (2 * h.years),
              rho: (bump('rate', h.rate) - bump('rate', -h.rate)) / (2 * h.rate),
            };
            const near = (a: number, b: number, tol: number): boolean => Math.abs(a - b) <= tol * Math.max(1, Math.abs(b));
            expect(near(g.delta, fd.delta, 1e-7), `delta ${JSON.stringify(p)}`).toBe(true);
            expect(near(g.gamma, fd.gamma, 1e-5), `gamma ${JSON.stringify(p)}`).toBe(true);
            expect(near(g.vegaPerUnit, fd.vega, 1e-6), `vega ${JSON.stringify(p)}`).toBe(true);
            expect(near(g.thetaPerYear, fd.theta, 1e-5), `theta ${JSON.stringify(p)}`).toBe(true);
            expect(near(g.rhoPerUnit, fd.rho, 1e-6), `rho ${JSON.stringify(p)}`).toBe(true);
            checked++;
          }
        }
      }
    }
    expect(checked).toBe(90);
  });

  it('refuses non-positive spot, strike, time or volatility, naming the field', () => {
    const ok = { type: 'call' as const, spot: 100, strike: 100, rate: 0.05, dividendYield: 0, vol: 0.2, years: 1 };
    expect(checkPricingInputs(ok)).toEqual({ ok: true, value: ok });
    expect(checkPricingInputs({ ...ok, spot: 0 })).toEqual({ ok: false, error: { field: 'spot', message: 'must be a positive number, got 0' } });
    expect(checkPricingInputs({ ...ok, strike: -5 })).toEqual({ ok: false, error: { field: 'strike', message: 'must be a positive number, got -5' } });
    expect(checkPricingInputs({ ...ok, years: 0 })).toMatchObject({ ok: false, error: { field: 'years' } });
    expect(checkPricingInputs({ ...ok, vol: Number.NaN })).toMatchObject({ ok: false, error: { field: 'vol' } });
    expect(checkPricingInputs({ ...ok, rate: 5 })).toMatchObject({ ok: false, error: { field: 'rate' } });
    expect(checkPricingInputs({ ...ok, dividendYield: Number.POSITIVE_INFINITY })).toMatchObject({ ok: false, error: { field: 'dividendYield' } });
  });
});
