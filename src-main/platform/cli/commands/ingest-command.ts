import { z } from 'zod';
import { openStore } from '../../app/open-store';
import { BINANCE_DEFAULTS } from '../../../market-data/feeds/binance/config';
import {
  IngestedFiles,
  ingestVision,
  parseDay,
  parseMonth,
  periodsThrough,
  totalsOf,
  type VisionFileOutcome,
  type VisionPeriod,
} from '../../../market-data/feeds/binance/vision';
import { EXIT, UsageError } from '../cli-io';
import { ingestAlpaca, INGEST_ALPACA_HELP } from './ingest-alpaca';
import type { Command } from '../command';
import { dataDirOption } from '../data-dir-option';
import { parseFlags } from '../parse-flags';
import { Interrupted, stopSignalName } from '../stop';

const MAX_FILES = 1000;
const MAX_LISTED = 10;

const flagsSchema = z
  .object({
    symbol: z.string().trim().toUpperCase().regex(/^[A-Z0-9]{2,20}$/, 'a Binance spot symbol is 2-20 letters and digits, e.g. BTCUSDT'),
    interval: z.string().refine((i) => i === '1m', 'only 1m: Tapedeck stores 1m bars and derives longer intervals on read').default('1m'),
    month: z.string().optional(),
    day: z.string().optional(),
    to: z.string().optional(),
    'base-url': z.url({ protocol: /^https?$/, error: 'must be an http(s) URL' }).optional(),
    'data-dir': z.string().min(1).optional(),
  })
  .strict();

type Flags = z.output<typeof flagsSchema>;

function periodsOf(f: Flags): VisionPeriod[] {
  if ((f.month === undefined) === (f.day === undefined)) throw new UsageError('give exactly one of --month YYYY-MM or --day YYYY-MM-DD');
  const [flag, parse] = f.month !== undefined ? (['month', parseMonth] as const) : (['day', parseDay] as const);
  const first = parse(f.month ?? f.day ?? '');
  if (typeof first === 'string') throw new UsageError(`--${flag}: ${first}`);
  const last = f.to === undefined ? first : parse(f.to);
  if (typeof last === 'string') throw new UsageError(`--to: ${last}`);
  if (last.start < first.start) throw new UsageError(`--to: ${last.label} is before --${flag} ${first.label}`);
  const periods = periodsThrough(first, last);
  if (periods.length > MAX_FILES) throw new UsageError(`--to: ${String(periods.length)} files is more than ${String(MAX_FILES)} per run`);
  return periods;
}

function describe(o: VisionFileOutcome): string[] {
  switch (o.status) {
    case 'missing':
      return [`${o.file}: not published (404)`];
    case 'failed':
      return [`${o.file}: FAILED: ${o.reason}`];
    case 'already-ingested':
      return [`${o.file}: already ingested (${String(o.bars)} bars), skipped`];
    case 'ingested': {
      const r = o.report;
      const head = `${o.file}: rows ${String(r.rows)}, inserted ${String(r.inserted)}, updated ${String(r.updated)}, duplicates ${String(r.duplicates)}, gaps ${String(r.missingMinutes)} min in ${String(r.gaps.length)} runs, rejected ${String(r.rejected.length)}`;
      const gaps = r.gaps.slice(0, MAX_LISTED).map((g) => `  gap ${new Date(g.from).toISOString()} .. ${new Date(g.to).toISOString()} (${String((g.to - g.from) / 60_000)} min)`);
      const rejected = r.rejected.slice(0, MAX_LISTED).map((x) => `  line ${String(x.line)}: ${x.reason}`);
      const more = r.rejected.length > MAX_LISTED ? [`  … and ${String(r.rejected.length - MAX_LISTED)} more rejected rows`] : [];
      return [head, ...gaps, ...rejected, ...more];
    }
  }
}

export const ingestCommand: Command = {
  name: 'ingest',
  summary: 'download history into the store (Binance Vision 1m klines, Alpaca 1m stock bars)',
  help: `Usage: tapedeck ingest binance --symbol S (--month YYYY-MM | --day YYYY-MM-DD) [--to YYYY-MM | --to YYYY-MM-DD] [--interval 1m] [--base-url URL] [--data-dir DIR]

Downloads Binance Vision spot kline files (one ZIP per month or per day),
checks each against its published SHA-256 (.CHECKSUM) before opening it, and
stores the bars as binance:<SYMBOL> 1m (crypto), keeping bars already stored.
Reports per file and in total: rows, inserted, duplicates, gaps (minutes with
no bar) and rejected rows with their line numbers. A file not published yet
(404) is reported and the others continue; a file whose checksum does not
match is refused and nothing of it is stored. Files already ingested (same
checksum, bars still stored) are skipped, so re-running inserts nothing new.

Options:
  --symbol S        spot symbol, e.g. BTCUSDT
  --month YYYY-MM   the first monthly file
  --day YYYY-MM-DD  the first daily file (for the current month)
  --to PERIOD       the last file, inclusive (a month with --month, a day with --day)
  --interval 1m     only 1m: Tapedeck stores 1m bars and derives the others on read
  --base-url URL    Vision host (default ${BINANCE_DEFAULTS.visionBaseUrl})
  --data-dir DIR    the store's directory (default $TAPEDECK_DATA_DIR, else ~/.tapedeck)

Exit codes: 0 done (missing files are normal), 1 a file failed (checksum,
download, unreadable ZIP), 2 bad usage, or none of the files exist.

${INGEST_ALPACA_HELP}`,

  async run(args, io) {
    const [venue, ...rest] = args;
    if (venue === '-h' || venue === '--help') {
      io.out(this.help);
      return EXIT.ok;
    }
    if (venue === 'alpaca') return ingestAlpaca(rest, io);
    if (venue !== 'binance') throw new UsageError(venue === undefined || venue.startsWith('-') ? 'ingest needs a venue: tapedeck ingest binance|alpaca ... (see --help)' : `unknown venue "${venue}" (binance or alpaca)`);
    const options = { type: 'string' } as const;
    const parsed = parseFlags(rest, { symbol: options, interval: options, month: options, day: options, to: options, 'base-url': options, 'data-dir': options }, flagsSchema);
    if (parsed.help) {
      io.out(this.help);
      return EXIT.ok;
    }
    const f = parsed.values;
    const periods = periodsOf(f);
    const baseUrl = (f['base-url'] ?? BINANCE_DEFAULTS.visionBaseUrl).replace(/\/+$/, '');
    const store = openStore(dataDirOption(f['data-dir'], io));
    try {
      const kind = periods[0]?.kind ?? 'monthly';
      io.out(`binance:${f.symbol} 1m (crypto) from ${baseUrl}: ${String(periods.length)} ${kind} file(s) ${periods[0]?.label ?? ''}${periods.length > 1 ? ` .. ${periods[periods.length - 1]?.label ?? ''}` : ''}`);
      const ctx = { db: store.db, bars: store.bars, files: new IngestedFiles(store.db), now: () => Date.now() };
      const outcomes = await ingestVision(ctx, { baseUrl, symbol: f.symbol, periods, signal: io.stop, onFile: (o) => describe(o).forEach((l) => io.out(l)) });
      const t = totalsOf(outcomes);
      io.out(
        `total: ${String(t.ingested)} ingested, ${String(t.alreadyIngested)} already ingested, ${String(t.missing)} not published, ${String(t.failed)} failed; ` +
          `rows ${String(t.rows)}, inserted ${String(t.inserted)}, updated ${String(t.updated)}, duplicates ${String(t.duplicates)}, gaps ${String(t.missingMinutes)} min, rejected ${String(t.rejected)}`,
      );
      // Each file is stored whole in one transaction or not at all: what is done stays done.
      if (io.stop.aborted) throw new Interrupted(stopSignalName(io.stop), `${String(t.ingested + t.alreadyIngested)} of ${String(periods.length)} files stored`);
      const failed = outcomes.find((o) => o.status === 'failed');
      if (failed !== undefined) throw new Error(`${String(t.failed)} file(s) failed, first: ${failed.reason}`);
      if (t.missing === t.files) throw new UsageError(`none of the ${String(t.files)} file(s) is published: check --symbol and the period`);
      return EXIT.ok;
    } finally {
      store.close();
    }
  },
};
