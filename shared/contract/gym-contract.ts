import { z } from 'zod';
import { barSchema } from '../domain/bar';
import { epochMsSchema } from '../domain/epoch';
import { intervalSchema } from '../domain/interval';
import { sourceSchema } from '../domain/source';
import { symbolSchema } from '../domain/symbol';
import { method } from './define';

/** Indicators every observation carries unless the session asks for others (specs as in `tapedeck indicators`). */
export const DEFAULT_GYM_INDICATORS = ['sma:20', 'ema:50', 'rsi:14', 'atr:14', 'macd:12,26,9'] as const;

export const gymCreateSchema = z
  .object({
    source: sourceSchema.default('sim'),
    symbol: symbolSchema,
    interval: intervalSchema,
    from: epochMsSchema,
    to: epochMsSchema,
    cash: z.number().positive().max(1e12).default(10_000),
    /** Commission as a rate of each fill's notional (0.001 = 0.1%). */
    fees: z.number().min(0).max(0.1).default(0),
    /** Whole units only (equities), or fractional quantities (crypto). */
    fractional: z.boolean().default(false),
    indicators: z.array(z.string().min(1).max(40)).max(20).default([...DEFAULT_GYM_INDICATORS]),
  })
  .strict()
  .superRefine((r, ctx) => {
    if (r.from >= r.to) ctx.addIssue({ code: 'custom', path: ['from'], message: 'from must be before to' });
  });
export type GymCreate = z.output<typeof gymCreateSchema>;

export const gymWalletSchema = z.object({
  cash: z.number(),
  /** Units held (0 when flat; the gym is long-only). */
  position: z.number().nonnegative(),
  /** Average price paid for the units held (null when flat). */
  avgPrice: z.number().nullable(),
  /** Cash + position marked at the last revealed close. */
  equity: z.number(),
  feesPaid: z.number().nonnegative(),
  realizedPnl: z.number(),
});
export type GymWallet = z.infer<typeof gymWalletSchema>;

export const gymStateSchema = z.object({
  id: z.string(),
  /** Index of the revealed bar (0-based) and how many bars the session has. */
  step: z.number().int().nonnegative(),
  steps: z.number().int().positive(),
  /** The last closed bar: the agent decides on it; an action fills at the next bar's open. */
  bar: barSchema,
  /** Indicator values at `bar` (null during warm-up), by spec (multi-output: "macd:12,26,9.signal"). */
  indicators: z.record(z.string(), z.number().nullable()),
  wallet: gymWalletSchema,
  /** True once the last bar is revealed: no more actions. */
  done: z.boolean(),
});
export type GymState = z.infer<typeof gymStateSchema>;

export const GYM_ACTIONS = ['BUY', 'SELL', 'HOLD'] as const;

export const gymActSchema = z
  .object({
    id: z.string().min(1).max(64),
    action: z.enum(GYM_ACTIONS),
    /** BUY: percent of equity to spend; SELL: percent of the position to sell. Ignored for HOLD. */
    sizePct: z.number().gt(0).max(100).default(100),
  })
  .strict();
export type GymAct = z.output<typeof gymActSchema>;

export const gymFillSchema = z.object({
  side: z.enum(['buy', 'sell']),
  time: epochMsSchema,
  price: z.number(),
  units: z.number().positive(),
  fee: z.number().nonnegative(),
});

export const gymActResultSchema = z.object({
  wallet: gymWalletSchema,
  /** The fill the action produced at the next bar's open (null for HOLD, or when nothing could be bought or sold). */
  fill: gymFillSchema.nullable(),
  done: z.boolean(),
});
export type GymActResult = z.infer<typeof gymActResultSchema>;

const gymId = z.object({ id: z.string().min(1).max(64) }).strict();

export const gymMethods = {
  'gym.create': method({
    description: 'Opens a step-by-step trading session over stored bars for an agent (LLM or RL policy); answers with its id.',
    params: gymCreateSchema,
    result: z.object({ id: z.string(), steps: z.number().int().positive() }),
  }),
  'gym.state': method({ description: 'The current observation: last closed bar, indicator values, wallet. Does not advance.', params: gymId, result: gymStateSchema }),
  'gym.act': method({
    description: 'BUY, SELL or HOLD on the current bar: fills at the next bar\'s open (fees applied), then reveals that bar.',
    params: gymActSchema,
    result: gymActResultSchema,
  }),
  'gym.close': method({ description: 'Ends a session and frees it.', params: gymId, result: z.object({ closed: z.boolean() }) }),
};
