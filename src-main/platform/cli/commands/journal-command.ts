import { EXIT, UsageError } from '../cli-io';
import type { Command } from '../command';
import { journalExportCommand } from './journal-export-command';
import { journalImportCommand } from './journal-import-command';
import { journalStatsCommand } from './journal-stats-command';
import { journalTradesCommand } from './journal-trades-command';

const SUBCOMMANDS: readonly Command[] = [journalImportCommand, journalTradesCommand, journalStatsCommand, journalExportCommand];

export const journalCommand: Command = {
  name: 'journal',
  summary: 'the trading journal: import executions, list round trips, statistics, export',
  help: `Usage: tapedeck journal <import|trades|stats|export> [options]

The journal builds round trips from the stored executions (paper fills,
imports, trades entered by hand) and keeps your notes, tags, playbooks and
screenshots with them; the app's Journal tab shows the same.

Subcommands:
${SUBCOMMANDS.map((c) => `  ${c.name.padEnd(7)} ${c.summary}`).join('\n')}

  tapedeck journal import --csv FILE [--format tradervue|tapedeck] [--account NAME]
  tapedeck journal trades [--from ISO --to ISO] [--json]
  tapedeck journal stats [--by setup|hour|weekday] [--json]
  tapedeck journal export --csv FILE

See tapedeck journal <subcommand> --help for each one's options.`,

  async run(args, io) {
    const [first, ...rest] = args;
    if (first === '-h' || first === '--help') {
      io.out(this.help);
      return EXIT.ok;
    }
    const names = SUBCOMMANDS.map((c) => c.name).join(', ');
    if (first === undefined) throw new UsageError(`journal: give a subcommand: ${names} (see tapedeck journal --help)`);
    const sub = SUBCOMMANDS.find((c) => c.name === first);
    if (sub === undefined) throw new UsageError(`journal: unknown subcommand "${first}" (known: ${names})`);
    return sub.run(rest, io);
  },
};
