import { z } from 'zod';
import { markerScheduleFromCsv } from '../../../../shared/strategy/marker-schedule-csv';
import { isBuiltinSchedule, MAX_MARKER_SCHEDULES } from '../../../../shared/strategy/marker-schedule';
import { scheduleSummary } from '../../../../shared/strategy/marker-schedule-summary';
import { EXIT, UsageError } from '../cli-io';
import type { Command } from '../command';
import { readCsvFlag } from '../csv-flag';
import { parseFlags } from '../parse-flags';
import { openDataDirSchedules, refusal } from './markers-settings';

const flagsSchema = z
  .object({
    csv: z.string().min(1),
    name: z.string().min(1),
    replace: z.boolean().default(false),
    'data-dir': z.string().min(1).optional(),
  })
  .strict();

export const markersImportCommand: Command = {
  name: 'import',
  summary: 'save a CSV of timestamps as a dates schedule',
  help: `Usage: tapedeck markers import --csv FILE --name NAME [--replace] [--data-dir DIR]

Reads a CSV of timestamps into a "dates" marker schedule called NAME and saves
it with your schedules (the data directory's settings). One timestamp a line,
the first column when a line has several; a header line and blank lines are
skipped. A line reads as
  YYYY-MM-DD                      that date's session open
  YYYY-MM-DD HH:MM[:00]           New York time (also YYYY-MM-DDTHH:MM)
  ... followed by Z or ±HH:MM     that instant, turned into New York time
The lines must be sorted, without duplicates, and times inside the regular
session 09:30–16:00; a refusal names its line.

Options:
  --csv FILE      the timestamps
  --name NAME     the schedule's name (not a built-in one's, nor "auto")
  --replace       replace your schedule of that name (else an existing name is refused)
  --data-dir DIR  the store's directory (default $TAPEDECK_DATA_DIR, else ~/.tapedeck)`,

  run(args, io) {
    const parsed = parseFlags(
      args,
      { csv: { type: 'string' }, name: { type: 'string' }, replace: { type: 'boolean' }, 'data-dir': { type: 'string' } },
      flagsSchema,
    );
    if (parsed.help) {
      io.out(this.help);
      return Promise.resolve(EXIT.ok);
    }
    const f = parsed.values;
    if (isBuiltinSchedule(f.name)) throw new UsageError(`--name: "${f.name}" is the name of a built-in schedule`);
    const read = markerScheduleFromCsv(f.name, readCsvFlag(f.csv));
    if (!read.ok) {
      if (read.line === 0 && read.message.startsWith('name: ')) throw new UsageError(`--${read.message}`);
      throw new UsageError(`--csv: ${read.message}`);
    }
    const store = openDataDirSchedules(f['data-dir'], io);
    try {
      const current = store.list();
      const at = current.findIndex((s) => s.name === f.name);
      if (at >= 0 && !f.replace) throw new UsageError(`--name: you already have a schedule "${f.name}" (add --replace to replace it)`);
      if (at < 0 && current.length >= MAX_MARKER_SCHEDULES) {
        throw new UsageError(`--name: the settings hold at most ${String(MAX_MARKER_SCHEDULES)} schedules; delete one first (tapedeck markers delete --name NAME)`);
      }
      const next = at >= 0 ? current.map((s, i) => (i === at ? read.schedule : s)) : [...current, read.schedule];
      try {
        store.replace(next);
      } catch (err) {
        const refused = refusal(err);
        if (refused === null) throw err;
        throw new UsageError(`--${refused.field === 'name' ? 'name' : 'csv'}: ${refused.message}`);
      }
      io.out(`${at >= 0 ? 'replaced' : 'imported'} "${f.name}": ${scheduleSummary(read.schedule)}`);
      return Promise.resolve(EXIT.ok);
    } finally {
      store.close();
    }
  },
};
