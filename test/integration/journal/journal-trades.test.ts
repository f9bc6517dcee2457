import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { JournalTrade, Result, TradeDetail } from '../../../shared/contract';
import type { TripNotes } from '../../../shared/journal/trip-notes';
import { tempDir } from '../../helpers/temp-dir';
import { TRADING_T0, tradingFixture, type TradingFixture } from '../../helpers/trading-fixture';
import { call, fakeWindow, refused } from './journal-fixture';

let dir: ReturnType<typeof tempDir>;
let fx: TradingFixture;

beforeEach(() => {
  dir = tempDir();
  fx = tradingFixture(dir.path);
});

afterEach(() => {
  fx.close();
  dir.remove();
});

/** Places an order while the feed quotes the symbol (the first order on a symbol waits for its first quote). */
async function placeQuoted(params: Record<string, unknown>, bid: number, ask: number): Promise<Result<'orders.place'>> {
  const placing = call<Result<'orders.place'>>(fx.core, 'orders.place', params);
  await fx.settle();
  fx.feed.quote(String(params.symbol), bid, ask);
  return placing;
}

/** Buys 2 BTCUSD with a take-profit +0.10 and a stop −0.50, and lets the take-profit fill. */
async function roundTrip(): Promise<string> {
  const [account] = await call<Result<'accounts.list'>>(fx.core, 'accounts.list', {});
  const accountId = account?.id ?? '';
  await placeQuoted({ accountId, source: 'binance', symbol: 'BTCUSD', side: 'buy', qty: 2, type: 'market', tif: 'gtc', takeProfit: { kind: 'amount', amount: 0.1 }, stopLoss: { kind: 'amount', amount: 0.5 }, setup: 'orb-up' }, 100, 100.02);
  fx.advance(101);
  fx.advance(60_000);
  fx.feed.quote('BTCUSD', 100.14, 100.16);
  await fx.settle();
  return accountId;
}

async function captured(): Promise<void> {
  for (let i = 0; i < 5; i++) await fx.settle();
  await fx.core.journal.capture.idle();
}

describe('the journal over paper fills', () => {
  it('builds the round trip from the stored executions, with R from the bracket’s stop and the order’s setup as its strategy', async () => {
    const accountId = await roundTrip();
    const { trades, total } = await call<Result<'journal.trades'>>(fx.core, 'journal.trades', {});
    expect(total).toBe(1);
    const t = trades[0] as JournalTrade;
    expect([t.accountId, t.source, t.symbol, t.side, t.open, t.maxQty, t.avgEntry, t.avgExit, t.grossPnl, t.fees, t.netPnl, t.risk, t.r, t.outcome, t.origin, t.strategy, t.setup, t.currency]).toEqual([
      accountId,
      'binance',
      'BTCUSD',
      'long',
      false,
      2,
      100.03,
      100.13,
      0.2,
      0.4,
      -0.2,
      1,
      -0.2,
      'loss',
      'paper',
      'orb-up',
      'orb-up',
      'USD',
    ]);
    expect(t.openedAt).toBe(TRADING_T0 + 100);
    expect(t.closedAt).toBe(TRADING_T0 + 60_101);
    expect(t.id).toBe(`rt:${t.executionIds[0] ?? ''}`);
    // Paper fills are the account's record: the journal neither deletes nor edits them.
    expect(await refused(fx.core, 'journal.deleteTrade', { tripId: t.id })).toEqual({
      code: 'REJECTED',
      path: 'params.tripId',
      message: `only manual and imported trades can be deleted: ${t.id} has paper fills, which are the account's record`,
    });
  });

  it('keeps the notes, tags, rating, plan and playbook checklist through a restart, with every earlier version', async () => {
    await roundTrip();
    const [t] = (await call<Result<'journal.trades'>>(fx.core, 'journal.trades', {})).trades;
    const tripId = t?.id ?? '';
    const playbook = await call<Result<'journal.savePlaybook'>>(fx.core, 'journal.savePlaybook', { name: 'ORB long', rules: [{ text: 'Range under 1 ATR' }, { text: 'Above VWAP' }] });
    const [r1, r2] = playbook.rules;
    await call(fx.core, 'journal.update', { tripId, patch: { notes: 'first try', rating: 2 } });
    const notes = await call<TripNotes>(fx.core, 'journal.update', {
      tripId,
      patch: {
        notes: '**Chased** the open.',
        tags: [{ kind: 'mistake', tag: 'chased' }, { kind: 'emotion', tag: 'fomo' }, { kind: 'mistake', tag: 'chased' }],
        rating: 3,
        plan: 'Buy the ORB break',
        review: 'Entered late',
        plannedStop: 99.03,
        playbookId: playbook.id,
        checklist: [{ ruleId: r1?.id ?? '', met: true }, { ruleId: r2?.id ?? '', met: false }],
      },
    });
    expect(notes.tags).toEqual([{ kind: 'emotion', tag: 'fomo' }, { kind: 'mistake', tag: 'chased' }]);
    fx.close();
    fx = tradingFixture(dir.path, TRADING_T0 + 3_600_000);
    const detail = await call<TradeDetail>(fx.core, 'journal.trade', { tripId });
    expect(detail.notes).toEqual({ ...notes });
    expect([detail.trade.setup, detail.trade.rating, detail.trade.hasNotes, detail.trade.risk, detail.trade.r]).toEqual(['ORB long', 3, true, 2, -0.1]);
    expect(detail.playbook?.name).toBe('ORB long');
    expect(fx.core.db.prepare('SELECT count(*) FROM journal_revisions WHERE trip_id = ?').pluck().get(tripId)).toBe(1);
    // Only the fields given change.
    const again = await call<TripNotes>(fx.core, 'journal.update', { tripId, patch: { rating: null } });
    expect({ ...again, updatedAt: 0 }).toEqual({ ...notes, rating: null, updatedAt: 0 });
  });

  it('photographs the entry and the exit (after the fills), each file named by its hash, and flags a file gone missing or changed', async () => {
    const window = await fakeWindow(fx.core, [{ pane: 0, interval: '1m' }, { pane: 1, interval: '5m' }]);
    await roundTrip();
    await captured();
    expect(window.requests.map((r) => [r.symbol, r.reason])).toEqual([
      ['BTCUSD', 'entry: buy 2 BTCUSD at 100.03'],
      ['BTCUSD', 'exit: sell 2 BTCUSD at 100.13'],
    ]);
    const [t] = (await call<Result<'journal.trades'>>(fx.core, 'journal.trades', {})).trades;
    expect([t?.shots, t?.shotProblems]).toEqual([4, 0]);
    const detail = await call<TradeDetail>(fx.core, 'journal.trade', { tripId: t?.id });
    expect(detail.shots.map((s) => [s.role, s.pane, s.interval, s.status])).toEqual([
      ['entry', 0, '1m', 'ok'],
      ['entry', 1, '5m', 'ok'],
      ['exit', 0, '1m', 'ok'],
      ['exit', 1, '5m', 'ok'],
    ]);
    const [a, b] = detail.shots;
    expect(a?.path).toBe(join('media', a?.sha256.slice(0, 2) ?? '', `${a?.sha256 ?? ''}.png`));
    rmSync(join(dir.path, a?.path ?? ''));
    writeFileSync(join(dir.path, b?.path ?? ''), Buffer.concat([readFileSync(join(dir.path, b?.path ?? '')), Buffer.from('tampered')]));
    const after = await call<TradeDetail>(fx.core, 'journal.trade', { tripId: t?.id });
    expect(after.shots.map((s) => s.status)).toEqual(['missing', 'changed', 'ok', 'ok']);
    const [row] = (await call<Result<'journal.trades'>>(fx.core, 'journal.trades', {})).trades;
    expect([row?.shots, row?.shotProblems]).toEqual([4, 1]);
    expect((await call<Result<'journal.media'>>(fx.core, 'journal.media', { sha256: b?.sha256 })).status).toBe('changed');
    expect(await call(fx.core, 'journal.media', { sha256: a?.sha256 })).toEqual({ sha256: a?.sha256, status: 'missing', png: null });
    window.close();
  });
});
