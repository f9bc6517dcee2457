import { z } from 'zod';
import { impliedVol, type NoImpliedVolReason } from '../../../../shared/options/implied-vol';
import { checkMarketInputs } from '../../../../shared/options/pricing-inputs';
import { EXIT, UsageError } from '../cli-io';
import type { Command } from '../command';
import { parseFlags } from '../parse-flags';
import { flagError, MARKET_FLAG_OPTIONS, marketFlagsShape, numberFlag, sig } from './options-flags';

const flagsSchema = z.object({ ...marketFlagsShape, price: numberFlag }).strict();

function why(reason: NoImpliedVolReason, price: number, lower: number, upper: number): string {
  switch (reason) {
    case 'below-intrinsic':
      return `${String(price)} is below the option's lower bound ${sig(lower)} (its discounted intrinsic value): no volatility gives it`;
    case 'above-bound':
      return `${String(price)} is at or above the option's upper bound ${sig(upper)}: no volatility gives it`;
    case 'no-time-value':
      return `${String(price)} has no time value over the lower bound ${sig(lower)}: every small volatility gives it`;
  }
}

export const optionsIvCommand: Command = {
  name: 'iv',
  summary: 'implied volatility of a European option price',
  help: `Usage: tapedeck options iv --type call|put --price P --spot S --strike K --rate R --years T [--div Q] [--json]

The Black-Scholes-Merton volatility that reproduces --price (Jäckel's
normalised form with Halley steps on transformed prices, safeguarded by
bisection: the repriced value matches to ~1e-15). A price below the
discounted intrinsic value, at or above the upper bound (S e^(-qT) for a call,
K e^(-rT) for a put), or with no time value has no implied volatility: exit 2
with the reason.

Options:
  --type call|put
  --price P       the option's price per unit of the underlying
  --spot S, --strike K, --rate R, --years T, --div Q   as for tapedeck options price
  --json          {inputs, vol, iterations}`,

  run(args, io) {
    const parsed = parseFlags(args, { ...MARKET_FLAG_OPTIONS, price: { type: 'string' } }, flagsSchema);
    if (parsed.help) {
      io.out(this.help);
      return Promise.resolve(EXIT.ok);
    }
    const f = parsed.values;
    const checked = checkMarketInputs({ type: f.type, spot: f.spot, strike: f.strike, rate: f.rate, dividendYield: f.div, years: f.years });
    if (!checked.ok) throw flagError(checked.error);
    if (!(Number.isFinite(f.price) && f.price >= 0)) throw new UsageError(`--price: must be a price of 0 or more, got ${String(f.price)}`);
    const inputs = { ...checked.value, price: f.price };
    const r = impliedVol(inputs);
    if (!r.ok) throw new UsageError(`--price: ${why(r.reason, f.price, r.lowerBound, r.upperBound)}`);
    if (f.json) io.out(JSON.stringify({ inputs, vol: r.vol, iterations: r.iterations }));
    else io.out(`implied volatility ${sig(r.vol, 12)} (${(r.vol * 100).toFixed(4)}%), ${String(r.iterations)} iterations`);
    return Promise.resolve(EXIT.ok);
  },
};
