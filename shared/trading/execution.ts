import { z } from 'zod';
import { epochMsSchema } from '../domain/epoch';
import { sourceSchema } from '../domain/source';
import { symbolSchema } from '../domain/symbol';
import { sideSchema } from './order';

/**
 * A fill: the truth of trading (positions, round trips, P&L and the journal
 * are derived from executions). `fee` is in the account's currency; the
 * instrument's multiplier turns a price move into money (100 for an option).
 */
export const executionSchema = z.object({
  id: z.string(),
  orderId: z.string().nullable(),
  accountId: z.string(),
  source: sourceSchema,
  symbol: symbolSchema,
  side: sideSchema,
  qty: z.number().positive(),
  /** Per unit; 0 only for an option that expired worthless (settled at its intrinsic value). */
  price: z.number().nonnegative(),
  fee: z.number().nonnegative(),
  multiplier: z.number().positive(),
  /** An option's underlying (its chart shows the fill), else null. */
  underlying: symbolSchema.nullable(),
  /** The underlying's price at the fill, for markers on its chart. */
  underlyingPrice: z.number().positive().nullable(),
  time: epochMsSchema,
  /** Where it came from: the paper broker, Alpaca, an import, or the trader's own entry in the journal. */
  origin: z.enum(['paper', 'alpaca', 'import', 'manual']),
});
export type Execution = z.infer<typeof executionSchema>;
