import { z } from 'zod';
import { MAX_PRICE } from '../domain/bar';
import { sourceSchema } from '../domain/source';
import { symbolSchema } from '../domain/symbol';
import { sideSchema } from './order';

/**
 * A stand-alone OCO pair closing (part of) a position: a limit (the
 * take-profit) and a stop on the same side and quantity; the first fill
 * cancels the other, a partial fill shrinks it. A sell pair closes a long
 * (limit above, stop below), a buy pair a short. The same shape as the
 * contract's `orders.placeOco` params.
 */
export const ocoRequestSchema = z
  .object({
    accountId: z.string().min(1).max(64),
    source: sourceSchema,
    symbol: symbolSchema,
    side: sideSchema,
    qty: z.number().positive().max(1e12),
    limitPrice: z.number().positive().max(MAX_PRICE),
    stopPrice: z.number().positive().max(MAX_PRICE),
    tif: z.enum(['day', 'gtc']).default('gtc'),
  })
  .strict();
export type OcoRequest = z.output<typeof ocoRequestSchema>;
