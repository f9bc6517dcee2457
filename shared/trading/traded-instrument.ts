import { z } from 'zod';
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
