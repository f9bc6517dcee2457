import { z } from 'zod';
import { computeIndicator, parseIndicatorSpec } from '../../../../shared/indicators';
import { marketKindSchema } from '../../../../shared/market/market-kind';
import { sessionKeys } from '../../../../shared/market/session-date';
import { readCsvBars } from '../../../research/backtest-data/csv-bar-columns';
import { DataSetError } from '../../../research/backtest-data/data-set-error';
import { inferMarketFromBars } from '../../../market-data/import/infer-market';
import { EXIT, UsageError } from '../cli-io';
import type { Command } from '../command';
import { parseFlags } from '../parse-flags';
import { checkpoint } from '../stop';

/** Table rows printed between two checks for a stop. */
const ROWS_PER_CHECK = 50_000;

const flagsSchema = z
  .object({
    csv: z.string().min(1),
    ind: z.array(z.string().min(1)).min(1, 'give at least one --ind'),
    tz: z.enum(['UTC', 'America/New_York']).default('UTC'),
    market: marketKindSchema.optional(),
    symbol: z.string().min(1).default('CSV'),
    json: z.boolean().default(false),
  })
  .strict();

/** JSON has no NaN: warm-up values are null. */
function jsonValues(values: Float64Array): (number | null)[] {
  return Array.from(values, (v) => (Number.isNaN(v) ? null : v));
}

export const indicatorsCommand: Command = {
  name: 'indicators',
  summary: 'compute indicators over a bar CSV (batch, the same values the charts and strategies use)',
  help: `Usage: tapedeck indicators --csv FILE --ind SPEC [--ind SPEC ...] [--tz UTC|America/New_York] [--market KIND] [--json]

Computes indicators over every bar of a CSV (the ",Open,High,Low,Close,Volume"
layout or Binance kline rows). Values follow TA-Lib's definitions and warm-up:
a bar inside an indicator's warm-up has no value (null in JSON).

Specs:
  sma:N  ema:N  wma:N  rsi:N  atr:N  cmf:N  adx:N  obv  vwap
  macd:FAST,SLOW,SIGNAL   bb:N,K   stoch:K,KSMOOTH,D
Multi-output indicators give one series each (macd:12,26,9.signal, bb:20,2.upper, ...).
VWAP restarts every session: a UTC day for crypto, the 09:30 New York session for
US equities, the 17:00 New York roll for FX.

Options:
  --csv FILE      the bars
  --ind SPEC      an indicator, repeatable, e.g. --ind sma:20 --ind rsi:14 --ind macd:12,26,9
  --tz ZONE       zone of naive stamps: UTC (default) or America/New_York
  --market KIND   crypto, us-equity or fx (default: inferred from --tz, --symbol and whether the bars skip weekends)
  --symbol S      the symbol (only used to infer the market)
  --json          one JSON object {time: [...], "sma:20": [...], ...}; time is the bar's open, UTC ms`,

  async run(args, io) {
    const parsed = parseFlags(
      args,
      {
        csv: { type: 'string' },
        ind: { type: 'string', multiple: true },
        tz: { type: 'string' },
        market: { type: 'string' },
        symbol: { type: 'string' },
        json: { type: 'boolean' },
      },
      flagsSchema,
    );
    if (parsed.help) {
      io.out(this.help);
      return EXIT.ok;
    }
    const f = parsed.values;
    const specs = f.ind.map((text) => {
      const spec = parseIndicatorSpec(text);
      if (!spec.ok) throw new UsageError(`--ind: ${spec.message}`);
      return spec.spec;
    });
    let bars;
    try {
      bars = readCsvBars(f.csv, f.tz);
    } catch (err) {
      if (err instanceof DataSetError) throw new UsageError(`--${err.field}: ${err.message}`);
      throw err;
    }
    await checkpoint(io.stop);
    const market = f.market ?? inferMarketFromBars(f.symbol, f.tz, bars.columns.time);
    const columns = bars.columns;
    const keys = sessionKeys(market, columns.time);
    const series = specs.flatMap((spec) => computeIndicator(spec, columns, keys));
    if (f.json) {
      const out: Record<string, (number | null)[]> = { time: Array.from(columns.time) };
      for (const s of series) out[s.name] = jsonValues(s.values);
      io.out(JSON.stringify(out));
    } else {
      io.out(['time', ...series.map((s) => s.name)].join('\t'));
      for (let i = 0; i < columns.length; i++) {
        if (i > 0 && i % ROWS_PER_CHECK === 0) await checkpoint(io.stop);
        const cells = series.map((s) => {
          const v = s.values[i] ?? Number.NaN;
          return Number.isNaN(v) ? '' : String(v);
        });
        io.out([new Date(columns.time[i] ?? 0).toISOString(), ...cells].join('\t'));
      }
    }
    return EXIT.ok;
  },
};
