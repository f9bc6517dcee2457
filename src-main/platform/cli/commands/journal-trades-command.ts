import { z } from 'zod';
import type { JournalTrade } from '../../../../shared/contract';
import { currencyDecimals, roundMoney } from '../../../../shared/trading/fees';
import { EXIT } from '../cli-io';
import type { Command } from '../command';
import { isoEndFlag, isoTimeFlag } from '../iso-time';
import { parseFlags } from '../parse-flags';
import { callJournal, fixed, isoSecond, openJournalCore, table } from './journal-cli';

const flagsSchema = z
  .object({
    from: isoTimeFlag.optional(),
    to: isoEndFlag.optional(),
    account: z.string().min(1).optional(),
    symbol: z.string().min(1).optional(),
    json: z.boolean().default(false),
    'data-dir': z.string().min(1).optional(),
  })
  .strict();

const HEAD = ['opened', 'closed', 'account', 'symbol', 'side', 'qty', 'entry', 'exit', 'net', 'R', 'setup', 'tags'];
const NUMERIC = [false, false, false, false, false, true, true, true, true, true, false, false];

function row(t: JournalTrade, accountName: (id: string) => string): string[] {
  const net = roundMoney(t.netPnl, t.currency).toFixed(currencyDecimals(t.currency));
  return [
    isoSecond(t.openedAt),
    t.open ? 'open' : isoSecond(t.closedAt),
    accountName(t.accountId),
    t.symbol,
    t.side,
    String(t.maxQty),
    String(t.avgEntry),
    t.avgExit === null ? '-' : String(t.avgExit),
    net,
    fixed(t.r, 2),
    t.setup ?? '-',
    t.tags.map((g) => g.tag).join(';') || '-',
  ];
}

export const journalTradesCommand: Command = {
  name: 'trades',
  summary: 'list the round trips (from the stored executions), oldest first',
  help: `Usage: tapedeck journal trades [--from ISO] [--to ISO] [--account NAME] [--symbol S] [--json] [--data-dir DIR]

Prints the round trips the journal builds from the stored executions (paper
fills, imports, manual trades): per account and instrument, flat to flat,
with scale-ins and partial exits, a fill through zero closing one trip and
opening the next. Times are UTC; net P&L is after fees, in the account's
currency; R needs a planned stop or risk. Oldest first.

Options:
  --from ISO      trips opened at or after (e.g. 2024-03-11 or 2024-03-11T13:30Z)
  --to ISO        trips opened before (a bare date includes that day)
  --account NAME  one account (id or name)
  --symbol S      one symbol (an underlying also finds its options)
  --json          one JSON object: {trades, total} as the contract's journal.trades
  --data-dir DIR  the store's directory (default $TAPEDECK_DATA_DIR, else ~/.tapedeck)`,

  async run(args, io) {
    const parsed = parseFlags(
      args,
      { from: { type: 'string' }, to: { type: 'string' }, account: { type: 'string' }, symbol: { type: 'string' }, json: { type: 'boolean' }, 'data-dir': { type: 'string' } },
      flagsSchema,
    );
    if (parsed.help) {
      io.out(this.help);
      return EXIT.ok;
    }
    const f = parsed.values;
    const core = openJournalCore(f['data-dir'], io);
    try {
      const accounts = core.trading.desk.list();
      const account = f.account === undefined ? undefined : (accounts.find((a) => a.id === f.account || a.name === f.account)?.id ?? f.account);
      const filter = {
        ...(f.from === undefined ? {} : { from: f.from }),
        ...(f.to === undefined ? {} : { to: f.to }),
        ...(account === undefined ? {} : { accounts: [account] }),
        ...(f.symbol === undefined ? {} : { symbols: [f.symbol] }),
      };
      const result = await callJournal(core, 'journal.trades', { filter, limit: 20_000 }, { accounts: '--account', symbols: '--symbol' });
      const trades = [...result.trades].reverse();
      if (f.json) {
        io.out(JSON.stringify({ trades, total: result.total }));
        return EXIT.ok;
      }
      const name = (id: string): string => accounts.find((a) => a.id === id)?.name ?? id;
      for (const line of table([HEAD, ...trades.map((t) => row(t, name))], NUMERIC)) io.out(line);
      io.err(`${String(trades.length)} trades (${String(trades.filter((t) => t.open).length)} open)`);
      return EXIT.ok;
    } finally {
      core.close();
    }
  },
};
