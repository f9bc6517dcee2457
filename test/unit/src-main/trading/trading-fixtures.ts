import type { EpochMs } from '../../../../shared/domain/epoch';
import { orderRequestSchema, type Order, type OrderRequest, type OrderRequestInput } from '../../../../shared/trading/order';
import { tradedInstrumentSchema, type TradedInstrument } from '../../../../shared/trading/traded-instrument';

/** Tuesday 2024-05-07 14:00 UTC = 10:00 New York, inside the regular session. */
export const T0 = Date.UTC(2024, 4, 7, 14, 0, 0) as EpochMs;

export function at(offsetMs: number): EpochMs {
  return (T0 + offsetMs) as EpochMs;
}

export const BTC: TradedInstrument = tradedInstrumentSchema.parse({
  source: 'binance',
  symbol: 'BTCUSDT',
  assetClass: 'crypto',
  tickSize: 0.01,
  lotSize: 0.00001,
  multiplier: 1,
  currency: 'USDT',
  underlying: null,
});

export const AAPL: TradedInstrument = tradedInstrumentSchema.parse({
  source: 'alpaca',
  symbol: 'AAPL',
  assetClass: 'equity',
  tickSize: 0.01,
  lotSize: 1,
  multiplier: 1,
  currency: 'USD',
  underlying: null,
});

export const AAPL_CALL: TradedInstrument = tradedInstrumentSchema.parse({
  source: 'alpaca',
  symbol: 'AAPL240503C00170000',
  assetClass: 'option',
  tickSize: 0.01,
  lotSize: 1,
  multiplier: 100,
  currency: 'USD',
  underlying: 'AAPL',
});

/** A future-like instrument on a quarter tick. */
export const ES: TradedInstrument = tradedInstrumentSchema.parse({
  source: 'sim',
  symbol: 'ES',
  assetClass: 'crypto',
  tickSize: 0.25,
  lotSize: 1,
  multiplier: 50,
  currency: 'USD',
  underlying: null,
});

export const EURUSD: TradedInstrument = tradedInstrumentSchema.parse({
  source: 'sim',
  symbol: 'EUR/USD',
  assetClass: 'fx',
  tickSize: 0.00001,
  lotSize: 1000,
  multiplier: 1,
  currency: 'USD',
  underlying: null,
});

/** An order request on `instrument` for account acc1 (market buy of 1 unless told). */
export function request(instrument: TradedInstrument, fields: Partial<OrderRequestInput> = {}): OrderRequest {
  return orderRequestSchema.parse({ accountId: 'acc1', source: instrument.source, symbol: instrument.symbol, side: 'buy', qty: 1, ...fields });
}

/** A held order as the store would give it (accepted market buy of 1 unless told). */
export function order(fields: Partial<Order> & Pick<Order, 'id'>): Order {
  return {
    clientOrderId: fields.id,
    accountId: 'acc1',
    source: 'alpaca',
    symbol: AAPL.symbol,
    side: 'buy',
    qty: 1,
    type: 'market',
    limitPrice: null,
    stopPrice: null,
    tif: 'day',
    status: 'accepted',
    filledQty: 0,
    avgFillPrice: null,
    role: 'entry',
    parentId: null,
    ocoGroup: null,
    takeProfit: null,
    stopLoss: null,
    setup: null,
    rejectReason: null,
    broker: 'paper',
    brokerOrderId: null,
    createdAt: T0,
    updatedAt: T0,
    ...fields,
  };
}
