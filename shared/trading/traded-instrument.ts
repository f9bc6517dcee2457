import { z } from 'zod';
import type { Instrument } from '../domain/instrument';
import { sourceSchema } from '../domain/source';
import { symbolSchema } from '../domain/symbol';

/** What an order, a fee and a P&L depend on: crypto pairs, US equities, FX and (later) option contracts. */
export const ASSET_CLASSES = ['crypto', 'equity', 'fx', 'option'] as const;
export const assetClassSchema = z.enum(ASSET_CLASSES);
export type AssetClass = z.infer<typeof assetClassSchema>;

export const tradedInstrumentSchema = z.object({
  source: sourceSchema,
  symbol: symbolSchema,
  assetClass: assetClassSchema,
  tickSize: z.number().positive(),
  lotSize: z.number().positive(),
  /** Units per contract: 1, or 100 for a US equity option. P&L = qty × multiplier × price move. */
  multiplier: z.number().positive(),
  /** Quote currency of its prices (USD, USDT). */
  currency: z.string().min(3).max(8),
  /** For an option: the underlying's symbol (its chart, its price). */
  underlying: symbolSchema.nullable(),
});
export type TradedInstrument = z.infer<typeof tradedInstrumentSchema>;

/** Quote currencies recognised at the end of a pair's symbol, longest first (FDUSD before USD). */
const QUOTE_SUFFIXES = ['FDUSD', 'USDT', 'USDC', 'BUSD', 'TUSD', 'BTC', 'ETH', 'BNB', 'EUR', 'USD', 'JPY', 'GBP'] as const;

/** The quote currency of a crypto or FX pair from its symbol (BTCUSDT → USDT, EURUSD → USD); USD when none is recognised. */
export function quoteCurrencyOf(symbol: string): string {
  for (const q of QUOTE_SUFFIXES) if (symbol.length > q.length && symbol.endsWith(q)) return q;
  return 'USD';
}

/** A feed's instrument as traded: US equities in USD, one share a unit; pairs in their quote currency. */
export function tradedFromInstrument(i: Instrument): TradedInstrument {
  const assetClass = i.market === 'us-equity' ? 'equity' : i.market;
  return {
    source: i.source,
    symbol: i.symbol,
    assetClass,
    tickSize: i.tickSize,
    lotSize: i.lotSize,
    multiplier: 1,
    currency: i.market === 'us-equity' ? 'USD' : quoteCurrencyOf(i.symbol),
    underlying: null,
  };
}
