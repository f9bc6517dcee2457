import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { orderRequestSchema, type OrderRequestInput } from '../../../shared/trading/order';
import { tempDir } from '../../helpers/temp-dir';
import { brokerRig, eventually, FAST, option, role, stock, type BrokerRig } from './broker-fixture';
import type { LostAnswer } from './fake/trading-rest';
import { startFakeAlpacaTrading, type FakeAlpacaTrading } from './fake/fake-trading';

const OPT = 'SOFI260116C00015000';
let dir: ReturnType<typeof tempDir>;
let fake: FakeAlpacaTrading;
let rig: BrokerRig;

const req = (r: Omit<OrderRequestInput, 'accountId' | 'source'>) => orderRequestSchema.parse({ accountId: rig.account.id, source: 'alpaca', ...r });
const live = async (): Promise<void> => eventually(() => rig.broker.status().state === 'LIVE', 'the broker LIVE');
/** LIVE and the start's reconciliation done: no request of the broker's own is under way (a fault then hits the test's). */
const settled = async (): Promise<void> => {
  await live();
  await eventually(() => /reconciled with Alpaca \(start\)/.test(auditText()), 'the reconciliation at start');
};
const fakeOrders = (clientOrderId: string) => [...fake.book.orders.values()].filter((o) => o.clientOrderId === clientOrderId);
const auditText = (): string => rig.audit.list({ accountId: rig.account.id, limit: 10_000 }).map((e) => e.message).join('\n');
const posts = (): number => fake.http.requests.filter((r) => r.method === 'POST').length;

beforeEach(async () => {
  dir = tempDir();
  fake = await startFakeAlpacaTrading({ symbols: ['AAPL', 'SOFI'] });
  fake.book.setPrice('AAPL', 100);
  fake.book.setPrice('SOFI', 15);
});

afterEach(async () => {
  rig.close();
  await fake.close();
  dir.remove();
});

describe('no double orders under retries', () => {
  it.each<[LostAnswer | 'refused503', string]>([
    ['drop', 'the connection drops after Alpaca placed it'],
    ['timeout', 'the answer comes after the client gave up'],
    ['http500', 'Alpaca answers 500 after placing it'],
    ['refused503', 'Alpaca answers 503 without placing it'],
  ])('%s (%s): one order at Alpaca, Tapedeck holds it confirmed', async (fault) => {
    rig = brokerRig(dir.path, fake);
    await settled();
    if (fault === 'refused503') fake.faults.fail(1, 503);
    else fake.rest.lostAnswers.push(fault);
    fake.rest.timeoutMs = 1_000; // the client's time-out is 400 ms (FAST)
    const r = await rig.broker.place(req({ symbol: 'AAPL', side: 'buy', qty: 3, type: 'limit', limitPrice: 95, tif: 'day' }), stock('AAPL'));
    expect(r.ok ? 'placed' : r.errors[0]?.message).toBe('placed');
    const ours = r.ok ? r.value[0] : undefined;
    expect(fakeOrders(ours?.clientOrderId ?? '-')).toHaveLength(1);
    expect(fake.rest.placed).toBe(1);
    expect(posts()).toBe(fault === 'refused503' ? 2 : 1);
    expect(rig.orders.get(ours?.id ?? '')?.brokerOrderId).toBe(fakeOrders(ours?.clientOrderId ?? '-')[0]?.id);
    if (fault !== 'refused503') expect(auditText()).toMatch(/was found at Alpaca after an answer was lost: placed once/);
    await new Promise((resolve) => setTimeout(resolve, 1_100)); // the late answer of the time-out arrives: still one order
    expect(fakeOrders(ours?.clientOrderId ?? '-')).toHaveLength(1);
    expect(rig.broker.liveOrders().map((o) => o.status)).toEqual(['accepted']);
  });

  it('429 is waited out and sent again (Alpaca did not process it); 5xx on a read is retried with backoff', async () => {
    rig = brokerRig(dir.path, fake);
    await settled();
    fake.faults.rateLimit(2, { retryAfterSec: 0 });
    const r = await rig.broker.place(req({ symbol: 'SOFI', side: 'buy', qty: 2, type: 'market', tif: 'day' }), stock('SOFI'));
    expect(r.ok).toBe(true);
    expect(fake.http.requests.filter((x) => x.method === 'POST').map((x) => x.status)).toEqual([429, 429, 200]);
    expect(fake.rest.placed).toBe(1);
    fake.faults.fail(2, 502);
    await rig.broker.reconcileNow('test');
    expect(fake.http.requests.filter((x) => x.status === 502)).toHaveLength(2);
    expect(auditText()).toMatch(/reconciled with Alpaca \(test\)/);
    expect(rig.broker.positions().find((p) => p.symbol === 'SOFI')?.qty).toBe(2);
  });
});

describe('reconciliation', () => {
  it('trade_updates drops; meanwhile one order fills, one is canceled at Alpaca and one is placed on Alpaca’s dashboard: after the reconnect Tapedeck is in line', async () => {
    rig = brokerRig(dir.path, fake, { tuning: { ...FAST, pollMs: 60_000 } });
    await live();
    const a = await rig.broker.place(req({ symbol: 'AAPL', side: 'buy', qty: 4, type: 'limit', limitPrice: 95, tif: 'day' }), stock('AAPL'));
    const b = await rig.broker.place(req({ symbol: 'SOFI', side: 'buy', qty: 10, type: 'limit', limitPrice: 14, tif: 'day' }), stock('SOFI'));
    const [entryA, entryB] = [a.ok ? a.value[0] : undefined, b.ok ? b.value[0] : undefined];
    await eventually(() => rig.broker.liveOrders().filter((o) => o.status === 'accepted').length === 2, 'both working');

    fake.stream.down = true;
    fake.stream.dropAll();
    await eventually(() => rig.broker.status().state === 'DEGRADED', 'DEGRADED while the stream is down');
    fake.book.setPrice('AAPL', 94.5); // entry A fills: the event goes nowhere
    fake.book.cancel(fakeOrders(entryB?.clientOrderId ?? '-')[0]?.id ?? '');
    fake.book.submit({ symbol: 'SOFI', qty: 7, side: 'buy', type: 'limit', tif: 'gtc', clientOrderId: 'dashboard-1', limitPrice: 13, stopPrice: null, orderClass: 'simple', takeProfit: null, stopLoss: null });
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(rig.orders.get(entryA?.id ?? '')?.status).toBe('accepted');

    fake.stream.down = false;
    await live();
    await eventually(() => /reconciled with Alpaca \(trade updates reconnected\)/.test(auditText()), 'the reconciliation after the reconnect');
    expect(rig.orders.get(entryA?.id ?? '')).toMatchObject({ status: 'filled', filledQty: 4, avgFillPrice: 95 });
    expect(rig.orders.get(entryB?.id ?? '')?.status).toBe('canceled');
    const adopted = rig.broker.liveOrders().find((o) => o.clientOrderId === 'dashboard-1');
    expect(adopted).toMatchObject({ symbol: 'SOFI', qty: 7, limitPrice: 13, status: 'accepted', tif: 'gtc' });
    expect(rig.broker.positions().filter((p) => p.qty !== 0).map((p) => [p.symbol, p.qty, p.avgPrice])).toEqual([['AAPL', 4, 95]]);
    expect(rig.executions.ofEpoch(rig.account.id, rig.account.epoch).map((e) => [e.symbol, e.qty, e.price])).toEqual([['AAPL', 4, 95]]);
    expect(auditText()).toMatch(/an order at Alpaca that Tapedeck did not place \(buy 7 SOFI limit, new\) is followed as/);
  });

  it('an option take-profit armed on the fill survives a restart before it reached Alpaca: placed once at start, and not again on the next start', async () => {
    fake.book.setPrice(OPT, 1.2);
    rig = brokerRig(dir.path, fake);
    await live();
    const placed = await rig.broker.place(req({ symbol: OPT, side: 'buy', qty: 2, type: 'limit', limitPrice: 1.1, tif: 'day', takeProfit: { kind: 'amount', amount: 0.4 } }), option(OPT));
    const tp = placed.ok ? role(placed.value, 'take_profit')[0] : undefined;
    await eventually(() => rig.broker.liveOrders().some((o) => o.role === 'entry' && o.status === 'accepted'), 'the entry working');

    fake.faults.fail(100_000, 503); // Alpaca unreachable from the fill on: the take-profit cannot be sent
    fake.book.setPrice(OPT, 1.05);
    await eventually(() => rig.orders.get(tp?.id ?? '')?.status === 'new', 'the take-profit armed and stored');
    await eventually(() => rig.logs.some((l) => l.includes('not placed')), 'the send given up');
    rig.broker.close();
    expect(rig.orders.get(tp?.id ?? '')).toMatchObject({ status: 'new', limitPrice: 1.5, qty: 2, brokerOrderId: null });
    expect(fakeOrders(tp?.clientOrderId ?? '-')).toEqual([]);

    fake.faults.clear();
    rig.restart();
    await eventually(() => fakeOrders(tp?.clientOrderId ?? '-').length === 1, 'the take-profit at Alpaca after the restart');
    await eventually(() => rig.orders.get(tp?.id ?? '')?.status === 'accepted', 'the take-profit confirmed');
    expect(fakeOrders(tp?.clientOrderId ?? '-').map((o) => [o.side, o.type, o.limitPrice, o.qty, o.tif])).toEqual([['sell', 'limit', 1.5, 2, 'day']]);

    const starts = (): number => (auditText().match(/reconciled with Alpaca \(start\)/g) ?? []).length;
    const before = starts();
    rig.restart();
    await live();
    await eventually(() => starts() === before + 1, 'the next start reconciled');
    expect(fakeOrders(tp?.clientOrderId ?? '-')).toHaveLength(1);
    expect(fake.rest.placed).toBe(2);
  });
});
