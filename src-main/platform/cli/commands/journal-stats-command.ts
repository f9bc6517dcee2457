import { z } from 'zod';
import type { TradeStatsWire } from '../../../../shared/contract';
import { EXIT } from '../cli-io';
import type { Command } from '../command';
import { parseFlags } from '../parse-flags';
import { callJournal, fixed, openJournalCore, table } from './journal-cli';

const flagsSchema = z
  .object({
    by: z.enum(['setup', 'hour', 'weekday', 'tag', 'strategy', 'symbol', 'holding']).optional(),
    json: z.boolean().default(false),
    'data-dir': z.string().min(1).optional(),
  })
  .strict();

const WEEKDAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];

function overallLines(s: TradeStatsWire): string[] {
  const rows: [string, string][] = [
    ['trades', `${String(s.trades)} (${String(s.wins)} won, ${String(s.losses)} lost, ${String(s.breakeven)} even)`],
    ['win rate', s.winRatePct === null ? '-' : `${s.winRatePct.toFixed(1)}%`],
    ['average win', fixed(s.avgWin, 2)],
    ['average loss', fixed(s.avgLoss, 2)],
    ['expectancy', fixed(s.expectancy, 2)],
    ['profit factor', fixed(s.profitFactor, 2)],
    ['average R', s.avgR === null ? '-' : `${s.avgR.toFixed(2)} (${String(s.rTrades)} trades with a plan)`],
    ['net P&L', fixed(s.totalNet, 2)],
    ['fees', fixed(s.totalFees, 2)],
    ['largest win / loss', `${fixed(s.largestWin, 2)} / ${fixed(s.largestLoss, 2)}`],
    ['streaks (wins / losses)', `${String(s.maxConsecutiveWins)} / ${String(s.maxConsecutiveLosses)}`],
  ];
  return table(rows);
}

function groupLines(groups: readonly { key: string; stats: TradeStatsWire }[]): string[] {
  const head = ['key', 'trades', 'win%', 'net', 'expectancy', 'PF', 'avg R'];
  const rows = groups.map((g) => [g.key, String(g.stats.trades), fixed(g.stats.winRatePct, 1), fixed(g.stats.totalNet, 2), fixed(g.stats.expectancy, 2), fixed(g.stats.profitFactor, 2), fixed(g.stats.avgR, 2)]);
  return table([head, ...rows], [false, true, true, true, true, true, true]);
}

export const journalStatsCommand: Command = {
  name: 'stats',
  summary: 'statistics of the closed trips, overall or by setup, hour or weekday',
  help: `Usage: tapedeck journal stats [--by setup|hour|weekday|tag|strategy|symbol|holding] [--json] [--data-dir DIR]

Prints the journal's statistics over its closed round trips (open ones are
left out): win rate (breakeven trades count as trades), average win and loss,
expectancy (net per trade), profit factor (inf with no losing trade), average
R over the trips with a planned stop or risk, largest win and loss, streaks.
With --by, the same per setup (playbook, setup tag or the signal that opened
it), tag, strategy, symbol, hour or weekday of entry (New York time for US
instruments, UTC for crypto) or holding time.

Options:
  --by KEY        setup, hour, weekday, tag, strategy, symbol or holding
  --json          the contract's journal.stats as JSON (profit factor "Infinity" with no loser)
  --data-dir DIR  the store's directory (default $TAPEDECK_DATA_DIR, else ~/.tapedeck)`,

  async run(args, io) {
    const parsed = parseFlags(args, { by: { type: 'string' }, json: { type: 'boolean' }, 'data-dir': { type: 'string' } }, flagsSchema);
    if (parsed.help) {
      io.out(this.help);
      return EXIT.ok;
    }
    const f = parsed.values;
    const core = openJournalCore(f['data-dir'], io);
    try {
      const stats = await callJournal(core, 'journal.stats', {});
      if (f.json) {
        io.out(JSON.stringify(stats));
        return EXIT.ok;
      }
      let lines: string[];
      switch (f.by) {
        case undefined:
          lines = overallLines(stats.overall);
          break;
        case 'hour':
          lines = groupLines(stats.byHour.filter((g) => g.stats.trades > 0).map((g) => ({ key: `${String(g.key).padStart(2, '0')}:00`, stats: g.stats })));
          break;
        case 'weekday':
          lines = groupLines(stats.byWeekday.filter((g) => g.stats.trades > 0).map((g) => ({ key: WEEKDAYS[g.key] ?? String(g.key), stats: g.stats })));
          break;
        case 'holding':
          lines = groupLines(stats.byHoldingTime.filter((g) => g.stats.trades > 0));
          break;
        case 'setup':
        case 'tag':
        case 'strategy':
        case 'symbol':
          lines = groupLines(stats.byGroup[f.by] ?? []);
          break;
      }
      for (const line of lines) io.out(line);
      return EXIT.ok;
    } finally {
      core.close();
    }
  },
};
