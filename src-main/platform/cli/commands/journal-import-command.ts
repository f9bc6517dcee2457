import { z } from 'zod';
import { ContractFailure } from '../../../../shared/contract';
import { sourceSchema } from '../../../../shared/domain/source';
import { EXIT } from '../cli-io';
import type { Command } from '../command';
import { readCsvFlag } from '../csv-flag';
import { parseFlags } from '../parse-flags';
import { openJournalCore, refusal } from './journal-cli';

const flagsSchema = z
  .object({
    csv: z.string().min(1),
    format: z.enum(['tradervue', 'tapedeck']).default('tradervue'),
    account: z.string().trim().min(1).max(64).optional(),
    source: sourceSchema.default('csv'),
    zone: z.string().min(1).default('America/New_York'),
    json: z.boolean().default(false),
    'data-dir': z.string().min(1).optional(),
  })
  .strict();

export const journalImportCommand: Command = {
  name: 'import',
  summary: 'import executions from a CSV (Tradervue generic or Tapedeck) into the journal',
  help: `Usage: tapedeck journal import --csv FILE [--format tradervue|tapedeck] [--account NAME] [--source S] [--zone Z] [--json] [--data-dir DIR]

Reads fills from a CSV into the journal, where they become round trips.
Importing the same file again adds nothing. A row with a bad date, quantity,
price or side is refused with its line number and the reason (on stderr) and
the rest are imported; a file without the format's columns is refused whole,
naming them. Imported fills never change a paper account's positions or cash.

Formats:
  tradervue   Date,Time,Symbol,Quantity,Price,Side (+ optional Commission,
              TransFee, ECNFee): dates MM/DD/YYYY or YYYY-MM-DD, 24-hour times
              in --zone, Side B… or S… (or a negative quantity sells); OCC
              option symbols (SPY240315C00500000) are options (x100)
  tapedeck    the executions CSV of \`tapedeck journal export --csv\`: ids and
              accounts kept (an account this store lacks is created)

Options:
  --csv FILE       the file
  --format F       tradervue (default) or tapedeck
  --account NAME   the account (id or name; a new name makes a new account);
                   default: the active account (tradervue), the file's (tapedeck)
  --source S       the source Tradervue fills are filed under, whose bars their
                   charts show (default csv; e.g. alpaca, binance, sim)
  --zone Z         the zone of Tradervue's Date and Time (default America/New_York)
  --json           print the result as JSON
  --data-dir DIR   the store's directory (default $TAPEDECK_DATA_DIR, else ~/.tapedeck)`,

  run(args, io) {
    const parsed = parseFlags(
      args,
      { csv: { type: 'string' }, format: { type: 'string' }, account: { type: 'string' }, source: { type: 'string' }, zone: { type: 'string' }, json: { type: 'boolean' }, 'data-dir': { type: 'string' } },
      flagsSchema,
    );
    if (parsed.help) {
      io.out(this.help);
      return Promise.resolve(EXIT.ok);
    }
    const f = parsed.values;
    const csv = readCsvFlag(f.csv);
    const core = openJournalCore(f['data-dir'], io);
    try {
      let result;
      try {
        // Directly, not through a contract frame: a broker's export may be larger than one frame.
        result = core.journal.importCsv({ csv, format: f.format, account: f.account, source: f.source, zone: f.zone });
      } catch (err) {
        if (err instanceof ContractFailure) throw refusal(err.error);
        throw err;
      }
      if (f.json) io.out(JSON.stringify(result));
      else {
        const names = new Map(core.trading.desk.list().map((a) => [a.id, a.name]));
        const into = result.accounts.map((id) => `${names.get(id) ?? id} (${id})`).join(', ') || '-';
        const created = result.createdAccounts.length === 0 ? '' : `; created ${result.createdAccounts.map((id) => names.get(id) ?? id).join(', ')}`;
        io.out(`imported ${String(result.added)} new fills into ${into}: ${String(result.read)} read, ${String(result.alreadyThere)} already there, ${String(result.rejected.length)} rejected${created}`);
      }
      for (const r of result.rejected) io.err(`line ${String(r.line)}: ${r.reason}`);
      return Promise.resolve(EXIT.ok);
    } finally {
      core.close();
    }
  },
};
