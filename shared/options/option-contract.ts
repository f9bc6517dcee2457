import { DAY_MS } from '../domain/interval';
import { isoDate } from '../market/civil-date';
import { nyInstant } from '../market/new-york-time';
import { formatOccSymbol, isAdjustedRoot, parseOccSymbol } from './occ-symbol';
import { refuse, type Checked } from './options-input-error';
import { DAYS_PER_YEAR } from './option-greeks';
import type { OptionType } from './option-type';

/** Shares per standard US equity option contract. */
export const STANDARD_MULTIPLIER = 100;
/** Minute of the New York day at which a contract expires: 16:00, the regular close. */
export const EXPIRY_MINUTE_NY = 16 * 60;

/**
 * A listed option as an instrument: its OCC symbol, what it is on, and when
 * it ends. The expiry date is the NYSE session date of its last trading day;
 * the expiry instant is 16:00 New York that day (on the three early-close
 * days a year trading really stops at 13:00; the model keeps 16:00). One
 * contract delivers `multiplier` units of the underlying (100 shares).
 */
export interface OptionContract {
  readonly symbol: string;
  readonly root: string;
  readonly underlying: string;
  readonly type: OptionType;
  readonly strike: number;
  /** Days since 1970-01-01. */
  readonly expiryDate: number;
  /** UTC ms. */
  readonly expiryTime: number;
  readonly multiplier: number;
  /** An adjusted contract (root ending in a digit). */
  readonly adjusted: boolean;
}

export interface ContractSpec {
  readonly underlying: string;
  readonly type: OptionType;
  readonly strike: number;
  readonly expiryDate: number;
  /** Defaults to the underlying. */
  readonly root?: string;
  readonly multiplier?: number;
}

/** 16:00 New York on `expiryDate`, as UTC ms. */
export function expiryInstant(expiryDate: number): number {
  return nyInstant(expiryDate, EXPIRY_MINUTE_NY);
}

export function optionContract(spec: ContractSpec): Checked<OptionContract> {
  const root = spec.root ?? spec.underlying;
  const symbol = formatOccSymbol({ root, expiryDate: spec.expiryDate, type: spec.type, strike: spec.strike });
  if (!symbol.ok) return symbol;
  const multiplier = spec.multiplier ?? STANDARD_MULTIPLIER;
  if (!(Number.isInteger(multiplier) && multiplier > 0)) return refuse('multiplier', `must be a positive whole number, got ${String(multiplier)}`);
  return {
    ok: true,
    value: {
      symbol: symbol.value,
      root,
      underlying: spec.underlying,
      type: spec.type,
      strike: spec.strike,
      expiryDate: spec.expiryDate,
      expiryTime: expiryInstant(spec.expiryDate),
      multiplier,
      adjusted: isAdjustedRoot(root),
    },
  };
}

/**
 * The contract an OCC symbol names. The underlying is the root unless given
 * (an adjusted root such as SPY1 is on SPY: pass it).
 */
export function contractFromOcc(symbol: string, underlying?: string): Checked<OptionContract> {
  const parts = parseOccSymbol(symbol);
  if (!parts.ok) return parts;
  return optionContract({ ...parts.value, underlying: underlying ?? parts.value.root });
}

/** Years from `t` to the contract's expiry instant, ACT/365 (0 once expired). */
export function yearsToExpiry(contract: Pick<OptionContract, 'expiryTime'>, t: number): number {
  return Math.max(contract.expiryTime - t, 0) / (DAYS_PER_YEAR * DAY_MS);
}

export function isExpired(contract: Pick<OptionContract, 'expiryTime'>, t: number): boolean {
  return t >= contract.expiryTime;
}

/** e.g. "SPY 2024-03-15 500 call". */
export function describeContract(c: OptionContract): string {
  return `${c.root} ${isoDate(c.expiryDate)} ${String(c.strike)} ${c.type}`;
}

/** What a contract pays at expiry per unit of the underlying: max(θ(S − K), 0). */
export function intrinsicValue(type: OptionType, strike: number, underlyingPrice: number): number {
  return Math.max(type === 'call' ? underlyingPrice - strike : strike - underlyingPrice, 0);
}
