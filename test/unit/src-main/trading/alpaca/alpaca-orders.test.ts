import { describe, expect, it } from 'vitest';
import { asEpochMs } from '../../../../../shared/domain/epoch';
import { orderRequestSchema, type Order, type OrderRequestInput } from '../../../../../shared/trading/order';
import type { TradedInstrument } from '../../../../../shared/trading/traded-instrument';
import { alpacaOrderRules, entryBody, exitHolder, exitsBody } from '../../../../../src-main/trading/brokers/alpaca/order-body';
import { mirrorOrder } from '../../../../../src-main/trading/brokers/alpaca/order-mirror';
import { parseOrder, parseTradeUpdate } from '../../../../../src-main/trading/brokers/alpaca/trading-wire';
import { newEntryOrders } from '../../../../../src-main/trading/orders';

const T = asEpochMs(Date.UTC(2026, 2, 10, 15, 0, 0));
const STOCK: TradedInstrument = { source: 'alpaca', symbol: 'AAPL' as TradedInstrument['symbol'], assetClass: 'equity', tickSize: 0.01, lotSize: 1, multiplier: 1, currency: 'USD', underlying: null };
const OPTION: TradedInstrument = { ...STOCK, symbol: 'AAPL260320C00190000' as TradedInstrument['symbol'], assetClass: 'option', multiplier: 100, underlying: 'AAPL' as TradedInstrument['symbol'] };
const req = (r: Partial<OrderRequestInput>) => orderRequestSchema.parse({ accountId: 'a1b2c3d4', source: 'alpaca', symbol: 'AAPL', side: 'buy', qty: 10, type: 'limit', limitPrice: 100, tif: 'day', ...r });
const entryOf = (r: Partial<OrderRequestInput>): Order[] => [...newEntryOrders(req(r), 'a1b2c3d4.k1', { now: T, broker: 'alpaca' }).orders];

/** An Alpaca order JSON as the paper host sends it. */
const wire = (over: Record<string, unknown> = {}): Record<string, unknown> => ({
  id: '61e69015-8549-4bfd-b9c3-01e75843f47d',
  client_order_id: 'a1b2c3d4.k1',
  created_at: '2026-03-10T15:00:00.123456789Z',
  updated_at: '2026-03-10T15:00:01Z',
  filled_at: null,
  symbol: 'AAPL',
  asset_class: 'us_equity',
  qty: '10',
  filled_qty: '0',
  filled_avg_price: null,
  order_class: 'simple',
  type: 'limit',
  side: 'buy',
  time_in_force: 'day',
  limit_price: '100',
  stop_price: null,
  status: 'new',
  legs: null,
  ...over,
});

describe('order bodies and Alpaca’s rules', () => {
  it('a stock entry with both exits as prices is one bracket; with one, an OTO; none, a simple order', () => {
    const [bracket] = entryOf({ takeProfit: 110, stopLoss: 90 });
    expect(bracket === undefined ? null : entryBody(bracket, exitHolder(bracket, STOCK))).toEqual({
      symbol: 'AAPL',
      qty: '10',
      side: 'buy',
      type: 'limit',
      timeInForce: 'day',
      clientOrderId: 'a1b2c3d4.k1',
      limitPrice: '100',
      orderClass: 'bracket',
      takeProfit: { limitPrice: '110' },
      stopLoss: { stopPrice: '90' },
    });
    const [oto] = entryOf({ stopLoss: 95.5 });
    expect(oto === undefined ? null : entryBody(oto, 'alpaca')).toMatchObject({ orderClass: 'oto', stopLoss: { stopPrice: '95.5' } });
    const [plain] = entryOf({});
    expect(plain === undefined ? null : entryBody(plain, 'alpaca').orderClass).toBe('simple');
  });

  it('exits as distances, and every option exit, are Tapedeck’s (placed on the fill); two of them go as one OCO', () => {
    expect(exitHolder({ takeProfit: { kind: 'ticks', ticks: 10 }, stopLoss: null }, STOCK)).toBe('tapedeck');
    expect(exitHolder({ takeProfit: { kind: 'price', price: 3 }, stopLoss: null }, OPTION)).toBe('tapedeck');
    const orders = entryOf({ takeProfit: { kind: 'ticks', ticks: 10 }, stopLoss: { kind: 'ticks', ticks: 20 } });
    const tp = orders.find((o) => o.role === 'take_profit');
    const sl = orders.find((o) => o.role === 'stop_loss');
    if (tp === undefined || sl === undefined) throw new Error('no exits');
    const armed = [{ ...tp, limitPrice: 100.1, status: 'new' as const }, { ...sl, stopPrice: 99.8, status: 'new' as const }];
    expect(exitsBody(armed)).toEqual({ symbol: 'AAPL', qty: '10', side: 'sell', type: 'limit', timeInForce: 'day', clientOrderId: tp.clientOrderId, limitPrice: '100.1', orderClass: 'oco', takeProfit: { limitPrice: '100.1' }, stopLoss: { stopPrice: '99.8' } });
    expect(tp.clientOrderId.length).toBeLessThanOrEqual(48);
  });

  it('refuses what Alpaca would refuse, naming the field', () => {
    const fields = (r: Partial<OrderRequestInput>, i: TradedInstrument): string[] => alpacaOrderRules(req(r), i).map((e) => `${e.field}: ${e.message}`);
    expect(fields({ symbol: OPTION.symbol, type: 'stop', limitPrice: undefined, stopPrice: 2, qty: 1.5, tif: 'gtc' }, OPTION)).toEqual([
      'qty: Alpaca takes whole option contracts',
      'type: Alpaca takes market and limit orders on options',
      'tif: Alpaca takes options orders as day orders',
    ]);
    expect(fields({ takeProfit: 99, stopLoss: 101 }, STOCK)).toEqual([
      'takeProfit: a buy bracket needs the take-profit above the stop-loss',
      "takeProfit: the take-profit must be at least $0.01 above the entry's 100",
      "stopLoss: the stop-loss must be at least $0.01 below the entry's 100",
    ]);
    expect(fields({ takeProfit: 110, stopLoss: 90, tif: 'ioc' }, STOCK)).toEqual(['tif: a bracket or OTO at Alpaca is a day or gtc order']);
    expect(fields({ source: 'binance' }, STOCK)).toEqual(["source: an Alpaca account trades Alpaca's US stocks and options (source alpaca), not binance"]);
    expect(fields({ limitPrice: 100.005 }, STOCK)).toEqual(['limitPrice: 100.005 is not on the 0.01 tick']);
  });
});

describe('Alpaca’s word onto Tapedeck’s order', () => {
  const [ours] = entryOf({});
  if (ours === undefined) throw new Error('no order');

  it('parses Alpaca’s order JSON: decimals as strings, RFC 3339 with nanoseconds, a field named when wrong', () => {
    const o = parseOrder(wire());
    expect([o.qty, o.limitPrice, o.createdAt, o.updatedAt, o.orderClass, o.legs]).toEqual([10, 100, Date.UTC(2026, 2, 10, 15, 0, 0, 123), Date.UTC(2026, 2, 10, 15, 0, 1), 'simple', []]);
    expect(() => parseOrder(wire({ filled_qty: 'ten' }))).toThrow('Alpaca order, field filled_qty: a decimal');
    expect(() => parseTradeUpdate({ event: 'fill', order: wire() })).toThrow(/a fill needs execution_id, a positive qty and price/);
  });

  it('a partial fill on the stream is recorded by Alpaca’s execution id; the rest found later by REST is the difference, at the price that makes Alpaca’s average', () => {
    const u = parseTradeUpdate({ event: 'partial_fill', order: wire({ status: 'partially_filled', filled_qty: '4', filled_avg_price: '99.5' }), execution_id: 'e-1', price: '99.5', qty: '4', position_qty: '4', timestamp: '2026-03-10T15:00:02Z' });
    const first = mirrorOrder({ ours, theirs: u.order, fill: u.fill, instrument: STOCK, now: T });
    expect(first.order).toMatchObject({ status: 'partially_filled', filledQty: 4, avgFillPrice: 99.5, brokerOrderId: '61e69015-8549-4bfd-b9c3-01e75843f47d' });
    expect(first.executions.map((e) => [e.id, e.qty, e.price, e.origin])).toEqual([['e-1', 4, 99.5, 'alpaca']]);
    if (first.order === null) throw new Error('no change');
    // The stream missed the last fill: REST says 10 filled at an average of 99.8 → 6 more at (998 − 398) / 6 = 100.
    const later = parseOrder(wire({ status: 'filled', filled_qty: '10', filled_avg_price: '99.8', filled_at: '2026-03-10T15:00:05Z', updated_at: '2026-03-10T15:00:05Z' }));
    const second = mirrorOrder({ ours: first.order, theirs: later, fill: null, instrument: STOCK, now: T });
    expect(second.order).toMatchObject({ status: 'filled', filledQty: 10, avgFillPrice: 99.8 });
    expect(second.executions.map((e) => [e.id, e.qty, e.price, e.time])).toEqual([['61e69015-8549-4bfd-b9c3-01e75843f47d:10', 6, 100, Date.UTC(2026, 2, 10, 15, 0, 5)]]);
    // The same snapshot again, or an older one, changes nothing and records nothing twice.
    if (second.order === null) throw new Error('no change');
    expect(mirrorOrder({ ours: second.order, theirs: later, fill: null, instrument: STOCK, now: T })).toEqual({ order: null, executions: [], note: null });
    expect(mirrorOrder({ ours: second.order, theirs: u.order, fill: u.fill, instrument: STOCK, now: T })).toEqual({ order: null, executions: [], note: null });
  });
});
