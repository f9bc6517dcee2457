import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { orderRequestSchema, type OrderRequestInput } from '../../../shared/trading/order';
import { ocoRequestSchema } from '../../../shared/trading/oco-request';
import { alpacaTradingFromEnv } from '../../../src-main/platform/config/alpaca-config';
import { staticCredentials } from '../../../src-main/market-data/feeds/alpaca/credentials';
import { LiveTradingRefusedError } from '../../../src-main/trading/brokers/alpaca';
import { tempDir } from '../../helpers/temp-dir';
import { brokerRig, eventually, option, role, stock, type BrokerRig } from './broker-fixture';
import { startFakeAlpacaTrading, type FakeAlpacaTrading } from './fake/fake-trading';

const OPT = 'AAPL260320C00100000';
let dir: ReturnType<typeof tempDir>;
let fake: FakeAlpacaTrading;
let rig: BrokerRig;

const req = (r: Omit<OrderRequestInput, 'accountId' | 'source'>) => orderRequestSchema.parse({ accountId: rig.account.id, source: 'alpaca', ...r });
const live = async (): Promise<void> => eventually(() => rig.broker.status().state === 'LIVE', 'the broker LIVE');
const fakeOrders = (clientOrderId: string) => [...fake.book.orders.values()].filter((o) => o.clientOrderId === clientOrderId);
const auditText = (): string => rig.audit.list({ accountId: rig.account.id, limit: 10_000 }).map((e) => e.message).join('\n');

beforeEach(async () => {
  dir = tempDir();
  fake = await startFakeAlpacaTrading({ symbols: ['AAPL', 'SOFI', 'SPY'] });
  fake.book.setPrice('AAPL', 100);
});

afterEach(async () => {
  rig.close();
  await fake.close();
  dir.remove();
});

describe('the Alpaca paper broker against a fake paper host', () => {
  it('a bracket round trip: the entry fills on trade_updates, its legs become the take-profit and stop-loss, the take-profit fills and the stop is canceled', async () => {
    rig = brokerRig(dir.path, fake);
    await live();
    const placed = await rig.broker.place(req({ symbol: 'AAPL', side: 'buy', qty: 10, type: 'market', tif: 'gtc', takeProfit: 110, stopLoss: 90 }), stock('AAPL'));
    expect(placed.ok).toBe(true);
    const entryId = placed.ok ? (placed.value[0]?.id ?? '') : '';
    const sent = fakeOrders(rig.orders.get(entryId)?.clientOrderId ?? '-');
    expect(sent.map((o) => [o.orderClass, o.legIds.length])).toEqual([['bracket', 2]]);
    await eventually(() => rig.broker.positions().find((p) => p.symbol === 'AAPL')?.qty === 10, 'the position of 10');
    await eventually(() => role(rig.broker.liveOrders(), 'take_profit')[0]?.status === 'accepted' && role(rig.broker.liveOrders(), 'stop_loss')[0]?.status === 'accepted', 'both legs working');
    const tp = role(rig.broker.liveOrders(), 'take_profit')[0];
    const sl = role(rig.broker.liveOrders(), 'stop_loss')[0];
    expect([tp?.limitPrice, sl?.stopPrice, tp?.qty]).toEqual([110, 90, 10]);
    expect(tp?.brokerOrderId).toBe(sent[0]?.legIds[0]);

    fake.book.setPrice('AAPL', 110.5);
    await eventually(() => rig.broker.liveOrders().length === 0, 'no live orders');
    await eventually(() => rig.broker.positions().find((p) => p.symbol === 'AAPL')?.qty === 0, 'flat');
    expect([rig.orders.get(tp?.id ?? '')?.status, rig.orders.get(sl?.id ?? '')?.status, rig.orders.get(entryId)?.status]).toEqual(['filled', 'canceled', 'filled']);
    const fills = rig.executions.ofEpoch(rig.account.id, rig.account.epoch).map((e) => [e.side, e.qty, e.price]);
    expect(fills).toEqual([
      ['buy', 10, 100],
      ['sell', 10, 110],
    ]);
    expect(rig.broker.positions().find((p) => p.symbol === 'AAPL')?.realizedPnl).toBe(100);
    await eventually(() => /reconciled with Alpaca \(start\)/.test(auditText()), 'the reconciliation at start in the audit log');
    expect(rig.logs).toEqual([]);
  });

  it('an OCO pair on a held position goes to Alpaca as one oco order; the stop filling cancels the limit', async () => {
    rig = brokerRig(dir.path, fake);
    await live();
    await rig.broker.place(req({ symbol: 'AAPL', side: 'buy', qty: 5, type: 'market', tif: 'day' }), stock('AAPL'));
    await eventually(() => rig.broker.positions().find((p) => p.symbol === 'AAPL')?.qty === 5, 'long 5');
    const oco = await rig.broker.placeOco(ocoRequestSchema.parse({ accountId: rig.account.id, source: 'alpaca', symbol: 'AAPL', side: 'sell', qty: 5, limitPrice: 105, stopPrice: 97 }), stock('AAPL'));
    expect(oco.ok).toBe(true);
    const sentOco = [...fake.book.orders.values()].filter((o) => o.orderClass === 'oco' && o.parentId === null);
    expect(sentOco.map((o) => [o.type, o.limitPrice, o.legIds.length])).toEqual([['limit', 105, 1]]);
    await eventually(() => rig.broker.liveOrders().filter((o) => o.status === 'accepted').length === 2, 'both legs working');
    fake.book.setPrice('AAPL', 96.5);
    await eventually(() => rig.broker.liveOrders().length === 0 && rig.broker.positions().find((p) => p.symbol === 'AAPL')?.qty === 0, 'the stop filled, the limit canceled');
    const legs = oco.ok ? oco.value.map((o) => rig.orders.get(o.id)?.status) : [];
    expect(legs.sort()).toEqual(['canceled', 'filled']);
  });

  it('an option entry: a simple day order; its take-profit is Tapedeck’s, stored armed on the fill and then placed at Alpaca once', async () => {
    fake.book.setPrice(OPT, 2.5);
    rig = brokerRig(dir.path, fake);
    await live();
    const placed = await rig.broker.place(req({ symbol: OPT, side: 'buy', qty: 1, type: 'limit', limitPrice: 2, tif: 'day', takeProfit: 3 }), option(OPT));
    expect(placed.ok).toBe(true);
    const [entry, tp] = placed.ok ? placed.value : [];
    expect([entry?.status, tp?.status, tp?.role]).toEqual(['accepted', 'held', 'take_profit']);
    expect(fakeOrders(entry?.clientOrderId ?? '-').map((o) => [o.orderClass, o.tif, o.legIds.length])).toEqual([['simple', 'day', 0]]);
    expect(fakeOrders(tp?.clientOrderId ?? '-')).toEqual([]);

    fake.book.setPrice(OPT, 1.95);
    await eventually(() => fakeOrders(tp?.clientOrderId ?? '-').length === 1, 'the take-profit at Alpaca');
    const atAlpaca = fakeOrders(tp?.clientOrderId ?? '-')[0];
    expect([atAlpaca?.side, atAlpaca?.type, atAlpaca?.limitPrice, atAlpaca?.qty, atAlpaca?.tif]).toEqual(['sell', 'limit', 3, 1, 'day']);
    await eventually(() => rig.orders.get(tp?.id ?? '')?.brokerOrderId === atAlpaca?.id, 'the take-profit confirmed');
    expect(rig.broker.positions().find((p) => p.symbol === OPT)).toMatchObject({ qty: 1, avgPrice: 2, multiplier: 100 });
  });

  it('refuses what Alpaca would refuse before sending, and shows Alpaca’s own reason when it rejects', async () => {
    rig = brokerRig(dir.path, fake);
    await live();
    const stopOnOption = await rig.broker.place(req({ symbol: OPT, side: 'buy', qty: 1, type: 'limit', limitPrice: 2, tif: 'day', stopLoss: 1 }), option(OPT));
    expect(stopOnOption.ok ? [] : stopOnOption.errors.map((e) => e.field)).toEqual(['stopLoss']);
    const gtcOption = await rig.broker.place(req({ symbol: OPT, side: 'buy', qty: 1, type: 'limit', limitPrice: 2, tif: 'gtc' }), option(OPT));
    expect(gtcOption.ok ? [] : gtcOption.errors.map((e) => e.field)).toEqual(['tif']);
    const requests = fake.http.requests.filter((r) => r.method === 'POST').length;
    expect(requests).toBe(0);

    const unknown = await rig.broker.place(req({ symbol: 'ZZZZ', side: 'buy', qty: 1, type: 'market' }), stock('ZZZZ'));
    expect(unknown.ok ? '' : unknown.errors[0]?.message).toBe('Alpaca rejected the order: asset "ZZZZ" not found');
    const tooBig = await rig.broker.place(req({ symbol: 'AAPL', side: 'buy', qty: 5_000, type: 'market' }), stock('AAPL'));
    expect(tooBig.ok ? '' : tooBig.errors[0]?.message).toBe('Alpaca rejected the order: insufficient buying power');
    const rejected = rig.orders.list(rig.account.id, rig.account.epoch, 'all', 100).filter((o) => o.status === 'rejected');
    expect(rejected.map((o) => o.rejectReason).sort()).toEqual(['Alpaca: asset "ZZZZ" not found', 'Alpaca: insufficient buying power']);
    expect(auditText()).toMatch(/insufficient buying power/);
  });

  it('a wrong key: OFFLINE with "authentication failed", orders refused without a request, no retry storm, the keys in no log line or audit entry', async () => {
    rig = brokerRig(dir.path, fake, { credentials: staticCredentials(fake.keys.keyId, 'wrong-secret-value-never-logged') });
    await eventually(() => rig.broker.status().state === 'OFFLINE', 'OFFLINE');
    expect(rig.broker.status().reason).toMatch(/authentication failed/);
    const before = fake.http.requests.length + fake.stream.connects;
    const r = await rig.broker.place(req({ symbol: 'AAPL', side: 'buy', qty: 1, type: 'market' }), stock('AAPL'));
    expect(r.ok ? '' : r.errors[0]?.message).toMatch(/^Alpaca is OFFLINE: .*authentication failed/);
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(fake.http.requests.length + fake.stream.connects).toBe(before);
    expect(before).toBeLessThanOrEqual(3);
    const everything = [...rig.logs, auditText()].join('\n');
    for (const secret of ['wrong-secret-value-never-logged', fake.keys.keyId, fake.keys.secret]) expect(everything).not.toContain(secret);
  });

  it('the live trading host is refused at start-up and by the clients', () => {
    rig = brokerRig(dir.path, fake);
    expect(() => alpacaTradingFromEnv({ TAPEDECK_ALPACA_TRADING_URL: 'https://api.alpaca.markets' })).toThrow(/TAPEDECK_ALPACA_TRADING_URL points at api\.alpaca\.markets/);
    expect(() => alpacaTradingFromEnv({ TAPEDECK_ALPACA_STREAM_URL: 'wss://api.alpaca.markets/stream' })).toThrow(LiveTradingRefusedError);
    expect(alpacaTradingFromEnv({})).toEqual({ tradingUrl: 'https://paper-api.alpaca.markets', streamUrl: 'wss://paper-api.alpaca.markets/stream' });
  });

  it('malformed trade_updates frames are skipped and logged once; the stream stays up and the next update is applied', async () => {
    rig = brokerRig(dir.path, fake);
    await live();
    fake.stream.sendRaw('not json at all');
    fake.stream.sendRaw(JSON.stringify({ stream: 'trade_updates', data: { event: 'fill', order: { id: 'x' } } }));
    fake.stream.sendRaw(JSON.stringify({ stream: 'trade_updates', data: { event: 'fill', order: fake.book.wire(fake.book.submit({ symbol: 'SPY', qty: 1, side: 'buy', type: 'limit', tif: 'day', clientOrderId: 'dash-2', limitPrice: 1, stopPrice: null, orderClass: 'simple', takeProfit: null, stopLoss: null })) } }));
    const placed = await rig.broker.place(req({ symbol: 'AAPL', side: 'buy', qty: 2, type: 'market', tif: 'day' }), stock('AAPL'));
    expect(placed.ok).toBe(true);
    await eventually(() => rig.broker.positions().find((p) => p.symbol === 'AAPL')?.qty === 2, 'the next fill applied');
    expect(rig.logs.filter((l) => l.includes('malformed frames are counted and skipped'))).toHaveLength(1);
    expect(rig.broker.status().state).toBe('LIVE');
    expect(fake.stream.connects).toBe(1);
  });
});
