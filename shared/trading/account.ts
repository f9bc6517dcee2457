import { z } from 'zod';
import { epochMsSchema } from '../domain/epoch';

/** Fees of a paper account, by asset class (Tapedeck charges them on every paper fill). */
export const feeScheduleSchema = z
  .object({
    /** Crypto and FX: percent of the fill's notional (0.1 = 0.1%). */
    cryptoPct: z.number().min(0).max(5).default(0.1),
    /** US equities: per share, with a minimum per fill. */
    equityPerShare: z.number().min(0).max(1).default(0.005),
    equityMin: z.number().min(0).max(100).default(1),
    /** Options: per contract. */
    optionPerContract: z.number().min(0).max(100).default(0.65),
  })
  .strict();
export type FeeSchedule = z.infer<typeof feeScheduleSchema>;

/** The risk manager's limits for one account (every one can be switched off with 0 or false where noted). */
export const riskSettingsSchema = z
  .object({
    /** Largest notional of one order, in the account's currency. */
    maxOrderNotional: z.number().positive().max(1e12).default(100_000),
    /** Largest position notional per symbol (0: no limit). */
    maxPositionNotional: z.number().min(0).max(1e12).default(0),
    /** Open positions at once (0: no limit). */
    maxOpenPositions: z.number().int().min(0).max(1000).default(0),
    /** A loss for the session at which new entries stop until the next session (0: no limit). */
    maxDailyLoss: z.number().min(0).max(1e12).default(0),
    /** Orders per minute (0: no limit). */
    maxOrdersPerMinute: z.number().int().min(0).max(10_000).default(60),
    /** US equities only during the regular session. */
    usEquityHoursOnly: z.boolean().default(true),
    /** No new entry on a symbol whose feed is DEGRADED/BACKFILLING or whose last price is older than staleAfterMs. */
    dataGate: z.boolean().default(true),
    staleAfterMs: z.number().int().min(1000).max(3_600_000).default(30_000),
  })
  .strict();
export type RiskSettings = z.infer<typeof riskSettingsSchema>;

export const accountSchema = z.object({
  id: z.string(),
  name: z.string().min(1).max(64),
  broker: z.enum(['paper', 'alpaca']),
  currency: z.string().min(3).max(8),
  startingCash: z.number().positive(),
  /** Cash now: starting cash plus realised P&L less fees since the last reset. */
  cash: z.number(),
  fees: feeScheduleSchema,
  risk: riskSettingsSchema,
  createdAt: epochMsSchema,
  resetAt: epochMsSchema.nullable(),
  /** A broker with a connection (Alpaca's): LIVE, DEGRADED while its stream is down, OFFLINE without keys or with refused ones, and why. Absent for the local paper broker. */
  connection: z.object({ state: z.enum(['LIVE', 'DEGRADED', 'OFFLINE']), reason: z.string().nullable() }).optional(),
});
export type Account = z.infer<typeof accountSchema>;
