import { z } from 'zod';
import { MAX_PRICE } from '../domain/bar';

/**
 * Where an exit sits, as the trader says it: a price, or a distance from the
 * entry's fill in ticks, in percent of the fill price, or in currency per
 * unit ("+$0.10 on the premium"). Distances are resolved to a price on the
 * instrument's tick when the entry fills (exit-resolution.ts).
 */
export const exitSpecSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('price'), price: z.number().positive().max(MAX_PRICE) }).strict(),
  z.object({ kind: z.literal('ticks'), ticks: z.number().int().positive().max(10_000_000) }).strict(),
  z.object({ kind: z.literal('percent'), percent: z.number().positive().max(1000) }).strict(),
  z.object({ kind: z.literal('amount'), amount: z.number().positive().max(MAX_PRICE) }).strict(),
]);
export type ExitSpec = z.infer<typeof exitSpecSchema>;

/** A bare number where an exit is expected means a price (the HTTP API's shorthand). */
export const exitInputSchema = z.union([z.number().positive().max(MAX_PRICE).transform((price): ExitSpec => ({ kind: 'price', price })), exitSpecSchema]);
