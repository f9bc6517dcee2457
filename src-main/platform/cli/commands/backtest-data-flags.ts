import { z } from 'zod';
import { ContractFailure } from '../../../../shared/contract';
import type { BarColumns } from '../../../../shared/domain/bar-columns';
import { INTERVAL_MS, intervalSchema } from '../../../../shared/domain/interval';
import { marketKindSchema, type MarketKind } from '../../../../shared/market/market-kind';
import type { StrategyParams } from '../../../../shared/strategy/strategy';
import { createCore } from '../../app/core';
import { readCsvBars } from '../../../research/backtest-data/csv-bar-columns';
import { DataSetError } from '../../../research/backtest-data/data-set-error';
import { inferIntervalMs } from '../../../research/backtest-data/infer-interval';
import { loadSeriesBars } from '../../../research/backtest-data/series-bars';
import { alpacaFromEnv } from '../../config/alpaca-config';
import { binanceConfigFromEnv } from '../../config/binance-config';
import { inferMarketFromBars } from '../../../market-data/import/infer-market';
import { UsageError, type CliIo } from '../cli-io';
import { coverageLines, requireComplete } from '../coverage-note';
import { dataDirOption } from '../data-dir-option';
import { printHistoryProgress } from '../history-progress';
import { isoEndFlag, isoTimeFlag } from '../iso-time';
import { untilStopped } from '../stop';

/** The flags that say which bars to run on, shared by `tapedeck backtest` and `tapedeck optimize`. */
export const DATA_FLAG_OPTIONS = {
  csv: { type: 'string' },
  tz: { type: 'string' },
  market: { type: 'string' },
  source: { type: 'string' },
  symbol: { type: 'string' },
  interval: { type: 'string' },
  from: { type: 'string' },
  to: { type: 'string' },
  'data-dir': { type: 'string' },
  strict: { type: 'boolean' },
  param: { type: 'string', multiple: true },
} as const;

export const dataFlagsShape = {
  csv: z.string().min(1).optional(),
  tz: z.enum(['UTC', 'America/New_York']).default('UTC'),
  market: marketKindSchema.optional(),
  source: z.string().min(1).optional(),
  symbol: z.string().min(1).optional(),
  interval: intervalSchema.optional(),
  from: isoTimeFlag.optional(),
  to: isoEndFlag.optional(),
  'data-dir': z.string().min(1).optional(),
  strict: z.boolean().default(false),
  param: z.array(z.string()).default([]),
};

export const DATA_FLAGS_HELP = `Data (either a CSV, or a stored series):
  --csv FILE          bars in the ",Open,High,Low,Close,Volume" layout or Binance kline rows
  --tz ZONE           zone of the CSV's naive stamps: UTC (default) or America/New_York
  --market KIND       crypto, us-equity or fx (default: inferred from --tz, --symbol and whether the bars skip weekends)
  --source S --symbol S --interval I --from ISO --to ISO
                      a series of any source (any interval, derived from the 1m truth), e.g. --source sim --symbol SPY;
                      a bare --to date includes that day
  --data-dir DIR      the store's directory
  --strict            refuse to run when the series has missing bars (coverage is printed on stderr either way)`;

type DataFlags = z.output<z.ZodObject<typeof dataFlagsShape>>;

export interface LoadedBars {
  readonly columns: BarColumns;
  readonly market: MarketKind;
  readonly intervalMs: number;
  /** What was run on, for the report: "GOOG.csv" or "sim:SPY 5m". */
  readonly label: string;
}

/** `--param fast=10 --param short=true` → {fast: 10, short: true}; a value that is neither a number nor a boolean is refused. */
export function parseParamFlags(params: readonly string[]): StrategyParams {
  const out: Record<string, number | boolean> = {};
  for (const p of params) {
    const eq = p.indexOf('=');
    if (eq <= 0) throw new UsageError(`--param: "${p}" is not name=value`);
    const name = p.slice(0, eq).trim();
    const raw = p.slice(eq + 1).trim();
    if (raw === 'true' || raw === 'false') out[name] = raw === 'true';
    else if (raw !== '' && Number.isFinite(Number(raw))) out[name] = Number(raw);
    else throw new UsageError(`--param ${name}: "${raw}" is not a number or true/false`);
  }
  return out;
}

/** Reads the bars the flags name; every problem is a UsageError naming its flag (exit 2). */
export async function loadDataFlags(f: DataFlags, io: CliIo): Promise<LoadedBars> {
  if ((f.csv === undefined) === (f.source === undefined)) throw new UsageError('give either --csv FILE or --source S --symbol S --interval I --from ISO --to ISO');
  try {
    if (f.csv !== undefined) {
      const { columns } = readCsvBars(f.csv, f.tz);
      const market = f.market ?? inferMarketFromBars(f.symbol ?? '', f.tz, columns.time);
      const intervalMs = inferIntervalMs(columns.time) ?? INTERVAL_MS['1d'];
      return { columns, market, intervalMs, label: f.csv.split('/').at(-1) ?? f.csv };
    }
    for (const flag of ['symbol', 'interval', 'from', 'to'] as const) if (f[flag] === undefined) throw new UsageError(`--${flag} is required with --source`);
    const interval = f.interval ?? '1m';
    const core = createCore({
      dataDir: dataDirOption(f['data-dir'], io),
      mode: 'cli',
      binance: binanceConfigFromEnv(io.env),
      alpaca: alpacaFromEnv(io.env, f.source === 'alpaca' && f.symbol !== undefined ? [f.symbol] : []),
      connectFeeds: [f.source ?? ''],
    });
    const stopProgress = printHistoryProgress(core, io);
    try {
      const q = { source: f.source ?? '', symbol: f.symbol ?? '', interval, from: f.from ?? 0, to: f.to ?? 0 } as Parameters<typeof loadSeriesBars>[1];
      const { market, columns, coverage } = await untilStopped(io.stop, loadSeriesBars(core.market.service, q));
      for (const line of coverageLines(coverage, interval)) io.err(line);
      if (f.strict) requireComplete(coverage);
      return { columns, market: f.market ?? market, intervalMs: INTERVAL_MS[interval], label: `${q.source}:${q.symbol} ${interval}` };
    } finally {
      stopProgress();
      core.close();
    }
  } catch (err) {
    if (err instanceof DataSetError) throw new UsageError(`--${err.field}: ${err.message}`);
    // An unknown source or symbol fails as the contract does, naming the field.
    if (err instanceof ContractFailure && err.error.code !== 'INTERNAL') throw new UsageError(`${err.error.path.replace(/^params\./, '--')}: ${err.error.message}`);
    throw err;
  }
}
