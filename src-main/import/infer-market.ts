import type { MarketKind } from '../../shared/market/market-kind';
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
