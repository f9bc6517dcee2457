import { afterEach, describe, expect, it } from 'vitest';
import type { JournalTrade, Result } from '../../../shared/contract';
import type { TripNotes } from '../../../shared/journal/trip-notes';
import { coreFixture, type CoreFixture } from '../../helpers/core-fixture';
import { call, refused } from './journal-fixture';

const SCHWAB = `Date,Time,Symbol,Quantity,Price,Side,Commission
03/11/2024,09:35:00,AAPL,100,172.50,B,1
03/11/2024,10:05:00,AAPL,100,173.25,S,1
03/11/2024,09:40:00,SPY240315C00510000,2,3.10,B,1.30
03/11/2024,11:00:00,SPY240315C00510000,2,3.60,S,1.30
03/11/2024,09:45:00,SPY,50,511.00,S,0.5
03/11/2024,13:45:00,SPY,50,509.00,B,0.5
03/12/2024,09:31:00,AAPL,abc,172.00,B,1
13/03/2024,09:31:00,AAPL,10,172.00,B,1
`;
const FIDELITY = `Date,Time,Symbol,Quantity,Price
2024-03-11,09:50:00,AAPL,30,172.80
2024-03-11,09:55:00,AAPL,-30,172.20
`;
const at = (h: number, m: number): number => Date.UTC(2024, 2, 11, h + 4, m);

const fixtures: CoreFixture[] = [];
function open(): CoreFixture {
  const fx = coreFixture();
  fixtures.push(fx);
  return fx;
}
afterEach(() => {
  for (const fx of fixtures.splice(0)) fx.dispose();
});

const summary = (t: JournalTrade): unknown[] => [t.symbol, t.underlying, t.side, t.maxQty, t.avgEntry, t.avgExit, t.grossPnl, t.fees, t.netPnl, t.openedAt, t.closedAt, t.origin, t.source];

describe('journal import: Tradervue CSV into a chosen account, idempotently', () => {
  it('imports two accounts on one day, an option beside its underlying, rejects bad rows by line, and adds nothing the second time', async () => {
    const { core } = open();
    const first = await call<Result<'journal.import'>>(core, 'journal.import', { csv: SCHWAB, account: 'Schwab' });
    const schwab = core.trading.desk.list().find((a) => a.name === 'Schwab');
    expect(first).toEqual({
      format: 'tradervue',
      read: 6,
      added: 6,
      alreadyThere: 0,
      rejected: [
        { line: 8, reason: 'bad quantity "abc": not a number' },
        { line: 9, reason: 'bad date "13/03/2024": day-first dates are not read; write MM/DD/YYYY or YYYY-MM-DD' },
      ],
      accounts: [schwab?.id],
      createdAccounts: [schwab?.id],
    });
    const again = await call<Result<'journal.import'>>(core, 'journal.import', { csv: SCHWAB, account: 'Schwab' });
    expect([again.read, again.added, again.alreadyThere, again.createdAccounts]).toEqual([6, 0, 6, []]);
    await call(core, 'journal.import', { csv: FIDELITY, account: 'Fidelity' });
    const fidelity = core.trading.desk.list().find((a) => a.name === 'Fidelity');
    const { trades } = await call<Result<'journal.trades'>>(core, 'journal.trades', {});
    expect(trades.map((t) => [t.accountId === schwab?.id ? 'Schwab' : t.accountId === fidelity?.id ? 'Fidelity' : '?', ...summary(t)])).toEqual([
      ['Fidelity', 'AAPL', null, 'long', 30, 172.8, 172.2, -18, 0, -18, at(9, 50), at(9, 55), 'import', 'csv'],
      ['Schwab', 'SPY', null, 'short', 50, 511, 509, 100, 1, 99, at(9, 45), at(13, 45), 'import', 'csv'],
      ['Schwab', 'SPY240315C00510000', 'SPY', 'long', 2, 3.1, 3.6, 100, 2.6, 97.4, at(9, 40), at(11, 0), 'import', 'csv'],
      ['Schwab', 'AAPL', null, 'long', 100, 172.5, 173.25, 75, 2, 73, at(9, 35), at(10, 5), 'import', 'csv'],
    ]);
    // The paper account holds nothing of it.
    expect(await call(core, 'positions.list', { accountId: schwab?.id })).toEqual([]);
    const spy = await call<Result<'journal.trades'>>(core, 'journal.trades', { filter: { symbols: ['spy'] } });
    expect(spy.trades.map((t) => t.symbol)).toEqual(['SPY', 'SPY240315C00510000']);
  });

  it('refuses a file without the columns, naming them, and an unknown zone', async () => {
    const { core } = open();
    expect(await refused(core, 'journal.import', { csv: 'Date,Symbol,Qty\n03/11/2024,AAPL,1\n' })).toEqual({
      code: 'BAD_REQUEST',
      path: 'params.csv',
      message: 'not a Tradervue file: the header lacks the columns Time, Quantity, Price (expected Date,Time,Symbol,Quantity,Price,Side)',
    });
    expect((await refused(core, 'journal.import', { csv: SCHWAB, zone: 'Mars/Olympus' })).path).toBe('params.zone');
  });

  it('gives exact statistics (profit factor "Infinity" with no loser) and the month’s calendar in New York time', async () => {
    const { core } = open();
    await call(core, 'journal.import', { csv: SCHWAB, account: 'Schwab' });
    const wins = await call<Result<'journal.stats'>>(core, 'journal.stats', {});
    expect([wins.overall.trades, wins.overall.profitFactor, wins.overall.winRatePct]).toEqual([3, 'Infinity', 100]);
    await call(core, 'journal.import', { csv: FIDELITY, account: 'Fidelity' });
    const stats = await call<Result<'journal.stats'>>(core, 'journal.stats', {});
    const o = stats.overall;
    expect([o.trades, o.wins, o.losses, o.winRatePct, o.avgWin, o.avgLoss, o.expectancy, o.profitFactor, o.totalNet, o.totalFees, o.maxConsecutiveWins, o.maxConsecutiveLosses]).toEqual([
      4, 3, 1, 75, 89.8, -18, 62.85, 14.9666666667, 251.4, 5.6, 3, 1,
    ]);
    expect(stats.byHour.filter((h) => h.stats.trades > 0).map((h) => [h.key, h.stats.trades])).toEqual([[9, 4]]);
    expect(stats.byWeekday.filter((d) => d.stats.trades > 0).map((d) => [d.key, d.stats.trades])).toEqual([[1, 4]]);
    expect(stats.byGroup.account?.map((g) => [g.key, g.stats.totalNet])).toEqual([
      ['Fidelity', -18],
      ['Schwab', 269.4],
    ]);
    expect(stats.byHoldingTime.filter((h) => h.stats.trades > 0).map((h) => [h.key, h.stats.trades])).toEqual([
      ['5-15m', 1],
      ['15-60m', 1],
      ['1-4h', 1],
      ['>4h', 1],
    ]);
    const march = await call<Result<'journal.calendar'>>(core, 'journal.calendar', { year: 2024, month: 3 });
    expect([march.net, march.trades, march.wins, march.losses, march.weeks.length]).toEqual([251.4, 4, 3, 1, 6]);
    const day = march.weeks.flatMap((w) => w.cells).find((c) => c.pnl !== null);
    expect([day?.date, day?.pnl?.net, day?.pnl?.tripIds.length]).toEqual(['2024-03-11', 251.4, 4]);
  });

  it('exports the executions as CSV that re-imports into a fresh store byte-equal, and adds nothing to its own', async () => {
    const a = open().core;
    await call(a, 'journal.import', { csv: SCHWAB, account: 'Schwab' });
    await call(a, 'journal.import', { csv: FIDELITY, account: 'Fidelity' });
    const exported = await call<Result<'journal.export'>>(a, 'journal.export', { kind: 'executions' });
    expect(exported.count).toBe(8);
    const self = await call<Result<'journal.import'>>(a, 'journal.import', { csv: exported.text, format: 'tapedeck' });
    expect([self.added, self.alreadyThere, self.createdAccounts]).toEqual([0, 8, []]);
    const b = open().core;
    const into = await call<Result<'journal.import'>>(b, 'journal.import', { csv: exported.text, format: 'tapedeck' });
    expect([into.added, into.createdAccounts.length]).toEqual([8, 2]);
    const again = await call<Result<'journal.export'>>(b, 'journal.export', { kind: 'executions' });
    expect(again.text).toBe(exported.text);
    expect((await call<Result<'journal.trades'>>(b, 'journal.trades', {})).trades.map(summary)).toEqual((await call<Result<'journal.trades'>>(a, 'journal.trades', {})).trades.map(summary));
  });
});

describe('manual trades', () => {
  it('enters a trade by hand, edits its fills keeping its notes, and deletes it keeping the notes as an orphan', async () => {
    const { core } = open();
    const accountId = core.trading.desk.activeId() ?? '';
    const t0 = Date.UTC(2024, 2, 12, 14, 0);
    const made = await call<Result<'journal.saveTrade'>>(core, 'journal.saveTrade', {
      accountId,
      symbol: 'msft',
      fills: [
        { side: 'sell', qty: 10, price: 402, fee: 1, time: t0 + 300_000 },
        { side: 'buy', qty: 10, price: 400, time: t0 },
      ],
    });
    const [trade] = made.trades;
    expect(trade === undefined ? [] : [trade.symbol, trade.source, trade.origin, trade.netPnl, trade.openedAt, trade.closedAt]).toEqual(['MSFT', 'manual', 'manual', 19, t0, t0 + 300_000]);
    const tripId = trade?.id ?? '';
    expect(tripId).toMatch(/^rt:man-[0-9a-f]{8}$/);
    await call(core, 'journal.update', { tripId, patch: { notes: 'entered from my paper log' } });
    const edited = await call<Result<'journal.saveTrade'>>(core, 'journal.saveTrade', {
      tripId,
      accountId,
      symbol: 'MSFT',
      fills: [
        { side: 'buy', qty: 10, price: 400, time: t0 },
        { side: 'sell', qty: 10, price: 403, fee: 1, time: t0 + 600_000 },
      ],
    });
    expect(edited.trades.map((t) => [t.id, t.netPnl, t.closedAt, t.hasNotes])).toEqual([[tripId, 29, t0 + 600_000, true]]);
    expect(await call(core, 'journal.deleteTrade', { tripId })).toEqual({ deleted: 2 });
    expect((await call<Result<'journal.trades'>>(core, 'journal.trades', {})).total).toBe(0);
    const orphans = await call<TripNotes[]>(core, 'journal.orphans', {});
    expect(orphans.map((n) => [n.tripId, n.notes])).toEqual([[tripId, 'entered from my paper log']]);
    expect(await refused(core, 'journal.saveTrade', { accountId: 'nope', symbol: 'MSFT', fills: [{ side: 'buy', qty: 1, price: 1, time: t0 }] })).toEqual({ code: 'NOT_FOUND', path: 'params.accountId', message: 'unknown account nope' });
  });
});
