import { z } from 'zod';
import { baseIntervalSchema } from '../../../../shared/domain/interval';
import { FEED_IDS } from '../../../../shared/domain/feed';
import { sourceSchema } from '../../../../shared/domain/source';
import { symbolSchema } from '../../../../shared/domain/symbol';
import { marketKindSchema } from '../../../../shared/market/market-kind';
import { openStore } from '../../app/open-store';
import { IMPORT_BATCH, ImportConflict, importCsv, ImportInterrupted, type ImportProgress } from '../../../market-data/import/import-csv';
import { inferMarket } from '../../../market-data/import/infer-market';
import { inputFileProblem } from '../../../market-data/import/input-file';
import { EXIT, UsageError, type CliIo } from '../cli-io';
import type { Command } from '../command';
import { dataDirOption } from '../data-dir-option';
import { parseFlags } from '../parse-flags';
import { Interrupted, stopSignalName } from '../stop';

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

const count = (n: number): string => n.toLocaleString('en-US');

/** Progress of a long import on stderr: every 100,000 rows read, then each tenth of the bars stored (none for a small file). */
function progressPrinter(io: CliIo, file: string): (p: ImportProgress) => void {
  let shown = -1;
  return (p) => {
    if (p.phase === 'read') {
      io.err(`reading ${file}: ${count(p.done)} rows`);
      return;
    }
    const total = p.total ?? 0;
    const tenth = Math.floor((p.done / Math.max(1, total)) * 10);
    if (total <= IMPORT_BATCH || tenth === shown) return;
    shown = tenth;
    io.err(`storing: ${count(p.done)} of ${count(total)} bars`);
  };
}

export const importCommand: Command = {
  name: 'import',
  summary: 'import bars from a CSV file into the store',
  help: `Usage: tapedeck import --csv FILE --symbol S --interval 1m|1h|1d [--source csv] [--tz UTC|America/New_York] [--market crypto|us-equity|fx] [--data-dir DIR]

Reads ../shared/data-style CSVs (header ",Open,High,Low,Close,Volume", first
column a naive date or date-time in --tz) and Binance kline CSV rows (12
columns, no header, open time in ms or µs). Every row is checked on its own
(a real date from 1970 up to 2100, prices above 0 up to 1e12, volume 0 to
1e15, a line of at most 4,096 characters): bad rows are listed on stderr with
their line numbers and the rest are imported. Importing the same file again
changes nothing. Stopped (Ctrl-C, SIGTERM) after the current transaction, an
import leaves its span marked incomplete until an import completes it.

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
    const problem = inputFileProblem(f.csv);
    if (problem !== null) throw new UsageError(`--csv: ${problem}`);
    const market = f.market ?? inferMarket(f.symbol, f.tz);
    const store = openStore(dataDirOption(f['data-dir'], io));
    try {
      const options = { file: f.csv, source: f.source, symbol: f.symbol, interval: f.interval, market, tz: f.tz, signal: io.stop, onProgress: progressPrinter(io, f.csv) };
      const r = await importCsv(store, options).catch((err: unknown) => {
        if (err instanceof ImportConflict) throw new UsageError(`--market: ${err.message}`);
        if (err instanceof ImportInterrupted) {
          const kept = err.stored === 0 ? 'nothing stored' : `${count(err.stored)} rows stored, the series is marked incomplete until an import completes it`;
          throw new Interrupted(stopSignalName(io.stop), kept);
        }
        throw err;
      });
      const refused = r.format === null ? r.rejected[0] : undefined;
      if (refused !== undefined) throw new UsageError(`--csv: line ${String(refused.line)}: ${refused.reason}`);
      // An empty file and a header alone are the same refusal.
      if (r.rowsRead === 0) throw new UsageError(`--csv: ${f.csv} has no data rows`);
      io.out(`${f.source}:${f.symbol} ${f.interval} (${market}, ${r.format ?? 'unknown format'}) from ${f.csv}`);
      io.out(`rows read ${String(r.rowsRead)}, inserted ${String(r.inserted)}, updated ${String(r.updated)}, duplicates skipped ${String(r.duplicates)}, rejected ${String(r.rejected.length)}`);
      // Rejections are diagnostics: on stderr, so stdout keeps only the report.
      for (const rej of r.rejected.slice(0, MAX_LISTED)) io.err(`rejected line ${String(rej.line)}: ${rej.reason}`);
      if (r.rejected.length > MAX_LISTED) io.err(`… and ${String(r.rejected.length - MAX_LISTED)} more rejected lines`);
      // Bad rows never stop an import; a file of nothing but bad rows is bad input.
      if (r.rowsRead === r.rejected.length) {
        io.err(`tapedeck: --csv: none of the ${count(r.rowsRead)} data rows of ${f.csv} could be imported`);
        return EXIT.usage;
      }
      return EXIT.ok;
    } finally {
      store.close();
    }
  },
};
