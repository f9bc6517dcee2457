import { EXIT, UsageError } from '../cli-io';
import type { Command } from '../command';
import { markersDeleteCommand } from './markers-delete-command';
import { markersImportCommand } from './markers-import-command';
import { markersListCommand } from './markers-list-command';

const SUBCOMMANDS: readonly Command[] = [markersListCommand, markersImportCommand, markersDeleteCommand];

export const markersCommand: Command = {
  name: 'markers',
  summary: 'list, import (from a CSV of timestamps) or delete marker schedules for time-window runs',
  help: `Usage: tapedeck markers <list|import|delete> [options]

Marker schedules cut a chart into the blocks the time-window strategy reads
(--param schedule=NAME). Yours are stored in the data directory's settings,
the same ones the app's Backtests > Markers pane edits.

Subcommands:
${SUBCOMMANDS.map((c) => `  ${c.name.padEnd(7)} ${c.summary}`).join('\n')}

  tapedeck markers list [--json] [--data-dir DIR]
  tapedeck markers import --csv FILE --name NAME [--replace] [--data-dir DIR]
  tapedeck markers delete --name NAME [--data-dir DIR]

See tapedeck markers <subcommand> --help for each one's options.`,

  async run(args, io) {
    const [first, ...rest] = args;
    if (first === '-h' || first === '--help') {
      io.out(this.help);
      return EXIT.ok;
    }
    const names = SUBCOMMANDS.map((c) => c.name).join(', ');
    if (first === undefined) throw new UsageError(`markers: give a subcommand: ${names} (see tapedeck markers --help)`);
    const sub = SUBCOMMANDS.find((c) => c.name === first);
    if (sub === undefined) throw new UsageError(`markers: unknown subcommand "${first}" (known: ${names})`);
    return sub.run(rest, io);
  },
};
