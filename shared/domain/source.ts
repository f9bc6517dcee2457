import { z } from 'zod';

/**
 * Where bars come from: a feed id (`sim`, `binance`, `alpaca`, `replay`) or an
 * import source name (`csv` by default). Every stored bar carries its source,
 * so simulated bars can never pass for real ones.
 */
export const sourceSchema = z
  .string()
  .regex(/^[a-z][a-z0-9-]{0,31}$/, 'a source is 1-32 characters: a-z, 0-9 or "-", starting with a letter');
export type SourceId = z.infer<typeof sourceSchema>;
