import { describe, expect, it } from 'vitest';
import { ocoRequestSchema } from '../../../../shared/trading/oco-request';
import type { OrderRequest, OrderRequestInput } from '../../../../shared/trading/order';
import { clientOrderIdConflict, validateOcoRequest, validateOrderRequest } from '../../../../shared/trading/order-validation';
import type { TradedInstrument } from '../../../../shared/trading/traded-instrument';
import { AAPL, AAPL_CALL, BTC, ES, order, request } from '../../src-main/trading/trading-fixtures';

describe('validateOrderRequest: bad input names its field, nothing is placed', () => {
  it('accepts good requests', () => {
    expect(validateOrderRequest(request(AAPL, { qty: 10, type: 'limit', limitPrice: 170.25, takeProfit: 171, stopLoss: { kind: 'ticks', ticks: 50 } }), AAPL, null)).toEqual([]);
    expect(validateOrderRequest(request(BTC, { qty: 0.00123, takeProfit: { kind: 'percent', percent: 1 } }), BTC, 60000)).toEqual([]);
    expect(validateOrderRequest(request(ES, { qty: 2, type: 'stop_limit', stopPrice: 5200.25, limitPrice: 5200.75 }), ES, null)).toEqual([]);
  });

  it.each<[string, TradedInstrument, Partial<OrderRequestInput>, number | null, { field: string; message: string }[]]>([
    ['a negative quantity', AAPL, { qty: -1 }, null, [{ field: 'qty', message: 'qty must be a positive number (got -1)' }]],
    ['a zero quantity', AAPL, { qty: 0 }, null, [{ field: 'qty', message: 'qty must be a positive number (got 0)' }]],
    ['a NaN quantity', AAPL, { qty: Number.NaN }, null, [{ field: 'qty', message: 'qty must be a positive number (got NaN)' }]],
    ['an infinite quantity', AAPL, { qty: Number.POSITIVE_INFINITY }, null, [{ field: 'qty', message: 'qty must be a positive number (got Infinity)' }]],
    ['a fractional share', AAPL, { qty: 1.5 }, null, [{ field: 'qty', message: 'qty 1.5 is not a multiple of the lot size 1' }]],
    ['off the crypto lot', BTC, { qty: 0.000015 }, null, [{ field: 'qty', message: 'qty 0.000015 is not a multiple of the lot size 0.00001' }]],
    ['part of a contract', AAPL_CALL, { qty: 1.5 }, null, [{ field: 'qty', message: 'an option order is for whole contracts (got 1.5)' }]],
    ['a limit off the tick', AAPL, { type: 'limit', limitPrice: 100.005 }, null, [{ field: 'limitPrice', message: 'limitPrice 100.005 is off the tick 0.01' }]],
    ['a stop off a quarter tick', ES, { type: 'stop', stopPrice: 5200.1 }, null, [{ field: 'stopPrice', message: 'stopPrice 5,200.10 is off the tick 0.25' }]],
    ['a negative limit', AAPL, { type: 'limit', limitPrice: -5 }, null, [{ field: 'limitPrice', message: 'limitPrice must be a positive number (got -5)' }]],
    ['a take-profit price off the tick', AAPL, { type: 'limit', limitPrice: 100, takeProfit: { kind: 'price', price: 101.001 } }, null, [{ field: 'takeProfit', message: 'takeProfit 101.001 is off the tick 0.01' }]],
    ['a take-profit on the wrong side of the limit', AAPL, { type: 'limit', limitPrice: 100, takeProfit: { kind: 'price', price: 99 } }, null, [{ field: 'takeProfit', message: 'takeProfit 99.00 must be above the entry price 100.00 for a buy' }]],
    ['a stop on the wrong side of the market (sell)', AAPL, { side: 'sell', stopLoss: { kind: 'price', price: 99 } }, 100, [{ field: 'stopLoss', message: 'stopLoss 99.00 must be above the entry price 100.00 for a sell' }]],
    ['a stop distance below zero', AAPL, { type: 'limit', limitPrice: 10, stopLoss: { kind: 'percent', percent: 120 } }, null, [{ field: 'stopLoss', message: 'stopLoss 120% below the entry price 10.00 is at or below zero' }]],
    ['exits on an IOC', AAPL, { tif: 'ioc', takeProfit: { kind: 'ticks', ticks: 5 } }, 100, [{ field: 'tif', message: 'an order with a take-profit or stop needs time in force day or gtc, not ioc' }]],
    [
      'several problems at once',
      AAPL,
      { qty: 0.5, type: 'limit', limitPrice: 1.001, stopLoss: { kind: 'price', price: 2 } },
      null,
      [
        { field: 'qty', message: 'qty 0.5 is not a multiple of the lot size 1' },
        { field: 'limitPrice', message: 'limitPrice 1.001 is off the tick 0.01' },
      ],
    ],
  ])('refuses %s', (_name, instrument, fields, ref, errors) => {
    // spread after parsing: these inputs get past (or around) the schema, as a caller inside the core could
    const r = { ...request(instrument), ...fields } as ReturnType<typeof request>;
    expect(validateOrderRequest(r, instrument, ref)).toEqual(errors);
  });

  it('a price exit is not side-checked without a reference (a market order with no quote): the fill decides', () => {
    expect(validateOrderRequest(request(AAPL, { takeProfit: 50 }), AAPL, null)).toEqual([]);
  });

  it('an unknown symbol, or an instrument that is not the one asked for', () => {
    expect(validateOrderRequest(request(AAPL, { symbol: 'ZZZZ' }), null, null)).toEqual([{ field: 'symbol', message: 'unknown symbol ZZZZ on alpaca' }]);
    expect(validateOrderRequest(request(AAPL), BTC, null)).toEqual([{ field: 'symbol', message: 'the instrument given is BTCUSDT on binance, not AAPL on alpaca' }]);
  });

  it('prices the type does not have (for callers that skip the schema)', () => {
    const r = { ...request(AAPL), limitPrice: 100 };
    expect(validateOrderRequest(r, AAPL, null)).toEqual([{ field: 'limitPrice', message: 'a market order has no limitPrice' }]);
    const s = { ...request(AAPL), type: 'stop' as const };
    expect(validateOrderRequest(s, AAPL, null)).toEqual([{ field: 'stopPrice', message: 'a stop order needs stopPrice' }]);
  });
});

describe('validateOcoRequest', () => {
  const oco = (fields: object) => ocoRequestSchema.parse({ accountId: 'acc1', source: 'alpaca', symbol: 'AAPL', side: 'sell', qty: 10, limitPrice: 105, stopPrice: 95, ...fields });

  it('a sell pair has its limit above its stop, a buy pair below', () => {
    expect(validateOcoRequest(oco({}), AAPL)).toEqual([]);
    expect(validateOcoRequest(oco({ side: 'buy', limitPrice: 95, stopPrice: 105 }), AAPL)).toEqual([]);
    expect(validateOcoRequest(oco({ stopPrice: 106 }), AAPL)).toEqual([{ field: 'stopPrice', message: "a sell OCO's stop 106.00 must be below its limit 105.00" }]);
    expect(validateOcoRequest(oco({ side: 'buy' }), AAPL)).toEqual([{ field: 'stopPrice', message: "a buy OCO's stop 95.00 must be above its limit 105.00" }]);
  });

  it('quantity and ticks', () => {
    expect(validateOcoRequest(oco({ qty: 2.5, limitPrice: 105.001 }), AAPL)).toEqual([
      { field: 'qty', message: 'qty 2.5 is not a multiple of the lot size 1' },
      { field: 'limitPrice', message: 'limitPrice 105.001 is off the tick 0.01' },
    ]);
    expect(validateOcoRequest(oco({}), null)).toEqual([{ field: 'symbol', message: 'unknown symbol AAPL on alpaca' }]);
  });
});

describe('clientOrderIdConflict: a retry is the same order, other contents are refused', () => {
  const placed = order({ id: 'o1', clientOrderId: 'c-1', qty: 10, type: 'limit', limitPrice: 170, takeProfit: { kind: 'ticks', ticks: 20 }, setup: 'orb' });
  const same = request(AAPL, { clientOrderId: 'c-1', qty: 10, type: 'limit', limitPrice: 170, takeProfit: { kind: 'ticks', ticks: 20 }, setup: 'orb' });

  it('same contents', () => {
    expect(clientOrderIdConflict(placed, same)).toBeNull();
  });

  it.each<[Partial<OrderRequest>, string]>([
    [{ qty: 5 }, 'clientOrderId c-1 was already used for a different order (qty 10 there, 5 here)'],
    [{ side: 'sell' }, 'clientOrderId c-1 was already used for a different order (side buy there, sell here)'],
    [{ limitPrice: 171 }, 'clientOrderId c-1 was already used for a different order (limitPrice 170 there, 171 here)'],
    [{ takeProfit: { kind: 'ticks', ticks: 30 } }, 'clientOrderId c-1 was already used for a different order (takeProfit {"kind":"ticks","ticks":20} there, {"kind":"ticks","ticks":30} here)'],
    [{ stopLoss: { kind: 'price', price: 160 } }, 'clientOrderId c-1 was already used for a different order (stopLoss none there, {"kind":"price","price":160} here)'],
    [{ setup: undefined }, 'clientOrderId c-1 was already used for a different order (setup orb there, none here)'],
  ])('differs in %o', (fields, message) => {
    expect(clientOrderIdConflict(placed, { ...same, ...fields })).toEqual({ field: 'clientOrderId', message });
  });
});
