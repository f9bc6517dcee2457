import { z } from 'zod';
import { isBuiltinSchedule } from '../../../../shared/strategy/marker-schedule';
import { EXIT, UsageError } from '../cli-io';
import type { Command } from '../command';
import { parseFlags } from '../parse-flags';
import { openStoredSchedules } from './markers-settings';

const flagsSchema = z
  .object({
    name: z.string().min(1),
    'data-dir': z.string().min(1).optional(),
  })
  .strict();

export const markersDeleteCommand: Command = {
  name: 'delete',
  summary: 'delete one of your schedules',
  help: `Usage: tapedeck markers delete --name NAME [--data-dir DIR]

Deletes your marker schedule called NAME from the data directory's settings.
Built-in schedules cannot be deleted. Saved backtest runs that used it keep
their results; a new time-window run naming it is refused.

Options:
  --name NAME     the schedule to delete
  --data-dir DIR  the store's directory (default $TAPEDECK_DATA_DIR, else ~/.tapedeck)`,

  run(args, io) {
    const parsed = parseFlags(args, { name: { type: 'string' }, 'data-dir': { type: 'string' } }, flagsSchema);
    if (parsed.help) {
      io.out(this.help);
      return Promise.resolve(EXIT.ok);
    }
    const f = parsed.values;
    if (isBuiltinSchedule(f.name)) throw new UsageError(`--name: "${f.name}" is a built-in schedule and cannot be deleted`);
    const store = openStoredSchedules(f['data-dir'], io);
    try {
      const current = store?.list() ?? [];
      if (store === null || !current.some((s) => s.name === f.name)) {
        const known = current.map((s) => s.name);
        throw new UsageError(`--name: you have no schedule "${f.name}" (${known.length === 0 ? 'you have none' : `yours: ${known.join(', ')}`})`);
      }
      store.replace(current.filter((s) => s.name !== f.name));
      io.out(`deleted "${f.name}"`);
      return Promise.resolve(EXIT.ok);
    } finally {
      store?.close();
    }
  },
};
