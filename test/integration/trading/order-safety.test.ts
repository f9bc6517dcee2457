import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Result } from '../../../shared/contract';
import { tempDir } from '../../helpers/temp-dir';
import { tradingFixture, type TradingFixture } from '../../helpers/trading-fixture';

let dir: ReturnType<typeof tempDir>;
let fx: TradingFixture;
let accountId: string;

async function call<T>(method: string, params: unknown): Promise<T> {
  const r = await fx.core.dispatcher.call(method, params);
  if (!r.ok) throw new Error(`${method}: ${r.error.code} ${r.error.path} ${r.error.message}`);
  return r.result as T;
}

async function fail(method: string, params: unknown): Promise<{ code: string; path: string; message: string }> {
  const r = await fx.core.dispatcher.call(method, params);
  if (r.ok) throw new Error(`${method} succeeded: ${JSON.stringify(r.result)}`);
  return r.error;
}

/** Follows a symbol's quotes (as the ticket does) and quotes it. */
async function quoted(symbol: string, bid: number, ask: number): Promise<void> {
  fx.core.dispatcher.subscribe('quotes.updates', { source: 'binance', symbol }, () => undefined);
  await fx.settle();
  fx.feed.quote(symbol, bid, ask);
}

const limitBuy = (over: Record<string, unknown> = {}): Record<string, unknown> => ({ accountId, source: 'binance', symbol: 'BTCUSD', side: 'buy', qty: 1, type: 'limit', limitPrice: 99, tif: 'gtc', ...over });

beforeEach(async () => {
  dir = tempDir();
  fx = tradingFixture(dir.path);
  accountId = (await call<Result<'accounts.list'>>('accounts.list', {}))[0]?.id ?? '';
  await quoted('BTCUSD', 100, 100.02);
});

afterEach(() => {
  fx.close();
  dir.remove();
});

describe('idempotency by client order id', () => {
  it('a retried place (same id, same contents) is the same order; nothing is placed twice', async () => {
    const a = await call<Result<'orders.place'>>('orders.place', limitBuy({ clientOrderId: 'retry-1' }));
    const b = await call<Result<'orders.place'>>('orders.place', limitBuy({ clientOrderId: 'retry-1' }));
    expect(b.id).toBe(a.id);
    expect((await call<Result<'orders.list'>>('orders.list', { accountId, status: 'all' })).map((o) => o.clientOrderId)).toEqual(['retry-1']);
  });

  it('a retry after the order finished is answered with the finished order', async () => {
    const a = await call<Result<'orders.place'>>('orders.place', limitBuy({ clientOrderId: 'retry-2', limitPrice: 100.05 }));
    fx.advance(150); // marketable on arrival: filled
    const b = await call<Result<'orders.place'>>('orders.place', limitBuy({ clientOrderId: 'retry-2', limitPrice: 100.05 }));
    expect([b.id, b.status, b.filledQty]).toEqual([a.id, 'filled', 1]);
    expect(await call<Result<'fills.list'>>('fills.list', { accountId })).toHaveLength(1);
  });

  it('the same id with other contents is refused naming the field that differs; nothing is placed', async () => {
    await call('orders.place', limitBuy({ clientOrderId: 'retry-3' }));
    const e = await fail('orders.place', limitBuy({ clientOrderId: 'retry-3', qty: 2 }));
    expect(e).toEqual({ code: 'CONFLICT', path: 'params.clientOrderId', message: 'clientOrderId retry-3 was already used for a different order (qty 1 there, 2 here)' });
    expect(await call<Result<'orders.list'>>('orders.list', { accountId, status: 'all' })).toHaveLength(1);
  });
});

describe('bad input is refused naming the field, nothing half-placed', () => {
  it.each([
    ['a price off the tick', { limitPrice: 99.005 }, 'BAD_REQUEST', 'params.limitPrice'],
    ['a quantity off the lot', { qty: 0.0005 }, 'BAD_REQUEST', 'params.qty'],
    ['a take-profit on the wrong side', { takeProfit: 98 }, 'BAD_REQUEST', 'params.takeProfit'],
    ['a negative quantity', { qty: -1 }, 'BAD_REQUEST', 'params.qty'],
    ['an unknown symbol', { symbol: 'NOPE' }, 'NOT_FOUND', 'params.symbol'],
    ['an unknown account', { accountId: 'nobody' }, 'NOT_FOUND', 'params.accountId'],
    ['a limit order without its price', { limitPrice: undefined }, 'BAD_REQUEST', 'params.limitPrice'],
  ])('%s', async (_name, over, code, path) => {
    const e = await fail('orders.place', limitBuy(over));
    expect([e.code, e.path]).toEqual([code, path]);
    expect(e.message.length).toBeGreaterThan(10);
    expect(await call<Result<'orders.list'>>('orders.list', { accountId, status: 'all' })).toEqual([]);
  });
});

describe('the risk manager: every refusal has its reason and is in the audit log', () => {
  it('max notional per order', async () => {
    const e = await fail('orders.place', limitBuy({ qty: 2000 }));
    expect(e.code).toBe('REJECTED');
    expect(e.message).toMatch(/notional/);
    const audit = await call<Result<'audit.list'>>('audit.list', { kinds: ['risk'] });
    expect(audit.map((a) => a.message)).toEqual([`buy 2000 BTCUSD refused: ${e.message}`]);
  });

  it('the data gate: a stale price refuses entries unless the order overrides it', async () => {
    fx.advance(31_000);
    const e = await fail('orders.place', limitBuy());
    expect([e.code, e.path]).toEqual(['REJECTED', 'params.overrideDataGate']);
    expect(e.message).toBe('data gate: the last price of BTCUSD is 31.0 s old (stale after 30 s): no new entries on BTCUSD (override on the ticket to place anyway)');
    const placed = await call<Result<'orders.place'>>('orders.place', limitBuy({ overrideDataGate: true }));
    expect(placed.status).toBe('accepted');
  });

  it('a DEGRADED feed refuses entries', async () => {
    fx.feed.status = 'DEGRADED';
    expect((await fail('orders.place', limitBuy())).message).toMatch(/^data gate: the binance feed is DEGRADED/);
  });

  it('max orders per minute, and risk.set changes limits all at once or not at all', async () => {
    const bad = await fail('risk.set', { accountId, patch: { maxOrdersPerMinute: 2, staleAfterMs: 5 } });
    expect([bad.code, bad.path]).toEqual(['BAD_REQUEST', 'params.patch.staleAfterMs']);
    expect((await call<Result<'risk.get'>>('risk.get', { accountId })).risk.maxOrdersPerMinute).toBe(60);
    await call('risk.set', { accountId, patch: { maxOrdersPerMinute: 2 } });
    await call('orders.place', limitBuy());
    await call('orders.place', limitBuy());
    const e = await fail('orders.place', limitBuy());
    expect([e.code, e.message]).toEqual(['REJECTED', expect.stringMatching(/orders per minute/)]);
  });
});
