import { existsSync } from 'node:fs';
import { z } from 'zod';
import { baseIntervalSchema } from '../../../shared/domain/interval';
import { FEED_IDS } from '../../../shared/domain/feed';
import { sourceSchema } from '../../../shared/domain/source';
import { symbolSchema } from '../../../shared/domain/symbol';
import { marketKindSchema } from '../../../shared/market/market-kind';
import { openStore } from '../../app/open-store';
import { resolveDataDir } from '../../config/data-dir';
import { ImportConflict, importCsv } from '../../import/import-csv';
import { inferMarket } from '../../import/infer-market';
import { EXIT, UsageError } from '../cli-io';
import type { Command } from '../command';
import { parseFlags } from '../parse-flags';

const flagsSchema = z
  .object({
    csv: z.string().min(1),
    symbol: symbolSchema,
    interval: baseIntervalSchema,
    source: sourceSchema
      .refine((s) => !(FEED_IDS as readonly string[]).includes(s), 'is a live feed\'s name: imported bars need a source of their own (default csv)')
      .default('csv'),
    tz: z.enum(['UTC', 'America/New_York']).default('UTC'),
    market: marketKindSchema.optional(),
    'data-dir': z.string().min(1).optional(),
  })
  .strict();

const MAX_LISTED = 20;

export const importCommand: Command = {
  name: 'import',
  summary: 'import bars from a CSV file into the store',
  help: `Usage: tapedeck import --csv FILE --symbol S --interval 1m|1h|1d [--source csv] [--tz UTC|America/New_York] [--market crypto|us-equity|fx] [--data-dir DIR]

Reads ../shared/data-style CSVs (header ",Open,High,Low,Close,Volume", first
column a naive date or date-time in --tz) and Binance kline CSV rows (12
columns, no header, open time in ms or µs). Every row is checked on its own:
bad rows are reported with their line numbers and the rest are imported.
Importing the same file again changes nothing.

Options:
  --csv FILE        the file to read
  --symbol S        the series' symbol (e.g. EURUSD, GOOG, BTCUSDT)
  --interval I      the file's bar interval: 1m, 1h or 1d (stored as is;
                    longer intervals are derived on read)
  --source NAME     source name to store under (default csv)
  --tz ZONE         zone of naive stamps: UTC (default) or America/New_York
                    (a date alone then means that day's 09:30 session open)
  --market KIND     crypto, us-equity or fx (default: inferred: New York
                    stamps → us-equity, a currency pair → fx, else crypto)
  --data-dir DIR    the store's directory (default $TAPEDECK_DATA_DIR, else ~/.tapedeck)`,

  async run(args, io) {
    const parsed = parseFlags(
      args,
      {
        csv: { type: 'string' },
        symbol: { type: 'string' },
        interval: { type: 'string' },
        source: { type: 'string' },
        tz: { type: 'string' },
        market: { type: 'string' },
        'data-dir': { type: 'string' },
      },
      flagsSchema,
    );
    if (parsed.help) {
      io.out(this.help);
      return EXIT.ok;
    }
    const f = parsed.values;
    if (!existsSync(f.csv)) throw new UsageError(`--csv: no such file "${f.csv}"`);
    const market = f.market ?? inferMarket(f.symbol, f.tz);
    const store = openStore(resolveDataDir({ flag: f['data-dir'], env: io.env.TAPEDECK_DATA_DIR }));
    try {
      const r = await importCsv(store.bars, { file: f.csv, source: f.source, symbol: f.symbol, interval: f.interval, market, tz: f.tz }).catch(
        (err: unknown) => {
          throw err instanceof ImportConflict ? new UsageError(err.message) : err;
        },
      );
      io.out(`${f.source}:${f.symbol} ${f.interval} (${market}, ${r.format ?? 'unknown format'}) from ${f.csv}`);
      io.out(`rows read ${String(r.rowsRead)}, inserted ${String(r.inserted)}, updated ${String(r.updated)}, duplicates skipped ${String(r.duplicates)}, rejected ${String(r.rejected.length)}`);
      for (const rej of r.rejected.slice(0, MAX_LISTED)) io.out(`  line ${String(rej.line)}: ${rej.reason}`);
      if (r.rejected.length > MAX_LISTED) io.out(`  … and ${String(r.rejected.length - MAX_LISTED)} more`);
      // Bad rows never stop an import; a file of nothing but bad rows is bad input.
      const nothingUsable = r.rowsRead === r.rejected.length && r.rejected.length > 0;
      return r.format === null || nothingUsable ? EXIT.usage : EXIT.ok;
    } finally {
      store.close();
    }
  },
};
