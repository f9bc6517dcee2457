import { z } from 'zod';
import { epochMsSchema } from '../domain/epoch';
import { sourceSchema } from '../domain/source';
import { symbolSchema } from '../domain/symbol';

/** A position derived from executions: signed quantity, average price, realised P&L and fees so far. */
export const positionSchema = z.object({
  accountId: z.string(),
  source: sourceSchema,
  symbol: symbolSchema,
  /** > 0 long, < 0 short. */
  qty: z.number(),
  avgPrice: z.number().nonnegative(),
  multiplier: z.number().positive(),
  realizedPnl: z.number(),
  fees: z.number().nonnegative(),
  openedAt: epochMsSchema.nullable(),
  underlying: symbolSchema.nullable(),
});
export type Position = z.infer<typeof positionSchema>;
