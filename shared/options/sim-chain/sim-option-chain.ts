import { isoDate } from '../../market/civil-date';
import { nyInstant, nyLocal } from '../../market/new-york-time';
import { usEquitySession } from '../../market/sessions';
import { seed32 } from '../../random/seeded-random';
import { bsm } from '../black-scholes';
import { contractFromOcc, expiryInstant, intrinsicValue, optionContract, yearsToExpiry, type OptionContract } from '../option-contract';
import type { OptionGreeks } from '../option-greeks';
import type { OptionType } from '../option-type';
import { refuse, type Checked } from '../options-input-error';
import { contractActivity } from './chain-activity';
import { listExpirations, type Expiration, type ExpirationKind } from './expirations';
import { quoteSpread } from './quote-spread';
import { SIM_OPTION_RATE, type SimOptionParams } from './sim-option-params';
import { strikeGrid } from './strike-grid';
import { atmVol, RECENT_DAYS, smileVol, standardisedMoneyness, type SmileLevel } from './vol-smile';

/** What the chain needs from the simulated underlying (src-main builds it from the sim's daily anchors). */
export interface SimUnderlying {
  readonly symbol: string;
  /** The underlying's long-run annualised volatility. */
  readonly longRunVol: number;
  /** The annualised volatility regime of calendar day `date` (days since 1970-01-01). */
  volOn(date: number): number;
  /** The close before day `date`: where that day's strikes are centred and its smile is anchored. */
  referencePrice(date: number): number;
}

export interface OptionQuote {
  readonly contract: OptionContract;
  readonly time: number;
  readonly underlyingPrice: number;
  /** 'settled' from the expiry instant on: every price is the intrinsic value at `underlyingPrice`. */
  readonly status: 'live' | 'settled';
  readonly bid: number;
  readonly ask: number;
  /** (bid + ask) / 2. */
  readonly mid: number;
  /** The model's value at the smile's volatility. */
  readonly theo: number;
  /** The smile's volatility for this contract (null once settled). */
  readonly iv: number | null;
  readonly greeks: OptionGreeks | null;
  /** Contracts traded so far in the session. */
  readonly volume: number;
  readonly openInterest: number;
}

export interface ChainExpiration extends Expiration {
  readonly quotes: readonly OptionQuote[];
}

export interface ChainSnapshot {
  readonly underlying: string;
  readonly underlyingPrice: number;
  readonly time: number;
  readonly rate: number;
  readonly dividendYield: number;
  readonly expirations: readonly ChainExpiration[];
}

interface Listing {
  readonly day: number;
  /** 00:00 New York on the day. */
  readonly dayStart: number;
  readonly reference: number;
  readonly level: Omit<SmileLevel, 'logMove'>;
  readonly expirations: readonly Expiration[];
  readonly strikes: readonly number[];
  readonly contracts: ReadonlyMap<number, readonly OptionContract[]>;
}

const TYPES: readonly OptionType[] = ['call', 'put'];

/**
 * The simulated option chain of one underlying: what is listed on a day
 * (expirations and a strike grid centred on the previous close) and live
 * quotes at any underlying price and time (Black-Scholes-Merton on the
 * smile of vol-smile.ts, bid/ask from quote-spread.ts, activity from
 * chain-activity.ts). Pure and deterministic: the seed and the underlying's
 * regime decide everything; the caller passes the underlying's price.
 */
export class SimOptionChain {
  private readonly root: number;
  private listing: Listing | null = null;

  constructor(
    seed: number,
    private readonly underlying: SimUnderlying,
    private readonly params: SimOptionParams,
  ) {
    this.root = seed32(seed);
  }

  get symbol(): string {
    return this.underlying.symbol;
  }

  get dividendYield(): number {
    return this.params.dividendYield;
  }

  /** The expirations listed at `time` that have not expired yet. */
  expirations(time: number): readonly Expiration[] {
    return this.listed(time).expirations.filter((e) => expiryInstant(e.date) > time);
  }

  /** The contracts listed at `time` (optionally of one expiration), calls and puts by strike. */
  contracts(time: number, expiryDate?: number): readonly OptionContract[] {
    const listing = this.listed(time);
    const dates = expiryDate === undefined ? this.expirations(time).map((e) => e.date) : [expiryDate];
    return dates.flatMap((d) => this.contractsOf(listing, d)).filter((c) => c.expiryTime > time);
  }

  /** A contract by its OCC symbol, if it is listed at `time`; the error names the field that is wrong. */
  find(symbol: string, time: number): Checked<OptionContract> {
    const parsed = contractFromOcc(symbol, this.underlying.symbol);
    if (!parsed.ok) return parsed;
    const c = parsed.value;
    if (c.root !== this.underlying.symbol) return refuse('root', `${c.root} is not an option on ${this.underlying.symbol}`);
    if (c.expiryTime <= time) return refuse('expiry', `${symbol} expired on ${isoDate(c.expiryDate)} at 16:00 New York`);
    const listing = this.listed(time);
    if (!listing.expirations.some((e) => e.date === c.expiryDate)) return refuse('expiry', `no ${this.underlying.symbol} expiration on ${isoDate(c.expiryDate)}`);
    const listed = this.contractsOf(listing, c.expiryDate).find((l) => l.symbol === c.symbol);
    if (listed === undefined) return refuse('strike', `no ${String(c.strike)} strike listed for ${this.underlying.symbol} ${isoDate(c.expiryDate)}`);
    return { ok: true, value: listed };
  }

  /** Every listed contract quoted at the underlying's price `underlyingPrice` at `time` (one expiration when given). */
  quoteAt(underlyingPrice: number, time: number, expiryDate?: number): ChainSnapshot {
    const listing = this.listed(time);
    const wanted = this.expirations(time).filter((e) => expiryDate === undefined || e.date === expiryDate);
    return {
      underlying: this.underlying.symbol,
      underlyingPrice,
      time,
      rate: SIM_OPTION_RATE,
      dividendYield: this.params.dividendYield,
      expirations: wanted.map((e) => ({ ...e, quotes: this.contractsOf(listing, e.date).map((c) => this.quote(c, underlyingPrice, time, e.kind)) })),
    };
  }

  /**
   * One contract's quote (listed today or not, e.g. a position's). From its
   * expiry instant on it is settled at the intrinsic value of `underlyingPrice`
   * (pass the underlying's price at the expiry instant).
   */
  quote(contract: OptionContract, underlyingPrice: number, time: number, kind: ExpirationKind = 'weekly'): OptionQuote {
    const listing = this.listed(time);
    const years = yearsToExpiry(contract, time);
    const days = years * 365;
    const dividendYield = this.params.dividendYield;
    // Activity is fixed for the day: measured from the listing day's start at the reference price.
    const listedYears = yearsToExpiry(contract, listing.dayStart);
    const forwardRef = listing.reference * Math.exp((SIM_OPTION_RATE - dividendYield) * listedYears);
    const refMoneyness = standardisedMoneyness(atmVol({ ...listing.level, logMove: 0 }, listedYears), Math.log(contract.strike / forwardRef), listedYears);
    const activity = contractActivity(this.root, contract.symbol, listing.day, this.params.baseOpenInterest, refMoneyness, kind, Math.max(contract.expiryDate - listing.day, 0));
    const volume = Math.round(activity.dayVolume * sessionFraction(listing.day, time));
    const base = { contract, time, underlyingPrice, volume, openInterest: activity.openInterest };
    if (years <= 0) {
      const value = intrinsicValue(contract.type, contract.strike, underlyingPrice);
      return { ...base, status: 'settled', bid: value, ask: value, mid: value, theo: value, iv: null, greeks: null };
    }
    const forward = underlyingPrice * Math.exp((SIM_OPTION_RATE - dividendYield) * years);
    const k = Math.log(contract.strike / forward);
    const atm = atmVol({ ...listing.level, logMove: Math.log(underlyingPrice / listing.reference) }, years);
    const vol = smileVol(atm, k, years);
    const priced = bsm({ type: contract.type, spot: underlyingPrice, strike: contract.strike, rate: SIM_OPTION_RATE, dividendYield, years, vol });
    const { bid, ask } = quoteSpread(priced.price, standardisedMoneyness(atm, k, years), days);
    return { ...base, status: 'live', bid, ask, mid: Math.round(((bid + ask) / 2) * 1000) / 1000, theo: priced.price, iv: vol, greeks: priced.greeks };
  }

  private contractsOf(listing: Listing, date: number): readonly OptionContract[] {
    return listing.contracts.get(date) ?? [];
  }

  /** What is listed on the New York date of `time` (the last day's listing is kept). */
  private listed(time: number): Listing {
    const day = nyLocal(time).days;
    if (this.listing?.day === day) return this.listing;
    const reference = this.underlying.referencePrice(day);
    let sum = 0;
    for (let i = 1; i <= RECENT_DAYS; i++) sum += this.underlying.volOn(day - i);
    const expirations = listExpirations(day, this.params.dailyExpirations);
    const strikes = strikeGrid(reference, this.params);
    const contracts = new Map<number, OptionContract[]>();
    for (const e of expirations) {
      const list: OptionContract[] = [];
      for (const strike of strikes) {
        for (const type of TYPES) {
          const c = optionContract({ underlying: this.underlying.symbol, type, strike, expiryDate: e.date });
          if (c.ok) list.push(c.value);
        }
      }
      contracts.set(e.date, list);
    }
    this.listing = { day, dayStart: nyInstant(day, 0), reference, level: { recentVol: sum / RECENT_DAYS, longRunVol: this.underlying.longRunVol }, expirations, strikes, contracts };
    return this.listing;
  }
}

/** The share of the regular session of `day` elapsed at `time` (0 before the open, 1 after the close or on a closed day's end). */
function sessionFraction(day: number, time: number): number {
  const s = usEquitySession(day);
  if (s === null) return 0;
  return Math.min(Math.max((time - s.open) / (s.close - s.open), 0), 1);
}

