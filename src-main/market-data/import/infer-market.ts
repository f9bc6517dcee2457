import type { MarketKind } from '../../../shared/market/market-kind';
import { DAY_MS } from '../../../shared/domain/interval';
import { weekdayOfDays } from '../../../shared/market/civil-date';
import type { CsvTimeZone } from './csv-formats';

const CURRENCIES = new Set(['USD', 'EUR', 'GBP', 'JPY', 'CHF', 'CAD', 'AUD', 'NZD', 'SEK', 'NOK', 'DKK', 'SGD', 'HKD', 'MXN', 'ZAR', 'CNH', 'TRY', 'PLN']);

/**
 * The market of an imported series when --market is not given: New York
 * stamps mean a US equity; a pair of ISO currencies (EURUSD, EUR/USD) means
 * FX; anything else is treated as crypto (24/7, UTC).
 */
export function inferMarket(symbol: string, tz: CsvTimeZone): MarketKind {
  if (tz === 'America/New_York') return 'us-equity';
  const letters = symbol.replace('/', '');
  if (letters.length === 6 && CURRENCIES.has(letters.slice(0, 3)) && CURRENCIES.has(letters.slice(3))) return 'fx';
  return 'crypto';
}

/** A span long enough that a 24/7 series must have shown a weekend. */
const WEEKS_TO_JUDGE = 2;

/**
 * inferMarket for a whole bar file: a series the name and zone would call
 * crypto, but that covers two weeks or more without a single bar on a UTC
 * Saturday or Sunday, is a market that closes at weekends and is read as a
 * US equity (GOOG.csv without --tz): annualising its returns over 365 days
 * instead of 252 would overstate them.
 */
export function inferMarketFromBars(symbol: string, tz: CsvTimeZone, times: Float64Array): MarketKind {
  const byName = inferMarket(symbol, tz);
  const n = times.length;
  if (byName !== 'crypto' || n === 0) return byName;
  if ((times[n - 1] ?? 0) - (times[0] ?? 0) < WEEKS_TO_JUDGE * 7 * DAY_MS) return byName;
  for (let i = 0; i < n; i++) {
    const weekday = weekdayOfDays(Math.floor((times[i] ?? 0) / DAY_MS));
    if (weekday === 0 || weekday === 6) return byName;
  }
  return 'us-equity';
}
