import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Result } from '../../../shared/contract';
import { tempDir } from '../../helpers/temp-dir';
import { tradingFixture, type TradingFixture } from '../../helpers/trading-fixture';

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

async function call<T>(method: string, params: unknown): Promise<T> {
  const r = await fx.core.dispatcher.call(method, params);
  if (!r.ok) throw new Error(`${method}: ${r.error.code} ${r.error.path} ${r.error.message}`);
  return r.result as T;
}

/** Places an order while the feed quotes the symbol (the first order on a symbol waits for its first quote). */
async function placeQuoted<T>(params: Record<string, unknown>, bid: number, ask: number): Promise<T> {
  const placing = call<T>('orders.place', params);
  await fx.settle();
  fx.feed.quote(String(params.symbol), bid, ask);
  return placing;
}

describe('paper trading: the trader’s flow', () => {
  it('starts with one paper account of $1,000', async () => {
    const accounts = await call<Result<'accounts.list'>>('accounts.list', {});
    expect(accounts.map((a) => [a.name, a.broker, a.currency, a.startingCash, a.cash])).toEqual([['Paper', 'paper', 'USD', 1000, 1000]]);
  });

  it('a market buy with a take-profit +$0.10: fills at the ask (+1 tick slippage) after the latency, the take-profit is armed on the fill and sells at its price', async () => {
    const [account] = await call<Result<'accounts.list'>>('accounts.list', {});
    const accountId = account?.id ?? '';
    const entry = await placeQuoted<Result<'orders.place'>>({ accountId, source: 'binance', symbol: 'BTCUSD', side: 'buy', qty: 2, type: 'market', tif: 'gtc', takeProfit: { kind: 'amount', amount: 0.1 } }, 100, 100.02);
    expect([entry.status, entry.filledQty]).toEqual(['accepted', 0]);
    let working = await call<Result<'orders.list'>>('orders.list', { accountId });
    expect(working.map((o) => [o.role, o.status]).sort()).toEqual([['entry', 'accepted'], ['take_profit', 'held']]);

    fx.advance(101); // the 100 ms latency passes: the order meets the standing quote
    working = await call<Result<'orders.list'>>('orders.list', { accountId });
    expect(working.map((o) => [o.role, o.status, o.limitPrice])).toEqual([['take_profit', 'accepted', 100.13]]);
    const fills = await call<Result<'fills.list'>>('fills.list', { accountId });
    expect(fills.map((f) => [f.side, f.qty, f.price, f.fee])).toEqual([['buy', 2, 100.03, 0.2]]);
    let positions = await call<Result<'positions.list'>>('positions.list', { accountId });
    expect(positions.map((p) => [p.symbol, p.qty, p.avgPrice])).toEqual([['BTCUSD', 2, 100.03]]);

    fx.advance(1000);
    fx.feed.quote('BTCUSD', 100.14, 100.16); // the bid trades through the take-profit
    positions = await call<Result<'positions.list'>>('positions.list', { accountId });
    expect(positions.map((p) => [p.qty, p.realizedPnl, p.fees])).toEqual([[0, 0.2, 0.4]]);
    expect(await call<Result<'orders.list'>>('orders.list', { accountId })).toEqual([]);
    const accounts = await call<Result<'accounts.list'>>('accounts.list', {});
    expect(accounts[0]?.cash).toBe(999.8);
    const audit = await call<Result<'audit.list'>>('audit.list', { accountId });
    expect(audit.map((e) => e.message).reverse()).toEqual([
      'account Paper created with 1000 USD',
      'account Paper is the active account',
      'buy 2 BTCUSD market: placed',
      'sell 2 BTCUSD limit (take-profit): held',
      'buy 2 BTCUSD market: accepted',
      'bought 2 BTCUSD at 100.03 (fee 0.20)',
      'buy 2 BTCUSD market: filled, 2 filled at 100.03',
      'sell 2 BTCUSD limit 100.13 (take-profit): armed',
      'sell 2 BTCUSD limit 100.13 (take-profit): accepted',
      'sold 2 BTCUSD at 100.13 (fee 0.20)',
      'sell 2 BTCUSD limit 100.13 (take-profit): filled, 2 filled at 100.13',
    ]);
  });
});
