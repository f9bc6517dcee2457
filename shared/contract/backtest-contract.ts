import { z } from 'zod';
import { epochMsSchema } from '../domain/epoch';
import { intervalSchema } from '../domain/interval';
import { sourceSchema } from '../domain/source';
import { symbolSchema } from '../domain/symbol';
import { marketKindSchema } from '../market/market-kind';
import { coverageSchema } from './bars-contract';
import { event, method, noParams } from './define';

/** A statistic that can be undefined (no trades, zero volatility): null, never NaN or Infinity. */
const stat = z.number().nullable();

/** Backtest statistics with their public field names (formulas documented in src-main/research/backtest/statistics). */
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
  /** The most consecutive losing trades (pnl < 0). Runs saved before it existed read null. */
  longestLosingStreak: z.number().int().nonnegative().nullable().default(null),
  /**
   * Percent of 10,000 seeded bootstrap paths (trade returns drawn with
   * replacement, as many as the run had, compounded from 1) on which equity
   * falls to half or less at some step; null under 5 trades
   * (src-main/research/backtest/risk-of-ruin.ts).
   */
  riskOfRuinPct: stat.default(null),
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
  /** The entry's setup family ('orb-up', 'sweep-low', 'cross-up'…); '' in runs saved before setups existed. */
  setup: z.string().default(''),
  entryReason: z.string(),
  exitReason: z.string(),
});
export type BacktestTrade = z.infer<typeof backtestTradeSchema>;

/** How one setup family played out: its closed trades grouped by `setup`. */
export const setupStatsSchema = z.object({
  setup: z.string(),
  trades: z.number().int().positive(),
  /** count(pnl > 0) / trades * 100. */
  winRatePct: z.number(),
  /** Arithmetic mean of the trades' returnPct. */
  avgReturnPct: z.number(),
  /** Sum of winning pnl / |sum of losing pnl|; null with no loser. */
  profitFactor: stat,
  totalPnl: z.number(),
});
export type SetupStats = z.infer<typeof setupStatsSchema>;

/**
 * Signals the model reported without a position (a down day in long-only
 * mode), by setup and side, and what the underlying did over the
 * hypothetical holding (entry and exits as a real trade, no costs).
 */
export const unfilledSignalSchema = z.object({
  setup: z.string(),
  side: z.enum(['long', 'short']),
  count: z.number().int().positive(),
  /** Mean of (exit / entry - 1) * 100 over the signals that got an entry: the underlying's own move (negative: it fell). Null when none did. */
  avgUnderlyingReturnPct: stat,
  /** Percent of those whose underlying moved the signal's way (long: exit > entry; short: exit < entry). */
  favourablePct: stat,
});
export type UnfilledSignal = z.infer<typeof unfilledSignalSchema>;

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
  /** Trades by setup, sorted by setup id (empty in runs saved before it existed). */
  setups: z.array(setupStatsSchema).default([]),
  /** Signals without position by setup and side, sorted by setup then side. */
  unfilledSignals: z.array(unfilledSignalSchema).default([]),
  equity: equityCurveSchema,
});
export type BacktestResult = z.infer<typeof backtestResultSchema>;

/** A strategy parameter's value: a number, a flag, or text (a choice, a schedule name). */
const paramValue = z.union([z.number(), z.boolean(), z.string().min(1).max(64)]);

/**
 * Costs and rules of a run (defaults are the engine's: no costs, all-in whole
 * units). `allowShort` left out means the strategy's own default
 * (`shortsByDefault`: ORB and time-window trade both directions); a saved run
 * records the value it ran with.
 */
export const backtestCostsSchema = z
  .object({
    cash: z.number().positive().max(1e12).default(10_000),
    commissionRate: z.number().min(0).max(0.1).default(0),
    commissionFixed: z.number().min(0).default(0),
    slippageBps: z.number().min(0).max(1000).default(0),
    spread: z.number().min(0).default(0),
    allowShort: z.boolean().optional(),
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
  /** How complete the bars it ran on were (null for runs saved before coverage was recorded). */
  coverage: coverageSchema.nullable(),
});
export type BacktestRun = z.infer<typeof backtestRunSchema>;

export const paramSpecSchema = z.object({
  name: z.string(),
  description: z.string(),
  type: z.enum(['int', 'number', 'boolean', 'choice', 'string']),
  default: paramValue,
  min: z.number().optional(),
  max: z.number().optional(),
  step: z.number().optional(),
  /** The allowed values of a `choice`. */
  choices: z.array(z.string()).optional(),
});

export const strategyInfoSchema = z.object({
  id: z.string(),
  name: z.string(),
  description: z.string(),
  params: z.array(paramSpecSchema),
  /** Whether a run that leaves `allowShort` out trades short positions. */
  shortsByDefault: z.boolean(),
});
export type StrategyInfo = z.infer<typeof strategyInfoSchema>;

export const backtestProgressSchema = z.object({
  id: z.string(),
  /** canceled: stopped on request (backtest.cancel) or because the client that started it went away. */
  status: z.enum(['running', 'done', 'failed', 'canceled']),
  /** Bars processed / bars in the run, 0..1. */
  fraction: z.number().min(0).max(1),
  error: z.object({ field: z.string(), message: z.string() }).nullable(),
});
export type BacktestProgress = z.infer<typeof backtestProgressSchema>;

const runId = z.object({ id: z.string().min(1).max(64) }).strict();

/** What to draw a strategy's levels, markers and signals for: the same series and parameters a backtest takes. */
export const strategyOverlayRequestSchema = z
  .object({
    strategy: z.string().min(1).max(64),
    params: z.record(z.string(), paramValue).default({}),
    source: sourceSchema,
    symbol: symbolSchema,
    interval: intervalSchema,
    from: epochMsSchema,
    to: epochMsSchema,
  })
  .strict()
  .superRefine((r, ctx) => {
    if (r.from >= r.to) ctx.addIssue({ code: 'custom', path: ['from'], message: 'from must be before to' });
  });
export type StrategyOverlayRequest = z.output<typeof strategyOverlayRequestSchema>;

/** A horizontal line a strategy draws over [from, to): an opening range side, a previous block's high or low, a trade's stop or target. */
export const chartLevelSchema = z.object({
  label: z.string(),
  price: z.number(),
  from: epochMsSchema,
  to: epochMsSchema,
  kind: z.enum(['range-high', 'range-low', 'range-mid', 'target', 'stop', 'block-high', 'block-low']),
});

/** An entry signal: at the close of the bar at `time` (price: that close); `observed` when the model reported it without a position. */
export const strategySignalSchema = z.object({
  time: epochMsSchema,
  side: z.enum(['long', 'short']),
  setup: z.string(),
  reason: z.string(),
  price: z.number(),
  observed: z.boolean(),
});

export const strategyOverlaySchema = z.object({
  /** The most recent levels (at most 2,000). */
  levels: z.array(chartLevelSchema),
  /** Marker times seen over the bars and the next few after the last one (known before they print). */
  markers: z.object({ past: z.array(epochMsSchema), next: z.array(epochMsSchema) }),
  signals: z.array(strategySignalSchema),
});
export type StrategyOverlay = z.infer<typeof strategyOverlaySchema>;

export const backtestMethods = {
  'strategies.list': method({
    description: 'The strategies the runner and the backtester know, with their parameters (types, defaults, ranges).',
    params: noParams,
    result: z.array(strategyInfoSchema),
  }),
  'strategies.overlay': method({
    description:
      "A strategy's levels (lines with their span), marker times (past and next) and entry signals over a stored series, computed by the same strategy code as the backtest. Bad parameters are refused naming the field.",
    params: strategyOverlayRequestSchema,
    result: strategyOverlaySchema,
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
  'backtest.cancel': method({
    description: 'Stops a run that is still going (its worker job is cancelled; backtest.progress says canceled).',
    params: runId,
    result: z.object({ canceled: z.boolean() }),
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
