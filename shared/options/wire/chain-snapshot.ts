import { z } from 'zod';
import { epochMsSchema } from '../../domain/epoch';
import { sourceSchema } from '../../domain/source';
import { symbolSchema } from '../../domain/symbol';
import { chainRowSchema } from './chain-row';
import { expiryDateSchema } from './expiry-date';

/** What kind of series an expiration is (null when the chain does not say). */
export const expirationKindSchema = z.enum(['daily', 'weekly', 'monthly']);

/**
 * One listed expiration: its date, when it ends (16:00 New York that day),
 * calendar days to it from the New York date of the answer, and whether it
 * is the one nearest 30 days out (the traders' swing expiry, "because of theta").
 */
export const expirationInfoSchema = z.object({
  expiry: expiryDateSchema,
  kind: expirationKindSchema.nullable(),
  expiresAt: epochMsSchema,
  days: z.number().int().nonnegative(),
  thirtyDay: z.boolean(),
});
export type ExpirationInfo = z.infer<typeof expirationInfoSchema>;

/**
 * Part of an underlying's chain at one instant: the underlying's price, the
 * model's rate and dividend yield (continuously compounded per year: the
 * sim's, or what a venue's provider assumes), the contract multiplier (100
 * shares), and per expiration its contracts by strike, calls before puts.
 */
export const chainSnapshotSchema = z.object({
  source: sourceSchema,
  underlying: symbolSchema,
  underlyingPrice: z.number().positive(),
  time: epochMsSchema,
  rate: z.number(),
  dividendYield: z.number(),
  multiplier: z.number().int().positive(),
  expirations: z.array(expirationInfoSchema.extend({ rows: z.array(chainRowSchema) })),
});
export type ChainSnapshot = z.infer<typeof chainSnapshotSchema>;
export type ChainExpirationRows = ChainSnapshot['expirations'][number];
