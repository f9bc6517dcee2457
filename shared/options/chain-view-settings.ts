import { z } from 'zod';

/** The chain's columns a trader can show or hide (each side of the strike). */
export const CHAIN_COLUMNS = ['bid', 'ask', 'mid', 'last', 'volume', 'oi', 'iv', 'delta'] as const;
export type ChainColumnId = (typeof CHAIN_COLUMNS)[number];

/** How many listed strikes each side of the money the chain shows (null: all of them). */
export const STRIKE_COUNTS = [5, 10, 20, 40, null] as const;
export type StrikeCount = (typeof STRIKE_COUNTS)[number];

const DEFAULT_COLUMNS: ChainColumnId[] = ['bid', 'ask', 'mid', 'volume', 'oi', 'iv', 'delta'];

/**
 * The options chain's view as the trader left it (settings.optionsChain):
 * the columns shown, the strikes around the money and the filters. Every
 * field has its default, so `{}` is a whole section. The delta band's ends
 * are not ordered here: a band with min above max shows nothing, as typed.
 */
export const chainViewSettingsSchema = z
  .object({
    columns: z
      .array(z.enum(CHAIN_COLUMNS))
      .max(CHAIN_COLUMNS.length)
      .refine((list) => new Set(list).size === list.length, 'columns has a duplicate column')
      .default(DEFAULT_COLUMNS),
    strikes: z.union([z.literal(5), z.literal(10), z.literal(20), z.literal(40), z.null()]).default(10),
    /** |delta| band, both ends included (0 and 1: no band). */
    deltaMin: z.number().min(0).max(1).default(0),
    deltaMax: z.number().min(0).max(1).default(1),
    /** Contracts with less open interest are hidden (0: none). */
    minOpenInterest: z.number().min(0).max(10_000_000).default(0),
    /** Contracts whose spread is a larger percentage of their mid are hidden (null: none). */
    maxSpreadPct: z.number().min(0).max(1000).nullable().default(null),
  })
  .strict();
export type ChainViewSettings = z.infer<typeof chainViewSettingsSchema>;
