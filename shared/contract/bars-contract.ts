import { z } from 'zod';
import { barListSchema } from '../domain/bar-list';
import { epochMsSchema } from '../domain/epoch';
import { intervalSchema } from '../domain/interval';
import { sourceSchema } from '../domain/source';
import { symbolSchema } from '../domain/symbol';
import { marketKindSchema } from '../market/market-kind';
import { event, method, noParams } from './define';

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

/**
 * Why bars are missing from a window:
 * - before-start: before the first bar the source can have (the simulated market's 2015 start, a symbol's listing, an import's first row);
 * - after-end: after the last bar of an imported series;
 * - venue-gap: the venue was asked and has no bars there (an exchange outage);
 * - not-loaded: the venue could not be reached for it (asked again on the next read);
 * - incomplete: an import that was interrupted (complete it by importing again);
 * - missing: a hole in stored data inside market hours.
 */
export const MISSING_REASONS = ['before-start', 'after-end', 'venue-gap', 'not-loaded', 'incomplete', 'missing'] as const;
export const missingReasonSchema = z.enum(MISSING_REASONS);
export type MissingReason = z.infer<typeof missingReasonSchema>;

/** Missing spans listed per reply at most (the counts cover all of them). */
export const MAX_MISSING_SPANS = 200;

export const missingSpanSchema = z.object({
  from: epochMsSchema,
  to: epochMsSchema,
  reason: missingReasonSchema,
  /** Base bars (1m, or the series' base) missing in the span. */
  bars: z.number().int().positive(),
  /** What went wrong, for not-loaded (the venue's error). */
  note: z.string().optional(),
});
export type MissingSpan = z.infer<typeof missingSpanSchema>;

/**
 * How complete a reply is: the window judged ([from, to), `to` never beyond
 * the series' clock), the bars a complete series has in it at the requested
 * interval (sessions only: nights, weekends and holidays are not expected),
 * the bars present, and the missing spans with their reason.
 */
export const coverageSchema = z.object({
  from: epochMsSchema,
  to: epochMsSchema,
  expected: z.number().int().nonnegative(),
  present: z.number().int().nonnegative(),
  /** Base bars missing in the window, all spans counted. */
  missingBars: z.number().int().nonnegative(),
  missing: z.array(missingSpanSchema).max(MAX_MISSING_SPANS),
  /** Spans left out of `missing` past MAX_MISSING_SPANS. */
  spansOmitted: z.number().int().nonnegative(),
});
export type Coverage = z.infer<typeof coverageSchema>;

export const barsResultSchema = z.object({
  ...seriesFields,
  market: marketKindSchema,
  bars: barListSchema(),
  /** True when more bars matched than `limit`: the newest `limit` are returned. */
  truncated: z.boolean(),
  /**
   * The paging cursor: pass it as `to` (same interval, no `from`) for the
   * bars before these; null when the source has nothing older.
   */
  older: epochMsSchema.nullable(),
  coverage: coverageSchema,
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
  z.object({
    kind: z.literal('snapshot'),
    market: marketKindSchema,
    bars: barListSchema(),
    streamSeq: z.number().int().nonnegative(),
    /** The paging cursor for older bars (bars.get with `to`), and how complete the snapshot is. */
    older: epochMsSchema.nullable().optional(),
    coverage: coverageSchema.optional(),
  }),
  z.object({ kind: z.literal('update'), bars: barListSchema({ min: 1 }), streamSeq: z.number().int().positive() }),
]);
export type BarStreamPayload = z.infer<typeof barStreamPayloadSchema>;

export const barsMethods = {
  'bars.get': method({
    description: 'Bars of one series in a time range (1m truth, other intervals derived on read); newest `limit` when more match.',
    params: barsQuerySchema,
    result: barsResultSchema,
  }),
};

/** Progress of a history load from a venue (a range the store did not hold). */
export const historyProgressSchema = z.object({
  source: sourceSchema,
  symbol: symbolSchema,
  from: epochMsSchema,
  to: epochMsSchema,
  /** Share of the missing time already loaded, 0..1. */
  fraction: z.number().min(0).max(1),
  bars: z.number().int().nonnegative(),
  state: z.enum(['loading', 'done', 'failed']),
  message: z.string().nullable(),
});
export type HistoryProgress = z.infer<typeof historyProgressSchema>;

export const barsEvents = {
  'bars.progress': event({
    description: 'History loads from venues (ranges being fetched to complete a read): loading with a fraction, then done or failed.',
    params: noParams,
    payload: historyProgressSchema,
  }),
  'bars.updates': event({
    description: 'bars.subscribe: a live bar stream (snapshot, then updates); unsubscribing is bars.unsubscribe.',
    params: barStreamParamsSchema,
    payload: barStreamPayloadSchema,
  }),
};
