import { normalisedOtmCall, normalisedVega } from './normalised-black';
import { normCdf } from './normal-distribution';
import { DAYS_PER_YEAR, type OptionGreeks } from './option-greeks';
import { optionSign, type OptionType } from './option-type';

/**
 * Black-Scholes-Merton for a European option on an underlying paying a
 * continuous dividend yield. Conventions: rates and yields are continuously
 * compounded per year (0.05 = 5%), volatility is annualised (0.2 = 20%), time
 * is in years of 365 calendar days. Values are per unit of the underlying
 * (multiply by the contract multiplier for a contract's worth). Inputs are
 * trusted: check them at the boundary with checkPricingInputs.
 */
export interface MarketInputs {
  readonly type: OptionType;
  readonly spot: number;
  readonly strike: number;
  readonly rate: number;
  readonly dividendYield: number;
  readonly years: number;
}

export interface BsmInputs extends MarketInputs {
  readonly vol: number;
}

export interface BsmResult {
  readonly price: number;
  readonly greeks: OptionGreeks;
  readonly d1: number;
  readonly d2: number;
}

/** The pieces every formula shares: S e^{−qT}, K e^{−rT}, x = ln(F/K), s = σ√T. */
export interface Forward {
  readonly spotDiscounted: number;
  readonly strikeDiscounted: number;
  /** ln(F/K), F the forward. */
  readonly x: number;
}

export function forwardOf(p: MarketInputs): Forward {
  return {
    spotDiscounted: p.spot * Math.exp(-p.dividendYield * p.years),
    strikeDiscounted: p.strike * Math.exp(-p.rate * p.years),
    x: Math.log(p.spot / p.strike) + (p.rate - p.dividendYield) * p.years,
  };
}

/**
 * The lower bound of a European option's value: the discounted forward
 * intrinsic value max(θ(S e^{−qT} − K e^{−rT}), 0) (a deep put can be worth
 * less than K − S when rates are positive).
 */
export function europeanIntrinsic(type: OptionType, f: Forward): number {
  return Math.max(optionSign(type) * (f.spotDiscounted - f.strikeDiscounted), 0);
}

/** The upper bound: S e^{−qT} for a call, K e^{−rT} for a put. */
export function europeanUpperBound(type: OptionType, f: Forward): number {
  return type === 'call' ? f.spotDiscounted : f.strikeDiscounted;
}

/** Price from the normalised form: D√(FK) · b(−|θx|, s) plus the intrinsic part when in the money. */
export function priceFromTotalVol(type: OptionType, f: Forward, s: number): number {
  const y = optionSign(type) * f.x;
  const scale = Math.sqrt(f.spotDiscounted * f.strikeDiscounted);
  const timeValue = scale * normalisedOtmCall(-Math.abs(y), s);
  return y > 0 ? timeValue + optionSign(type) * (f.spotDiscounted - f.strikeDiscounted) : timeValue;
}

export function bsmPrice(p: BsmInputs): number {
  return priceFromTotalVol(p.type, forwardOf(p), p.vol * Math.sqrt(p.years));
}

/** Price, greeks (see OptionGreeks for the units) and d1, d2. */
export function bsm(p: BsmInputs): BsmResult {
  const f = forwardOf(p);
  const sqrtT = Math.sqrt(p.years);
  const s = p.vol * sqrtT;
  const d1 = f.x / s + s / 2;
  const d2 = d1 - s;
  const theta = optionSign(p.type);
  // S e^{−qT} φ(d1) = K e^{−rT} φ(d2) = √(S e^{−qT} K e^{−rT}) · φ(h) e^{−t²/2}, finite far out of the money.
  const densityTerm = Math.sqrt(f.spotDiscounted * f.strikeDiscounted) * normalisedVega(f.x, s);
  const nd1 = normCdf(theta * d1);
  const nd2 = normCdf(theta * d2);
  const vegaPerUnit = densityTerm * sqrtT;
  const thetaPerYear =
    -(densityTerm * p.vol) / (2 * sqrtT) - theta * p.rate * f.strikeDiscounted * nd2 + theta * p.dividendYield * f.spotDiscounted * nd1;
  const rhoPerUnit = theta * p.strike * p.years * Math.exp(-p.rate * p.years) * nd2;
  return {
    price: priceFromTotalVol(p.type, f, s),
    d1,
    d2,
    greeks: {
      delta: theta * Math.exp(-p.dividendYield * p.years) * nd1,
      gamma: densityTerm / (p.spot * p.spot * s),
      vegaPerUnit,
      vegaPerPoint: vegaPerUnit / 100,
      thetaPerYear,
      thetaPerDay: thetaPerYear / DAYS_PER_YEAR,
      rhoPerUnit,
      rhoPerPoint: rhoPerUnit / 100,
    },
  };
}
