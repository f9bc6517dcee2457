import { z } from 'zod';
import { epochMsSchema } from '../domain/epoch';
import { sourceSchema } from '../domain/source';
import { symbolSchema } from '../domain/symbol';

/**
 * Bid and ask of one instrument now. `book` quotes come from the venue (the
 * sim's spread, Binance bookTicker, Alpaca quotes); `synthetic` ones are the
 * last price ± a half-spread where only trades or bars exist (a replay, an
 * import), and are labelled so.
 */
export const quoteSchema = z.object({
  source: sourceSchema,
  symbol: symbolSchema,
  bid: z.number().positive(),
  ask: z.number().positive(),
  last: z.number().positive().nullable(),
  time: epochMsSchema,
  kind: z.enum(['book', 'synthetic']),
});
export type Quote = z.infer<typeof quoteSchema>;
