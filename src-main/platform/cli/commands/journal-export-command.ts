import { renameSync, rmSync, writeFileSync } from 'node:fs';
import { z } from 'zod';
import { EXIT, UsageError } from '../cli-io';
import type { Command } from '../command';
import { parseFlags } from '../parse-flags';
import { callJournal, openJournalCore } from './journal-cli';

const flagsSchema = z
  .object({
    csv: z.string().min(1).optional(),
    trips: z.string().min(1).optional(),
    html: z.string().min(1).optional(),
    'data-dir': z.string().min(1).optional(),
  })
  .strict();

/** Writes `text` to `file` whole or not at all (a temporary name, then a rename). */
function writeWhole(file: string, text: string, flag: string): void {
  const tmp = `${file}.${String(process.pid)}.tmp`;
  try {
    writeFileSync(tmp, text, 'utf8');
    renameSync(tmp, file);
  } catch (err) {
    rmSync(tmp, { force: true });
    throw new UsageError(`${flag}: cannot write "${file}": ${err instanceof Error ? err.message : String(err)}`);
  }
}

export const journalExportCommand: Command = {
  name: 'export',
  summary: 'export the executions (re-importable CSV), the round trips (CSV) or an HTML report',
  help: `Usage: tapedeck journal export [--csv FILE] [--trips FILE] [--html FILE] [--data-dir DIR]

Writes the journal out (at least one of):
  --csv FILE     every execution as Tapedeck CSV: \`tapedeck journal import
                 --format tapedeck --csv FILE\` reads it back (into this store:
                 nothing new; into another: the same fills, and exporting
                 there gives the same bytes)
  --trips FILE   the round trips as CSV (a report for a spreadsheet, with
                 setup, tags and notes)
  --html FILE    a self-contained HTML report with the screenshots inlined
                 (print it to PDF from a browser)
  --data-dir DIR the store's directory (default $TAPEDECK_DATA_DIR, else ~/.tapedeck)`,

  async run(args, io) {
    const parsed = parseFlags(args, { csv: { type: 'string' }, trips: { type: 'string' }, html: { type: 'string' }, 'data-dir': { type: 'string' } }, flagsSchema);
    if (parsed.help) {
      io.out(this.help);
      return EXIT.ok;
    }
    const f = parsed.values;
    const all: { flag: string; file: string | undefined; kind: 'executions' | 'trips' | 'html' }[] = [
      { flag: '--csv', file: f.csv, kind: 'executions' },
      { flag: '--trips', file: f.trips, kind: 'trips' },
      { flag: '--html', file: f.html, kind: 'html' },
    ];
    const wanted = all.flatMap((w) => (w.file === undefined ? [] : [{ ...w, file: w.file }]));
    if (wanted.length === 0) throw new UsageError('give --csv FILE, --trips FILE or --html FILE (see --help)');
    const core = openJournalCore(f['data-dir'], io);
    try {
      for (const { flag, file, kind } of wanted) {
        const result = await callJournal(core, 'journal.export', { kind });
        writeWhole(file, result.text, flag);
        io.out(`wrote ${String(result.count)} ${kind === 'executions' ? 'executions' : 'trades'} to ${file}`);
      }
      return EXIT.ok;
    } finally {
      core.close();
    }
  },
};
