import type { BsmInputs, MarketInputs } from './black-scholes';
import { refuse, type Checked } from './options-input-error';

/** Rates and yields beyond ±100% a year are typing mistakes, not markets. */
const MAX_ABS_RATE = 1;
/** 10,000% volatility: beyond it no option has a meaningful price. */
const MAX_VOL = 100;
/** 100 years. */
const MAX_YEARS = 100;

function positive(field: string, v: number, max = Number.POSITIVE_INFINITY): ReturnType<typeof refuse> | null {
  if (!Number.isFinite(v) || v <= 0) return refuse(field, `must be a positive number, got ${String(v)}`);
  if (v > max) return refuse(field, `must be at most ${String(max)}, got ${String(v)}`);
  return null;
}

function rateLike(field: string, v: number): ReturnType<typeof refuse> | null {
  if (!Number.isFinite(v) || Math.abs(v) > MAX_ABS_RATE) return refuse(field, `must be a decimal rate per year between -1 and 1 (0.05 = 5%), got ${String(v)}`);
  return null;
}

/** Spot, strike and time must be positive, rates finite and within ±100%. */
export function checkMarketInputs<T extends MarketInputs>(p: T): Checked<T> {
  const bad =
    positive('spot', p.spot) ??
    positive('strike', p.strike) ??
    positive('years', p.years, MAX_YEARS) ??
    rateLike('rate', p.rate) ??
    rateLike('dividendYield', p.dividendYield);
  return bad ?? { ok: true, value: p };
}

/** checkMarketInputs plus a positive volatility. */
export function checkPricingInputs(p: BsmInputs): Checked<BsmInputs> {
  const market = checkMarketInputs(p);
  if (!market.ok) return market;
  return positive('vol', p.vol, MAX_VOL) ?? { ok: true, value: p };
}
