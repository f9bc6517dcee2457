import { z } from 'zod';
import { marketKindSchema } from '../market/market-kind';
import { baseIntervalSchema } from './interval';
import { sourceSchema } from './source';
import { symbolSchema } from './symbol';

/** A tradable symbol on one source, with what bar alignment and order validation need. */
export const instrumentSchema = z.object({
  source: sourceSchema,
  symbol: symbolSchema,
  market: marketKindSchema,
  description: z.string(),
  /** Smallest price increment. */
  tickSize: z.number().positive(),
  /** Smallest quantity increment. */
  lotSize: z.number().positive(),
  /** The interval stored for this series (1m for live sources; 1h or 1d for imports that only have those). */
  baseInterval: baseIntervalSchema,
});
export type Instrument = z.infer<typeof instrumentSchema>;
