import { z } from 'zod';

/**
 * The paper broker's fill settings, each with its default (see
 * src-main/trading/paper/fill-rules.ts and fill-model.ts for the rules they tune):
 * - limitFill: 'through' (default: a resting limit fills only when the market
 *   trades strictly through it — Lean's rule, last in the queue) or 'touch'
 *   (at or through it — backtrader's);
 * - slippage: how much worse than the price met a market or stop order fills,
 *   in ticks or basis points of the price (default 1 tick); limits never slip;
 * - latencyMs: an order meets the market from submittedAt + latencyMs by the
 *   market clock (default 100 ms);
 * - participation: the largest share of a trade's or bar's volume one event
 *   can fill (default 0.1 = 10%; null: no cap); quotes with sizes cap at the
 *   displayed size, quotes without sizes fill whole;
 * - sameBarExits: when a bar reaches both a stop and a limit (a bracket's
 *   exits), 'stop_first' (default, backtrader and the issue: the stop wins)
 *   or 'path' (nautilus: walk O→H→L→C, or O→L→H→C when the open is nearer
 *   the low, and take whichever the path reaches first).
 */
export const fillModelConfigSchema = z
  .object({
    limitFill: z.enum(['through', 'touch']).default('through'),
    slippage: z
      .object({ unit: z.enum(['ticks', 'bps']), amount: z.number().min(0).max(10_000) })
      .strict()
      .default({ unit: 'ticks', amount: 1 }),
    latencyMs: z.number().int().min(0).max(60_000).default(100),
    participation: z.number().gt(0).max(1).nullable().default(0.1),
    sameBarExits: z.enum(['stop_first', 'path']).default('stop_first'),
  })
  .strict();
export type FillModelConfig = z.output<typeof fillModelConfigSchema>;

/**
 * settings.paper: how the local paper broker fills (`fill`) and the
 * half-spread of a synthetic quote, last ± `halfSpreadTicks` ticks, where a
 * feed has no book (replay, imports). Read when the core starts: a change
 * takes effect at the next start. `{}` is the whole section on its defaults.
 */
export const paperSettingsSchema = z
  .object({
    fill: fillModelConfigSchema.default(fillModelConfigSchema.parse({})),
    halfSpreadTicks: z.number().int().min(0).max(10_000).default(1),
  })
  .strict();
export type PaperSettings = z.infer<typeof paperSettingsSchema>;
