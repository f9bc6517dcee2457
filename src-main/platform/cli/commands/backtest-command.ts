import { z } from 'zod';
import { BACKTEST_STAT_NAMES, type BacktestStats } from '../../../../shared/contract';
import type { MarkerSchedule } from '../../../../shared/strategy/marker-schedule';
import type { StrategyDefinition, StrategyParams, StrategySetup } from '../../../../shared/strategy/strategy';
import { findStrategy, STRATEGIES } from '../../../../shared/strategy/strategy-registry';
import { runBacktest, serializeBacktest, unaffordableNote, type BacktestConfigInput } from '../../../research/backtest';
import { EXIT, UsageError } from '../cli-io';
import type { Command } from '../command';
import { parseFlags } from '../parse-flags';
import { checkpoint } from '../stop';
import { DATA_FLAG_OPTIONS, DATA_FLAGS_HELP, dataFlagsShape, loadDataFlags, type LoadedBars } from './backtest-data-flags';
import { userSchedulesFor } from './marker-schedules-flag';
import { parseParamFlags } from './param-flags';
import { setupTables } from './setup-table';

const money = z.coerce.number();

/** The cost and rule flags shared by `backtest` and `optimize`. */
export const COST_FLAG_OPTIONS = {
  strategy: { type: 'string' },
  cash: { type: 'string' },
  commission: { type: 'string' },
  'commission-fixed': { type: 'string' },
  'slippage-bps': { type: 'string' },
  spread: { type: 'string' },
  'allow-short': { type: 'boolean' },
  'no-short': { type: 'boolean' },
  fractional: { type: 'boolean' },
} as const;

export const costFlagsShape = {
  strategy: z.string().min(1),
  cash: money.optional(),
  commission: money.optional(),
  'commission-fixed': money.optional(),
  'slippage-bps': money.optional(),
  spread: money.optional(),
  'allow-short': z.boolean().default(false),
  'no-short': z.boolean().default(false),
  fractional: z.boolean().default(false),
};

export const COST_FLAGS_HELP = `Strategy and costs:
  --strategy NAME     ${STRATEGIES.map((s) => s.id).join(', ')}
  --param k=v         a strategy parameter, repeatable (e.g. --param fast=10 --param slow=30 --param stop=opposite)
  --cash N            starting cash (default 10000)
  --commission R      commission as a rate of each fill's notional (default 0; 0.001 = 0.1%)
  --commission-fixed N  a fee added to every fill (default 0)
  --slippage-bps N    every fill's price worse by N basis points (default 0)
  --spread N          a bid/ask spread in price units; every fill pays half of it (default 0)
  --allow-short       allow short positions
  --no-short          long only: a short signal is counted as a signal without position
                      (neither: the strategy's default; orb and time-window trade both ways)
  --fractional        fractional units (crypto) instead of whole units`;

type CostFlags = z.output<z.ZodObject<typeof costFlagsShape>>;

/**
 * The strategy, the parameters as typed (`input`, read by each parameter's
 * type) and resolved (checked before any data is read); a bad one is a
 * UsageError naming the flag.
 */
export function resolveStrategy(name: string, paramFlags: readonly string[]): { def: StrategyDefinition; input: StrategyParams; params: StrategyParams } {
  const def = findStrategy(name);
  if (def === undefined) throw new UsageError(`--strategy: unknown strategy "${name}" (known: ${STRATEGIES.map((s) => s.id).join(', ')})`);
  const input = parseParamFlags(paramFlags, def.params);
  const resolved = def.resolveParams(input);
  if (!resolved.ok) throw new UsageError(`--param ${resolved.field}: ${resolved.message}`);
  return { def, input, params: resolved.params };
}

/** --allow-short, --no-short, or else the strategy's own default. */
export function allowShortOf(f: CostFlags, def: StrategyDefinition): boolean {
  if (f['allow-short'] && f['no-short']) throw new UsageError('--no-short: give --allow-short or --no-short, not both');
  return f['allow-short'] ? true : f['no-short'] ? false : def.shortsByDefault;
}

/** What the strategy is set up for (with the user's marker schedules) and the engine config the flags describe. */
export function runSetup(f: CostFlags, data: LoadedBars, def: StrategyDefinition, schedules: readonly MarkerSchedule[]): { setup: StrategySetup; config: BacktestConfigInput } {
  return {
    setup: { market: data.market, intervalMs: data.intervalMs, schedules },
    config: {
      cash: f.cash,
      commissionRate: f.commission,
      commissionFixed: f['commission-fixed'],
      slippageBps: f['slippage-bps'],
      spread: f.spread,
      allowShort: allowShortOf(f, def),
      fractional: f.fractional,
      market: data.market,
      intervalMs: data.intervalMs,
    },
  };
}

/** Builds the strategy; a setup it refuses (ORB on daily bars) is a usage error. */
export function createStrategy(def: StrategyDefinition, params: StrategyParams, setup: StrategySetup): ReturnType<StrategyDefinition['create']> {
  try {
    return def.create(params, setup);
  } catch (err) {
    throw new UsageError(`--strategy ${def.id}: ${err instanceof Error ? err.message : String(err)}`);
  }
}

/** Engine config fields → the flags that set them, so an engine refusal names the flag the user typed. */
const CONFIG_FLAGS: Readonly<Record<string, string>> = {
  commissionRate: 'commission',
  commissionFixed: 'commission-fixed',
  slippageBps: 'slippage-bps',
  allowShort: 'allow-short',
};

const UNITS: Partial<Record<keyof BacktestStats, string>> = { start: 'time', end: 'time' };

/** The statistics as an aligned two-column table. */
export function statsTable(stats: BacktestStats): string[] {
  const width = Math.max(...BACKTEST_STAT_NAMES.map((k) => k.length));
  return BACKTEST_STAT_NAMES.map((k) => {
    const v = stats[k];
    const shown = v === null ? '—' : UNITS[k] === 'time' ? new Date(v).toISOString() : Number.isInteger(v) ? String(v) : v.toFixed(4);
    return `${k.padEnd(width)}  ${shown}`;
  });
}

export const backtestCommand: Command = {
  name: 'backtest',
  summary: 'run a strategy over bars (a CSV or a stored series) and print its statistics',
  help: `Usage: tapedeck backtest (--csv FILE | --source S --symbol S --interval I --from ISO --to ISO) --strategy NAME [--param k=v ...] [--cash 10000] [--commission 0.001] [--slippage-bps 0] [--allow-short | --no-short] [--json]

Runs one strategy over closed bars, deterministically: an order made at a bar's
close fills at the next bar's open; all-in sizing in whole units (commission
included); stop before target when both are inside one bar; an open position is
closed at the last close. The same data and flags give byte-identical --json.
After the statistics: the trades by setup (orb-up, orb-down, sweep-low, ...)
and the signals the model reported without a position, with what the
underlying did after them.

${DATA_FLAGS_HELP}

${COST_FLAGS_HELP}

Output:
  --json              one JSON object {stats, trades, setups, unfilledSignals, equity: {time, equity, drawdownPct}}
Exit codes: 0 ok, 2 bad flags or data (the message names the flag), 1 failure.`,

  async run(args, io) {
    const parsed = parseFlags(
      args,
      { ...DATA_FLAG_OPTIONS, ...COST_FLAG_OPTIONS, json: { type: 'boolean' } },
      z.object({ ...dataFlagsShape, ...costFlagsShape, json: z.boolean().default(false) }).strict(),
    );
    if (parsed.help) {
      io.out(this.help);
      return EXIT.ok;
    }
    const f = parsed.values;
    const { def, params } = resolveStrategy(f.strategy, f.param);
    allowShortOf(f, def);
    const data = await loadDataFlags(f, io);
    await checkpoint(io.stop);
    const { setup, config } = runSetup(f, data, def, userSchedulesFor(params, f['data-dir'], io));
    const outcome = runBacktest(createStrategy(def, params, setup), data.columns, config);
    if (!outcome.ok) {
      const e = outcome.error;
      if (e.kind === 'strategy') throw new Error(`strategy ${def.id} failed: ${e.message}`);
      const flag = e.kind === 'data' ? (f.csv !== undefined ? '--csv' : '--from') : `--${CONFIG_FLAGS[e.field] ?? e.field}`;
      throw new UsageError(`${flag}: ${e.message}`);
    }
    if (f.json) io.out(serializeBacktest(outcome.output));
    else {
      io.out(`${def.id} ${JSON.stringify(params)} on ${data.label} (${String(data.columns.length)} bars, ${data.market})`);
      for (const line of statsTable(outcome.output.stats)) io.out(line);
      for (const line of setupTables(outcome.output.setups, outcome.output.unfilledSignals)) io.out(line);
    }
    // On stderr, so --json output stays one JSON object.
    const note = unaffordableNote(outcome.output, f.fractional);
    if (note !== null) io.err(`note: ${note} (--fractional, --cash)`);
    return EXIT.ok;
  },
};
