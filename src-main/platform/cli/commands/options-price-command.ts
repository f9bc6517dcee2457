import { z } from 'zod';
import { bsm } from '../../../../shared/options/black-scholes';
import { checkPricingInputs } from '../../../../shared/options/pricing-inputs';
import { EXIT } from '../cli-io';
import type { Command } from '../command';
import { parseFlags } from '../parse-flags';
import { flagError, MARKET_FLAG_OPTIONS, marketFlagsShape, numberFlag, sig } from './options-flags';

const flagsSchema = z.object({ ...marketFlagsShape, vol: numberFlag }).strict();

export const optionsPriceCommand: Command = {
  name: 'price',
  summary: 'Black-Scholes-Merton price and greeks of a European option',
  help: `Usage: tapedeck options price --type call|put --spot S --strike K --rate R --vol V --years T [--div Q] [--json]

Prices a European option with Black-Scholes-Merton (continuous dividend
yield) and prints its greeks with their units. Per unit of the underlying:
multiply by the multiplier (100) for one contract.

Options:
  --type call|put
  --spot S        the underlying's price (> 0)
  --strike K      (> 0)
  --rate R        risk-free rate, continuously compounded per year (0.05 = 5%)
  --vol V         annualised volatility (0.2 = 20%, > 0)
  --years T       time to expiry in years of 365 days (> 0; 1 hour = 0.000114155)
  --div Q         dividend yield, continuous per year (default 0)
  --json          one JSON object: {inputs, price, d1, d2, greeks}; greeks are
                  delta, gamma (per $1), vegaPerUnit/vegaPerPoint (per 1.00 / per
                  0.01 of vol), thetaPerYear/thetaPerDay (calendar day = year/365),
                  rhoPerUnit/rhoPerPoint

Example (Hull, Ex. 15.6): tapedeck options price --type call --spot 42 --strike 40 --rate 0.1 --vol 0.2 --years 0.5`,

  run(args, io) {
    const parsed = parseFlags(args, { ...MARKET_FLAG_OPTIONS, vol: { type: 'string' } }, flagsSchema);
    if (parsed.help) {
      io.out(this.help);
      return Promise.resolve(EXIT.ok);
    }
    const f = parsed.values;
    const checked = checkPricingInputs({ type: f.type, spot: f.spot, strike: f.strike, rate: f.rate, dividendYield: f.div, vol: f.vol, years: f.years });
    if (!checked.ok) throw flagError(checked.error);
    const inputs = checked.value;
    const r = bsm(inputs);
    const g = r.greeks;
    if (f.json) {
      io.out(JSON.stringify({ inputs, price: r.price, d1: r.d1, d2: r.d2, greeks: g }));
      return Promise.resolve(EXIT.ok);
    }
    const rows: [string, string, string][] = [
      ['price', sig(r.price), 'per unit of the underlying'],
      ['d1', sig(r.d1), ''],
      ['d2', sig(r.d2), ''],
      ['delta', sig(g.delta), 'per $1 of the underlying'],
      ['gamma', sig(g.gamma), 'delta per $1 of the underlying'],
      ['vega', sig(g.vegaPerUnit), `per 1.00 of volatility (${sig(g.vegaPerPoint)} per vol point)`],
      ['theta', sig(g.thetaPerYear), `per year (${sig(g.thetaPerDay)} per calendar day)`],
      ['rho', sig(g.rhoPerUnit), `per 1.00 of rate (${sig(g.rhoPerPoint)} per point)`],
    ];
    for (const [name, value, unit] of rows) io.out(`${name.padEnd(6)} ${value.padStart(14)}  ${unit}`.trimEnd());
    return Promise.resolve(EXIT.ok);
  },
};
