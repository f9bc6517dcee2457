import { z } from 'zod';
import { barSchema } from '../domain/bar';
import { epochMsSchema } from '../domain/epoch';
import { intervalSchema } from '../domain/interval';
import { sourceSchema } from '../domain/source';
import { symbolSchema } from '../domain/symbol';
import { marketKindSchema } from '../market/market-kind';
import { event, method } from './define';

export const MAX_BARS_PER_REQUEST = 50_000;
export const DEFAULT_BARS_LIMIT = 5_000;

const seriesFields = {
  source: sourceSchema,
  symbol: symbolSchema,
  interval: intervalSchema,
};

export const barsQuerySchema = z
  .object({
    ...seriesFields,
    from: epochMsSchema.optional(),
    to: epochMsSchema.optional(),
    limit: z.number().int().min(1).max(MAX_BARS_PER_REQUEST).default(DEFAULT_BARS_LIMIT),
  })
  .strict()
  .superRefine((q, ctx) => {
    if (q.from !== undefined && q.to !== undefined && q.from > q.to) {
      ctx.addIssue({ code: 'custom', path: ['from'], message: 'from is after to' });
    }
  });
export type BarsQuery = z.output<typeof barsQuerySchema>;

export const barsResultSchema = z.object({
  ...seriesFields,
  market: marketKindSchema,
  bars: z.array(barSchema),
  /** True when more bars matched than `limit`: the newest `limit` are returned. */
  truncated: z.boolean(),
});
export type BarsResult = z.infer<typeof barsResultSchema>;

export const barStreamParamsSchema = z.object(seriesFields).strict();
export type BarStreamParams = z.output<typeof barStreamParamsSchema>;

/**
 * A bar stream: first a snapshot (the most recent bars), then updates, each
 * carrying the changed bars in time order. `streamSeq` counts the stream's
 * updates at the source; a subscriber slower than the stream gets coalesced
 * updates (latest version of each bar), so its streamSeq may skip, while the
 * subscription's own frame sequence never does.
 */
export const barStreamPayloadSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('snapshot'), market: marketKindSchema, bars: z.array(barSchema), streamSeq: z.number().int().nonnegative() }),
  z.object({ kind: z.literal('update'), bars: z.array(barSchema).min(1), streamSeq: z.number().int().positive() }),
]);
export type BarStreamPayload = z.infer<typeof barStreamPayloadSchema>;

export const barsMethods = {
  'bars.get': method({
    description: 'Bars of one series in a time range (1m truth, other intervals derived on read); newest `limit` when more match.',
    params: barsQuerySchema,
    result: barsResultSchema,
  }),
};

export const barsEvents = {
  'bars.updates': event({
    description: 'bars.subscribe: a live bar stream (snapshot, then updates); unsubscribing is bars.unsubscribe.',
    params: barStreamParamsSchema,
    payload: barStreamPayloadSchema,
  }),
};
