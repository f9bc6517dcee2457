import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Result } from '../../../shared/contract';
import { orderRequestSchema } from '../../../shared/trading/order';
import { FeedTradedInstruments } from '../../../src-main/trading/instruments/traded-instruments';
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

const limitBuy = (over: Record<string, unknown> = {}): Record<string, unknown> => ({ accountId, source: 'binance', symbol: 'BTCUSD', side: 'buy', qty: 1, type: 'limit', limitPrice: 99, tif: 'gtc', ...over });

beforeEach(async () => {
  dir = tempDir();
  fx = tradingFixture(dir.path);
  accountId = (await call<Result<'accounts.list'>>('accounts.list', {}))[0]?.id ?? '';
  await call('risk.set', { accountId, patch: { maxOrdersPerMinute: 0 } });
  fx.core.dispatcher.subscribe('quotes.updates', { source: 'binance', symbol: 'BTCUSD' }, () => undefined);
  await fx.settle();
  fx.feed.quote('BTCUSD', 100, 100.02);
});

afterEach(() => {
  fx.close();
  dir.remove();
});

describe('places sent in the same turn are committed together', () => {
  it('each is stored with its transitions before its reply or its event; every reply is its own order', async () => {
    const seenInTransaction: boolean[] = [];
    const stored: number[] = [];
    fx.core.trading.events.on('order', () => {
      seenInTransaction.push(fx.core.db.inTransaction);
    });
    const ids = Array.from({ length: 12 }, (_, i) => `batch-${String(i)}`);
    const replies = await Promise.all(
      ids.map(async (clientOrderId, i) => {
        const o = await call<Result<'orders.place'>>('orders.place', limitBuy({ clientOrderId, limitPrice: 99 - i * 0.01 }));
        stored.push((fx.core.db.prepare('SELECT COUNT(*) AS n FROM orders WHERE id = ?').get(o.id) as { n: number }).n);
        return o;
      }),
    );
    expect(replies.map((o) => o.clientOrderId)).toEqual(ids);
    expect(replies.map((o) => o.status)).toEqual(ids.map(() => 'accepted'));
    expect(new Set(replies.map((o) => o.id)).size).toBe(12);
    expect(stored).toEqual(ids.map(() => 1));
    expect(seenInTransaction.length).toBeGreaterThanOrEqual(12);
    expect(seenInTransaction.filter((t) => t)).toEqual([]);
    const events = fx.core.db.prepare('SELECT COUNT(*) AS n FROM order_events WHERE order_id IN (SELECT id FROM orders WHERE client_order_id LIKE ?)').get('batch-%') as { n: number };
    expect(events.n).toBe(24); // new -> accepted: two transitions each
  });

  it('a retry in the same turn (same client order id, same contents) is the same order, placed once', async () => {
    const [a, b] = await Promise.all([
      call<Result<'orders.place'>>('orders.place', limitBuy({ clientOrderId: 'same-turn' })),
      call<Result<'orders.place'>>('orders.place', limitBuy({ clientOrderId: 'same-turn' })),
    ]);
    expect(b?.id).toBe(a?.id);
    const all = await call<Result<'orders.list'>>('orders.list', { accountId, status: 'all' });
    expect(all.map((o) => o.clientOrderId)).toEqual(['same-turn']);
  });

  it('a place refused in the same turn fails alone; the others are placed', async () => {
    const settled = await Promise.allSettled([
      call<Result<'orders.place'>>('orders.place', limitBuy({ clientOrderId: 'ok-1' })),
      call<Result<'orders.place'>>('orders.place', limitBuy({ clientOrderId: 'bad-1', limitPrice: 99.005 })),
      call<Result<'orders.place'>>('orders.place', limitBuy({ clientOrderId: 'ok-2', limitPrice: 98 })),
    ]);
    expect(settled.map((s) => s.status)).toEqual(['fulfilled', 'rejected', 'fulfilled']);
    const all = await call<Result<'orders.list'>>('orders.list', { accountId, status: 'all' });
    expect(all.map((o) => o.clientOrderId).sort()).toEqual(['ok-1', 'ok-2']);
  });

  it('places checked in the same turn cannot each pass a limit they break together, nor the orders-per-minute count', async () => {
    await call('risk.set', { accountId, patch: { maxPositionNotional: 250, maxOrdersPerMinute: 0 } });
    // Each alone: 1 × 99 = 99 USD. Together: 3 × 99 = 297 > 250 — the third is refused.
    const settled = await Promise.allSettled([1, 2, 3].map((i) => call<Result<'orders.place'>>('orders.place', limitBuy({ clientOrderId: `pos-${String(i)}` }))));
    expect(settled.map((s) => s.status)).toEqual(['fulfilled', 'fulfilled', 'rejected']);
    expect(String((settled[2] as PromiseRejectedResult).reason)).toContain('REJECTED');
    expect(String((settled[2] as PromiseRejectedResult).reason)).toContain('max position 250 USD per symbol');
    await call('risk.set', { accountId, patch: { maxPositionNotional: 0, maxOrdersPerMinute: 2 } });
    const burst = await Promise.allSettled([4, 5].map((i) => call<Result<'orders.place'>>('orders.place', limitBuy({ clientOrderId: `rate-${String(i)}` }))));
    // Two were sent this minute already (pos-1, pos-2): both refused.
    expect(burst.map((s) => s.status)).toEqual(['rejected', 'rejected']);
    const all = await call<Result<'orders.list'>>('orders.list', { accountId, status: 'all' });
    expect(all.map((o) => o.clientOrderId).sort()).toEqual(['pos-1', 'pos-2']);
  });

  it('a place sent in the turn of a reset is canceled or refused, never left working under the old epoch', async () => {
    await call<Result<'orders.place'>>('orders.place', limitBuy({ clientOrderId: 'resting' }));
    const [queued, reset] = await Promise.allSettled([
      call<Result<'orders.place'>>('orders.place', limitBuy({ clientOrderId: 'queued', limitPrice: 98 })),
      call<Result<'accounts.reset'>>('accounts.reset', { id: accountId }),
    ]);
    expect(reset.status).toBe('fulfilled');
    const left = fx.core.db.prepare("SELECT client_order_id AS id, status FROM orders WHERE account_id = ? AND status NOT IN ('filled', 'canceled', 'rejected', 'expired')").all(accountId);
    expect(left).toEqual([]);
    const queuedRows = fx.core.db.prepare("SELECT status FROM orders WHERE client_order_id = 'queued'").all() as { status: string }[];
    // Either it was committed before the reset's cancels (and canceled with the rest) or refused with nothing stored.
    expect(queued.status === 'fulfilled' ? queuedRows.map((r) => r.status) : queuedRows).toEqual(queued.status === 'fulfilled' ? ['canceled'] : []);
    expect(await call<Result<'orders.list'>>('orders.list', { accountId })).toEqual([]);
  });

  it('a place already queued at the broker when a reset starts is canceled with the rest, not left working under the old epoch', async () => {
    await call<Result<'orders.place'>>('orders.place', limitBuy({ clientOrderId: 'resting-2' }));
    const instrument = new FeedTradedInstruments(fx.core.market.feeds).resolve('binance', 'BTCUSD');
    if (instrument === null) throw new Error('BTCUSD is not listed');
    // Queued straight at the broker (the service's risk check is behind it), then the reset in the same turn.
    const request = orderRequestSchema.parse(limitBuy({ clientOrderId: 'queued-2', limitPrice: 98 }));
    const queued = fx.core.trading.desk.broker(accountId).place(request, instrument);
    await call<Result<'accounts.reset'>>('accounts.reset', { id: accountId });
    const reply = await queued.then((r) => (r.ok ? 'placed' : 'refused'), () => 'failed');
    const left = fx.core.db.prepare("SELECT client_order_id AS id FROM orders WHERE account_id = ? AND status NOT IN ('filled', 'canceled', 'rejected', 'expired')").all(accountId);
    expect({ reply, left }).toEqual({ reply: 'placed', left: [] });
  });
});
