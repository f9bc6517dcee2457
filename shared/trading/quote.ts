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
  /** 0: nobody bids (a far out-of-the-money option). */
  bid: z.number().nonnegative(),
  ask: z.number().positive(),
  last: z.number().positive().nullable(),
  time: epochMsSchema,
  kind: z.enum(['book', 'synthetic']),
  /** An option contract's quote: its underlying's price when it was made (fills carry it to the underlying's chart). */
  underlyingPrice: z.number().positive().nullable().optional(),
});
export type Quote = z.infer<typeof quoteSchema>;
