import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Result } from '../../../shared/contract';
import { tempDir } from '../../helpers/temp-dir';
import { tradingFixture, type TradingFixture } from '../../helpers/trading-fixture';

let dir: ReturnType<typeof tempDir>;
let fx: TradingFixture;

async function call<T>(method: string, params: unknown): Promise<T> {
  const r = await fx.core.dispatcher.call(method, params);
  if (!r.ok) throw new Error(`${method}: ${r.error.code} ${r.error.path} ${r.error.message}`);
  return r.result as T;
}

async function accountOf(): Promise<string> {
  return (await call<Result<'accounts.list'>>('accounts.list', {}))[0]?.id ?? '';
}

async function quoted(symbol: string, bid: number, ask: number): Promise<void> {
  fx.core.dispatcher.subscribe('quotes.updates', { source: 'binance', symbol }, () => undefined);
  await fx.settle();
  fx.feed.quote(symbol, bid, ask);
}

const SYMBOLS = Array.from({ length: 19 }, (_, i) => `S${String(i + 1).padStart(2, '0')}USD`).concat('ETHUSD');

beforeEach(() => {
  dir = tempDir();
  fx = tradingFixture(dir.path);
});

afterEach(() => {
  fx.close();
  dir.remove();
});

describe('the kill switch', () => {
  it('under load: 500 working orders over 20 symbols and open positions → all canceled, every position flat, nothing armed; entries refused until released; it stays engaged over a restart', async () => {
    const accountId = await accountOf();
    await call('risk.set', { accountId, patch: { maxOrdersPerMinute: 0 } });
    for (const s of SYMBOLS) await quoted(s, 10, 10.01);
    // A position in each of the first five symbols, with a bracket armed on it.
    for (const s of SYMBOLS.slice(0, 5)) await call('orders.place', { accountId, source: 'binance', symbol: s, side: 'buy', qty: 1, type: 'market', tif: 'gtc', takeProfit: 11, stopLoss: 9 });
    fx.advance(150);
    let positions = await call<Result<'positions.list'>>('positions.list', { accountId });
    expect(positions.filter((p) => p.qty !== 0)).toHaveLength(5);
    // 490 resting limits (with held exits) across the 20 symbols.
    for (let i = 0; i < 490; i++) {
      await call('orders.place', { accountId, source: 'binance', symbol: SYMBOLS[i % 20], side: 'buy', qty: 1, type: 'limit', limitPrice: 9.5 - (i % 7) * 0.01, tif: 'gtc', takeProfit: { kind: 'ticks', ticks: 10 } });
    }
    const working = await call<Result<'orders.list'>>('orders.list', { accountId, limit: 5000 });
    expect(working.filter((o) => o.status === 'accepted')).toHaveLength(500); // 490 entries + 5 take-profits + 5 stops
    expect(working.filter((o) => o.status === 'held')).toHaveLength(490);

    const k = await call<Result<'risk.killSwitch'>>('risk.killSwitch', { engage: true });
    expect([k.engaged, k.canceled, k.flattened]).toEqual([true, 990, 5]);
    fx.advance(150); // the flattening market orders meet the book
    expect(await call<Result<'orders.list'>>('orders.list', { accountId, limit: 5000 })).toEqual([]);
    positions = await call<Result<'positions.list'>>('positions.list', { accountId });
    expect(positions.filter((p) => p.qty !== 0)).toEqual([]);

    const refused = await fx.core.dispatcher.call('orders.place', { accountId, source: 'binance', symbol: 'S01USD', side: 'buy', qty: 1, type: 'limit', limitPrice: 9, tif: 'gtc' });
    expect(refused.ok ? null : refused.error.message).toBe('kill switch engaged: new entries are refused until it is re-armed');

    fx.close();
    fx = tradingFixture(dir.path, fx.now());
    expect((await call<Result<'risk.get'>>('risk.get', { accountId })).killSwitch.engaged).toBe(true);
    await call('risk.killSwitch', { engage: false });
    await quoted('S01USD', 10, 10.01);
    expect((await call<Result<'orders.place'>>('orders.place', { accountId, source: 'binance', symbol: 'S01USD', side: 'buy', qty: 1, type: 'limit', limitPrice: 9, tif: 'gtc' })).status).toBe('accepted');
  });
});

describe('a restart in the middle of a bracket', () => {
  it('resumes it without sending anything again: the exits stay live, and the take-profit fills after the restart and cancels the stop', async () => {
    const accountId = await accountOf();
    await quoted('BTCUSD', 100, 100.02);
    const entry = await call<Result<'orders.place'>>('orders.place', { accountId, source: 'binance', symbol: 'BTCUSD', side: 'buy', qty: 1, type: 'market', tif: 'gtc', takeProfit: 101, stopLoss: 99 });
    fx.advance(150);
    const before = await call<Result<'orders.list'>>('orders.list', { accountId, status: 'all' });
    expect(before.map((o) => [o.id, o.role, o.status])).toEqual([
      [`${entry.id}.tp`, 'take_profit', 'accepted'],
      [`${entry.id}.sl`, 'stop_loss', 'accepted'],
      [entry.id, 'entry', 'filled'],
    ]);
    const auditBefore = (await call<Result<'audit.list'>>('audit.list', { accountId, limit: 1000 })).length;

    fx.close();
    fx = tradingFixture(dir.path, fx.now() + 5_000);
    expect(await call<Result<'orders.list'>>('orders.list', { accountId, status: 'all' })).toEqual(before);
    expect((await call<Result<'audit.list'>>('audit.list', { accountId, limit: 1000 })).length).toBe(auditBefore);
    expect((await call<Result<'positions.list'>>('positions.list', { accountId })).map((p) => [p.qty, p.avgPrice])).toEqual([[1, 100.03]]);

    fx.advance(1000);
    fx.feed.quote('BTCUSD', 101.01, 101.03);
    const after = await call<Result<'orders.list'>>('orders.list', { accountId, status: 'all' });
    expect(after.map((o) => [o.role, o.status, o.avgFillPrice])).toEqual([
      ['take_profit', 'filled', 101],
      ['stop_loss', 'canceled', null],
      ['entry', 'filled', 100.03],
    ]);
    expect((await call<Result<'fills.list'>>('fills.list', { accountId })).map((f) => [f.side, f.price])).toEqual([
      ['sell', 101],
      ['buy', 100.03],
    ]);
  });
});
