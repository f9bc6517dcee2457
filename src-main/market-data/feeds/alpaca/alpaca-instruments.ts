import { instrumentSchema, type Instrument } from '../../../../shared/domain/instrument';

/**
 * US stocks and ETFs listed before anything else is known (the data API has
 * no symbol list; the trading API's assets are the broker's business), so the
 * watchlist's US symbols resolve to Alpaca when it is live. More come from
 * TAPEDECK_ALPACA_SYMBOLS or the symbol a CLI command names.
 */
const DEFAULT_SYMBOLS: readonly (readonly [string, string])[] = [
  ['SPY', 'SPDR S&P 500 ETF Trust'],
  ['QQQ', 'Invesco QQQ Trust'],
  ['IWM', 'iShares Russell 2000 ETF'],
  ['DIA', 'SPDR Dow Jones Industrial Average ETF'],
  ['AAPL', 'Apple Inc.'],
  ['MSFT', 'Microsoft Corp.'],
  ['NVDA', 'NVIDIA Corp.'],
  ['AMZN', 'Amazon.com Inc.'],
  ['GOOGL', 'Alphabet Inc. Class A'],
  ['META', 'Meta Platforms Inc.'],
  ['TSLA', 'Tesla Inc.'],
  ['AMD', 'Advanced Micro Devices Inc.'],
  ['NFLX', 'Netflix Inc.'],
  ['PLTR', 'Palantir Technologies Inc.'],
  ['SOFI', 'SoFi Technologies Inc.'],
];

/** A US stock symbol as Alpaca spells it: upper-case letters, digits and a class dot (BRK.B). */
export const US_STOCK_SYMBOL = /^[A-Z][A-Z0-9]{0,5}(\.[A-Z]{1,2})?$/;

function instrument(symbol: string, description: string): Instrument {
  return instrumentSchema.parse({ source: 'alpaca', symbol, market: 'us-equity', description, tickSize: 0.01, lotSize: 1, baseInterval: '1m' });
}

/** The default list plus `extra` (deduplicated, upper-cased; anything that is not a stock symbol is left out). */
export function alpacaInstruments(extra: readonly string[]): Instrument[] {
  const out = DEFAULT_SYMBOLS.map(([s, d]) => instrument(s, d));
  const have = new Set(out.map((i) => i.symbol as string));
  for (const raw of extra) {
    const symbol = raw.trim().toUpperCase();
    if (!US_STOCK_SYMBOL.test(symbol) || have.has(symbol)) continue;
    have.add(symbol);
    out.push(instrument(symbol, `${symbol} (US stock)`));
  }
  return out;
}
