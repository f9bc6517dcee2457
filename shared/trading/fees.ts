import type { FeeSchedule } from './account';
import { cleanAmount, roundHalfAway } from './decimal-steps';
import type { TradedInstrument } from './traded-instrument';

/**
 * What a paper fill costs, by asset class (account.ts FeeSchedule):
 * - crypto and FX: `cryptoPct` percent of the fill's notional (qty × price × multiplier);
 * - US equities: `equityPerShare` × shares, at least `equityMin` per fill (every partial fill is a fill);
 * - options: `optionPerContract` × contracts.
 *
 * Rounding rule: the fee is rounded once, half away from zero, to the
 * currency's smallest unit: 8 places (1e-8) for stablecoins and crypto quote
 * currencies (USDT, USDC, BUSD, FDUSD, DAI, TUSD, BTC, ETH, BNB), 0 for JPY
 * and KRW, 2 (cents) for USD and every other fiat currency.
 */
const EIGHT_PLACES: ReadonlySet<string> = new Set(['USDT', 'USDC', 'BUSD', 'FDUSD', 'DAI', 'TUSD', 'BTC', 'ETH', 'BNB']);
const NO_PLACES: ReadonlySet<string> = new Set(['JPY', 'KRW']);

/** Places of a currency's smallest unit (USD 2, USDT 8, JPY 0). */
export function currencyDecimals(currency: string): number {
  const c = currency.toUpperCase();
  if (EIGHT_PLACES.has(c)) return 8;
  if (NO_PLACES.has(c)) return 0;
  return 2;
}

/** An amount rounded to the currency's smallest unit, half away from zero. */
export function roundMoney(x: number, currency: string): number {
  return roundHalfAway(x, currencyDecimals(currency));
}

/** The fill's notional in the instrument's currency: qty × price × multiplier. */
export function notionalOf(qty: number, price: number, multiplier: number): number {
  return cleanAmount(qty * price * multiplier);
}

/** The fee of one fill of `qty` at `price`, in the instrument's currency, rounded by the rule above. */
export function feeOf(instrument: TradedInstrument, qty: number, price: number, schedule: FeeSchedule): number {
  switch (instrument.assetClass) {
    case 'crypto':
    case 'fx':
      return roundMoney((notionalOf(qty, price, instrument.multiplier) * schedule.cryptoPct) / 100, instrument.currency);
    case 'equity':
      return roundMoney(Math.max(cleanAmount(qty * schedule.equityPerShare), schedule.equityMin), instrument.currency);
    case 'option':
      return roundMoney(qty * schedule.optionPerContract, instrument.currency);
  }
}
