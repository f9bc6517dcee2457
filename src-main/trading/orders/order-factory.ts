import type { EpochMs } from '../../../shared/domain/epoch';
import { exitSide } from '../../../shared/trading/exit-resolution';
import type { OcoRequest } from '../../../shared/trading/oco-request';
import type { Order, OrderRequest, TimeInForce } from '../../../shared/trading/order';
import type { GroupEffect, GroupResult } from './order-group-types';

/** Who holds the orders and when they are made. */
export interface OrderOrigin {
  readonly now: EpochMs;
  readonly broker: Order['broker'];
}

const MAX_CLIENT_ID = 48;

/** `base` + suffix when it fits Alpaca's 48 characters, else `fallback` + suffix, cut to fit. */
function childClientId(base: string, fallback: string, suffix: string): string {
  const a = `${base}${suffix}`;
  if (a.length <= MAX_CLIENT_ID) return a;
  const b = `${fallback}${suffix}`;
  return b.length <= MAX_CLIENT_ID ? b : b.slice(b.length - MAX_CLIENT_ID);
}

function blank(origin: OrderOrigin): Pick<Order, 'status' | 'filledQty' | 'avgFillPrice' | 'rejectReason' | 'brokerOrderId' | 'createdAt' | 'updatedAt' | 'broker'> {
  return { status: 'new', filledQty: 0, avgFillPrice: null, rejectReason: null, brokerOrderId: null, createdAt: origin.now, updatedAt: origin.now, broker: origin.broker };
}

/**
 * The orders of a (validated) request: the entry (status new) and, for each
 * exit it carries, a held exit on the other side for the same quantity —
 * the take-profit a limit, the stop a stop, prices unknown until the entry
 * fills. With both exits they form one OCO group (a bracket). Ids: the entry
 * is `id`; its exits `id.tp` and `id.sl`; the bracket's group `id.oco`
 * (callers give ids of at most 45 characters of [A-Za-z0-9._:-]). Exits
 * live as long as their entry (an IOC entry's exits are day orders).
 * Effects: update each order, place the entry.
 */
export function newEntryOrders(request: OrderRequest, id: string, origin: OrderOrigin): GroupResult {
  const clientOrderId = request.clientOrderId ?? id;
  const entry: Order = {
    ...blank(origin),
    id,
    clientOrderId,
    accountId: request.accountId,
    source: request.source,
    symbol: request.symbol,
    side: request.side,
    qty: request.qty,
    type: request.type,
    limitPrice: request.limitPrice ?? null,
    stopPrice: request.stopPrice ?? null,
    tif: request.tif,
    role: 'entry',
    parentId: null,
    ocoGroup: null,
    takeProfit: request.takeProfit ?? null,
    stopLoss: request.stopLoss ?? null,
    setup: request.setup ?? null,
  };
  const bracket = request.takeProfit !== undefined && request.stopLoss !== undefined;
  const exitTif: TimeInForce = request.tif === 'ioc' ? 'day' : request.tif;
  const exit = (role: 'take_profit' | 'stop_loss', suffix: string): Order => ({
    ...entry,
    ...blank(origin),
    id: `${id}${suffix}`,
    clientOrderId: childClientId(clientOrderId, id, suffix),
    side: exitSide(request.side),
    type: role === 'take_profit' ? 'limit' : 'stop',
    limitPrice: null,
    stopPrice: null,
    tif: exitTif,
    status: 'held',
    role,
    parentId: id,
    ocoGroup: bracket ? `${id}.oco` : null,
    takeProfit: null,
    stopLoss: null,
  });
  const orders = [entry];
  if (request.takeProfit !== undefined) orders.push(exit('take_profit', '.tp'));
  if (request.stopLoss !== undefined) orders.push(exit('stop_loss', '.sl'));
  const effects: GroupEffect[] = orders.map((order) => ({ kind: 'update', order }));
  effects.push({ kind: 'place', orderId: id });
  return { orders, effects };
}

/**
 * A stand-alone OCO pair (validated): a limit leg `id.limit` and a stop leg
 * `id.stop`, both live (status new) in OCO group `id`. Effects: update and
 * place each.
 */
export function newOcoOrders(request: OcoRequest, id: string, origin: OrderOrigin): GroupResult {
  const leg = (type: 'limit' | 'stop', suffix: string): Order => ({
    ...blank(origin),
    id: `${id}${suffix}`,
    clientOrderId: childClientId(id, id, suffix),
    accountId: request.accountId,
    source: request.source,
    symbol: request.symbol,
    side: request.side,
    qty: request.qty,
    type,
    limitPrice: type === 'limit' ? request.limitPrice : null,
    stopPrice: type === 'stop' ? request.stopPrice : null,
    tif: request.tif,
    role: 'oco_leg',
    parentId: null,
    ocoGroup: id,
    takeProfit: null,
    stopLoss: null,
    setup: null,
  });
  const orders = [leg('limit', '.limit'), leg('stop', '.stop')];
  const effects: GroupEffect[] = [];
  for (const order of orders) effects.push({ kind: 'update', order });
  for (const order of orders) effects.push({ kind: 'place', orderId: order.id });
  return { orders, effects };
}
