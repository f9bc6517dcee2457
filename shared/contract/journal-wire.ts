import { z } from 'zod';
import { HOLDING_BUCKETS } from '../journal/holding-time';
import { TRIP_OUTCOMES } from '../journal/outcome';
import { tripNotesSchema, tripTagSchema } from '../journal/trip-notes';
import { executionSchema } from '../trading/execution';
import { orderSchema } from '../trading/order';

/**
 * The journal's answers as they cross the contract. Numbers are finite: a
 * profit factor with no losing trade (Infinity in shared/journal) travels
 * as the string "Infinity", which JSON can carry and Number() reads back.
 */
const num = z.number();
/** Epoch ms (derived values: checked as whole numbers, not re-branded). */
const time = z.number().int();
const nullableNum = z.number().nullable();

export const roundTripSchema = z.object({
  id: z.string(),
  accountId: z.string(),
  source: z.string(),
  symbol: z.string(),
  underlying: z.string().nullable(),
  side: z.enum(['long', 'short']),
  open: z.boolean(),
  maxQty: num,
  entryQty: num,
  exitQty: num,
  openQty: num,
  openedAt: time,
  closedAt: time.nullable(),
  avgEntry: num,
  avgExit: nullableNum,
  grossPnl: num,
  fees: num,
  netPnl: num,
  multiplier: num,
  durationMs: nullableNum,
  executionIds: z.array(z.string()),
  firstOrderId: z.string().nullable(),
  risk: nullableNum,
  r: nullableNum,
});

/** A round trip with what the journal knows about it: the list's row. */
export const journalTradeSchema = roundTripSchema.extend({
  outcome: z.enum(TRIP_OUTCOMES),
  /** Where its first fill came from. */
  origin: z.enum(['paper', 'alpaca', 'import', 'manual']),
  currency: z.string(),
  /** The zone its times are read in: New York for US instruments, UTC for crypto. */
  zone: z.string(),
  /** The playbook's name, a setup tag, or the signal that opened it. */
  setup: z.string().nullable(),
  /** The setup or signal of the order that opened it (a strategy's entry). */
  strategy: z.string().nullable(),
  tags: z.array(tripTagSchema),
  rating: z.number().int().min(1).max(5).nullable(),
  hasNotes: z.boolean(),
  playbookId: z.string().nullable(),
  /** Screenshots of the trip, and how many of them are missing or changed on disk. */
  shots: z.number().int().nonnegative(),
  shotProblems: z.number().int().nonnegative(),
  /** The newest entry screenshot (the gallery's picture), or null. */
  cover: z.string().regex(/^[0-9a-f]{64}$/).nullable(),
});
export type JournalTrade = z.infer<typeof journalTradeSchema>;

export const SHOT_ROLES = ['entry', 'exit', 'manual'] as const;
export const SHOT_STATUSES = ['ok', 'missing', 'changed'] as const;

/** A screenshot the journal references: the file is named by its SHA-256; `status` says whether it is still there and intact. */
export const journalShotSchema = z.object({
  id: z.number().int().positive(),
  sha256: z.string().regex(/^[0-9a-f]{64}$/),
  path: z.string(),
  bytes: z.number().int().positive(),
  role: z.enum(SHOT_ROLES),
  executionId: z.string().nullable(),
  tripId: z.string().nullable(),
  time: time,
  /** The pane (0-3); null for the whole window (the desktop app's capture). */
  pane: z.number().int().min(0).max(3).nullable(),
  symbol: z.string(),
  interval: z.string().nullable(),
  reason: z.string(),
  status: z.enum(SHOT_STATUSES),
});
export type JournalShot = z.infer<typeof journalShotSchema>;

export const journalPlaybookSchema = z.object({
  id: z.string(),
  name: z.string(),
  description: z.string(),
  rules: z.array(z.object({ id: z.string(), text: z.string() })),
  archived: z.boolean(),
  createdAt: time,
  updatedAt: time,
});
export type JournalPlaybook = z.infer<typeof journalPlaybookSchema>;

export const tradeStatsSchema = z.object({
  trades: z.number().int(),
  wins: z.number().int(),
  losses: z.number().int(),
  breakeven: z.number().int(),
  winRatePct: nullableNum,
  avgWin: nullableNum,
  avgLoss: nullableNum,
  expectancy: nullableNum,
  /** "Infinity" when something was won and nothing lost. */
  profitFactor: z.union([num, z.literal('Infinity')]).nullable(),
  rTrades: z.number().int(),
  avgR: nullableNum,
  expectancyR: nullableNum,
  totalNet: num,
  totalGross: num,
  totalFees: num,
  grossProfit: num,
  grossLoss: num,
  largestWin: nullableNum,
  largestLoss: nullableNum,
  maxConsecutiveWins: z.number().int(),
  maxConsecutiveLosses: z.number().int(),
  avgDurationMs: nullableNum,
});
export type TradeStatsWire = z.infer<typeof tradeStatsSchema>;

const groupOf = <K extends z.ZodType>(key: K) => z.object({ key, stats: tradeStatsSchema });

export const dayPnlSchema = z.object({
  date: z.string(),
  days: z.number().int(),
  net: num,
  trades: z.number().int(),
  wins: z.number().int(),
  losses: z.number().int(),
  tripIds: z.array(z.string()),
});

export const STAT_GROUPS = ['setup', 'strategy', 'tag', 'mistake', 'emotion', 'playbook', 'symbol', 'account'] as const;

export const journalStatsSchema = z.object({
  overall: tradeStatsSchema,
  byGroup: z.record(z.enum(STAT_GROUPS), z.array(groupOf(z.string()))),
  /** 0-23 and 0 (Sunday)-6, in each instrument's zone (New York for US instruments, UTC for crypto). */
  byHour: z.array(groupOf(z.number().int())),
  byWeekday: z.array(groupOf(z.number().int())),
  byHoldingTime: z.array(groupOf(z.enum(HOLDING_BUCKETS))),
  equity: z.array(z.object({ time: time, tripId: z.string(), net: num, equity: num })),
  daily: z.array(dayPnlSchema),
  calendarZone: z.string(),
});
export type JournalStatsWire = z.infer<typeof journalStatsSchema>;

const totals = { net: num, trades: z.number().int(), wins: z.number().int(), losses: z.number().int() };
export const monthCalendarSchema = z.object({
  year: z.number().int(),
  month: z.number().int().min(1).max(12),
  zone: z.string(),
  ...totals,
  weeks: z.array(
    z.object({
      ...totals,
      cells: z.array(z.object({ date: z.string(), days: z.number().int(), inMonth: z.boolean(), pnl: dayPnlSchema.nullable() })),
    }),
  ),
});
export type MonthCalendarWire = z.infer<typeof monthCalendarSchema>;

export const excursionsSchema = z.object({
  mfePrice: num,
  maePrice: num,
  mfe: num,
  mae: num,
  mfeR: nullableNum,
  maeR: nullableNum,
  mfeAt: time,
  maeAt: time,
  bars: z.number().int(),
});

export const tradeDetailSchema = z.object({
  trade: journalTradeSchema,
  notes: tripNotesSchema,
  executions: z.array(executionSchema),
  /** The orders its fills came from (paper, Alpaca), with their exits. */
  orders: z.array(orderSchema),
  playbook: journalPlaybookSchema.nullable(),
  shots: z.array(journalShotSchema),
  excursions: excursionsSchema.nullable(),
  /** Why there are no excursions (no bars for the series), or null. */
  excursionNote: z.string().nullable(),
  /** The series its chart shows: the instrument, or an option's underlying (fills drawn at underlyingPrice). */
  chart: z.object({ source: z.string(), symbol: z.string(), underlying: z.boolean() }),
  /** The zone its times are read in (New York for US instruments, UTC for crypto). */
  zone: z.string(),
});
export type TradeDetail = z.infer<typeof tradeDetailSchema>;

export const importResultSchema = z.object({
  format: z.enum(['tradervue', 'tapedeck']),
  /** Rows read as fills. */
  read: z.number().int(),
  /** New fills stored. */
  added: z.number().int(),
  /** Fills already stored (the same ids): a re-import adds nothing. */
  alreadyThere: z.number().int(),
  rejected: z.array(z.object({ line: z.number().int().positive(), reason: z.string() })),
  /** The accounts the fills went into, and those created for them. */
  accounts: z.array(z.string()),
  createdAccounts: z.array(z.string()),
});
export type ImportResult = z.infer<typeof importResultSchema>;

export const EXPORT_KINDS = ['executions', 'trips', 'html'] as const;
export const exportResultSchema = z.object({
  kind: z.enum(EXPORT_KINDS),
  fileName: z.string(),
  mime: z.string(),
  text: z.string(),
  /** Executions or trips written. */
  count: z.number().int(),
});

export const journalUpdateSchema = z.object({
  /** Goes up with every change (0 in the first snapshot of a fresh store). */
  version: z.number().int().nonnegative(),
  reason: z.enum(['snapshot', 'fill', 'notes', 'import', 'manual', 'playbook', 'screenshot']),
  tripIds: z.array(z.string()),
});
export type JournalUpdate = z.infer<typeof journalUpdateSchema>;
