import { z } from 'zod';
import { epochMsSchema } from '../../domain/epoch';
import { sourceSchema } from '../../domain/source';
import { symbolSchema } from '../../domain/symbol';
import { chainRowSchema } from './chain-row';

/**
 * One contract in full: its chain row (prices and greeks per share, units as
 * in chain-row.ts), what it is on, when it ends, its multiplier, the model's
 * inputs (rate, dividend yield, the underlying's price and the time: enough
 * to price it and to compute the touch probability of a take-profit on the
 * ticket), rho per rate point, and the model's value. `settled`: past its
 * expiry instant, every price is the intrinsic value.
 */
export const contractQuoteSchema = chainRowSchema.extend({
  source: sourceSchema,
  underlying: symbolSchema,
  root: z.string().min(1).max(6),
  expiresAt: epochMsSchema,
  multiplier: z.number().int().positive(),
  status: z.enum(['live', 'settled']),
  underlyingPrice: z.number().positive(),
  time: epochMsSchema,
  rate: z.number(),
  dividendYield: z.number(),
  rhoPerPoint: z.number().nullable(),
  /** The model's value per share (null for a venue's quote without a model). */
  theo: z.number().nonnegative().nullable(),
});
export type ContractQuote = z.infer<typeof contractQuoteSchema>;
