import { hashString, mix32, Rng } from '../../random/seeded-random';

/**
 * Open interest and the day's volume of one contract, deterministic per
 * (seed, contract, day): open interest peaks at the money and on monthlies,
 * volume is a share of it that is highest for the nearest expirations, each
 * with lognormal noise from the contract's own stream.
 */
export interface ContractActivity {
  readonly openInterest: number;
  /** The whole session's volume; a quote shows the part traded so far. */
  readonly dayVolume: number;
}

const KIND_WEIGHT = { daily: 0.4, weekly: 1, monthly: 3 } as const;
const NOISE = 0.5;

export function contractActivity(
  seed: number,
  symbol: string,
  day: number,
  baseOpenInterest: number,
  moneyness: number,
  kind: keyof typeof KIND_WEIGHT,
  daysToExpiry: number,
): ContractActivity {
  const rng = new Rng(mix32(mix32(seed, hashString(symbol)), day));
  const shape = Math.exp(-0.5 * (moneyness / 1.5) ** 2);
  const openInterest = Math.round(baseOpenInterest * KIND_WEIGHT[kind] * shape * Math.exp(NOISE * rng.normal() - (NOISE * NOISE) / 2));
  const turnover = 0.05 + 0.6 / (1 + daysToExpiry);
  const dayVolume = Math.round((openInterest + 50 * shape) * turnover * Math.exp(NOISE * rng.normal() - (NOISE * NOISE) / 2));
  return { openInterest, dayVolume };
}
