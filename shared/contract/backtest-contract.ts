import { z } from 'zod';
import { epochMsSchema } from '../domain/epoch';
import { intervalSchema } from '../domain/interval';
import { sourceSchema } from '../domain/source';
import { symbolSchema } from '../domain/symbol';
import { marketKindSchema } from '../market/market-kind';
import { event, method, noParams } from './define';

/** A statistic that can be undefined (no trades, zero volatility): null, never NaN or Infinity. */
const stat = z.number().nullable();

/** Backtest statistics with their public field names (formulas documented in src-main/backtest/statistics). */
export const backtestStatsSchema = z.object({
  start: epochMsSchema.nullable(),
  end: epochMsSchema.nullable(),
  bars: z.number().int().nonnegative(),
  exposurePct: stat,
  equityFinal: stat,
  equityPeak: stat,
  returnPct: stat,
  buyHoldReturnPct: stat,
  returnAnnPct: stat,
  volatilityAnnPct: stat,
  cagrPct: stat,
  sharpe: stat,
  sortino: stat,
  calmar: stat,
  maxDrawdownPct: stat,
  avgDrawdownPct: stat,
  maxDrawdownDurationBars: stat,
  trades: z.number().int().nonnegative(),
  winRatePct: stat,
  bestTradePct: stat,
  worstTradePct: stat,
  avgTradePct: stat,
  profitFactor: stat,
  expectancyPct: stat,
  sqn: stat,
  commissionsPaid: stat,
});
export type BacktestStats = z.infer<typeof backtestStatsSchema>;
export const BACKTEST_STAT_NAMES = Object.keys(backtestStatsSchema.shape) as (keyof BacktestStats)[];

export const backtestTradeSchema = z.object({
  side: z.enum(['long', 'short']),
  size: z.number().positive(),
  entryTime: epochMsSchema,
  entryPrice: z.number(),
  exitTime: epochMsSchema,
  exitPrice: z.number(),
  pnl: z.number(),
  returnPct: z.number(),
  barsHeld: z.number().int().nonnegative(),
  commission: z.number().nonnegative(),
  entryReason: z.string(),
  exitReason: z.string(),
});
export type BacktestTrade = z.infer<typeof backtestTradeSchema>;

/** The equity curve as columns (one entry per bar): compact on the wire and in the store. */
export const equityCurveSchema = z.object({
  time: z.array(epochMsSchema),
  equity: z.array(z.number()),
  drawdownPct: z.array(z.number()),
});
export type EquityCurve = z.infer<typeof equityCurveSchema>;

export const backtestResultSchema = z.object({
  stats: backtestStatsSchema,
  trades: z.array(backtestTradeSchema),
  equity: equityCurveSchema,
});
export type BacktestResult = z.infer<typeof backtestResultSchema>;

const paramValue = z.union([z.number(), z.boolean()]);

/** Costs and rules of a run (defaults are the engine's: no costs, long only, all-in whole units). */
export const backtestCostsSchema = z
  .object({
    cash: z.number().positive().max(1e12).default(10_000),
    commissionRate: z.number().min(0).max(0.1).default(0),
    commissionFixed: z.number().min(0).default(0),
    slippageBps: z.number().min(0).max(1000).default(0),
    spread: z.number().min(0).default(0),
    allowShort: z.boolean().default(false),
    fractional: z.boolean().default(false),
  })
  .strict();

/** What to backtest: a stored series (any interval, derived from the 1m truth), a strategy and its parameters. */
export const backtestRequestSchema = z
  .object({
    source: sourceSchema,
    symbol: symbolSchema,
    interval: intervalSchema,
    from: epochMsSchema,
    to: epochMsSchema,
    strategy: z.string().min(1).max(64),
    params: z.record(z.string(), paramValue).default({}),
    costs: backtestCostsSchema.default(backtestCostsSchema.parse({})),
    label: z.string().max(200).optional(),
  })
  .strict()
  .superRefine((r, ctx) => {
    if (r.from >= r.to) ctx.addIssue({ code: 'custom', path: ['from'], message: 'from must be before to' });
  });
export type BacktestRequest = z.output<typeof backtestRequestSchema>;

export const backtestRunSummarySchema = z.object({
  id: z.string(),
  createdAt: epochMsSchema,
  label: z.string(),
  strategy: z.string(),
  request: backtestRequestSchema,
  stats: backtestStatsSchema,
});
export type BacktestRunSummary = z.infer<typeof backtestRunSummarySchema>;

export const backtestRunSchema = backtestRunSummarySchema.extend({
  market: marketKindSchema,
  result: backtestResultSchema,
  /** What the user should know about the run beyond its numbers (e.g. entries that could not afford one unit). */
  notes: z.array(z.string()),
});
export type BacktestRun = z.infer<typeof backtestRunSchema>;

export const paramSpecSchema = z.object({
  name: z.string(),
  description: z.string(),
  type: z.enum(['int', 'number', 'boolean']),
  default: paramValue,
  min: z.number().optional(),
  max: z.number().optional(),
  step: z.number().optional(),
});

export const strategyInfoSchema = z.object({
  id: z.string(),
  name: z.string(),
  description: z.string(),
  params: z.array(paramSpecSchema),
});
export type StrategyInfo = z.infer<typeof strategyInfoSchema>;

export const backtestProgressSchema = z.object({
  id: z.string(),
  status: z.enum(['running', 'done', 'failed']),
  /** Bars processed / bars in the run, 0..1. */
  fraction: z.number().min(0).max(1),
  error: z.object({ field: z.string(), message: z.string() }).nullable(),
});
export type BacktestProgress = z.infer<typeof backtestProgressSchema>;

const runId = z.object({ id: z.string().min(1).max(64) }).strict();

export const backtestMethods = {
  'strategies.list': method({
    description: 'The strategies the runner and the backtester know, with their parameters (types, defaults, ranges).',
    params: noParams,
    result: z.array(strategyInfoSchema),
  }),
  'backtest.run': method({
    description:
      'Starts a backtest in the main process and answers at once with its id; follow backtest.progress, then backtest.get. Bad parameters are refused before anything runs, naming the field.',
    params: backtestRequestSchema,
    result: z.object({ id: z.string() }),
  }),
  'backtest.get': method({ description: 'A saved run: its request, statistics, trades and equity curve.', params: runId, result: backtestRunSchema }),
  'backtest.list': method({
    description: 'Saved runs, newest first (summaries: request and statistics).',
    params: z.object({ limit: z.number().int().min(1).max(500).default(100) }).strict().default({ limit: 100 }),
    result: z.array(backtestRunSummarySchema),
  }),
  'backtest.delete': method({ description: 'Deletes a saved run.', params: runId, result: z.object({ deleted: z.boolean() }) }),
};

export const backtestEvents = {
  'backtest.progress': event({
    description: 'Progress of every backtest started from now on: running (fraction), then done or failed.',
    params: noParams,
    payload: backtestProgressSchema,
  }),
};
