import { subDecimal } from '../../../shared/trading/decimal-steps';
import { formatAmount, formatLimit, formatPrice, formatQty } from '../../../shared/trading/format-amount';
import { isFinalStatus } from '../orders/order-machine';
import { positionFor } from './order-intent';
import { notional, valuationPrice } from './order-value';
import type { RiskContext, RiskRefusal } from './risk-types';

/** Size and pace limits: per order, per symbol, open positions, orders per minute. */

const MINUTE_MS = 60_000;

/** One order's notional (qty × price × multiplier, valued by valuationPrice) above maxOrderNotional; a market order with no price cannot be valued and is refused. */
export function orderNotionalRule(ctx: RiskContext): RiskRefusal | null {
  const limit = ctx.settings.maxOrderNotional;
  const head = `max order notional ${formatLimit(limit)} ${ctx.currency}`;
  const price = valuationPrice(ctx);
  if (price === null) return { rule: 'max_order_notional', field: 'qty', message: `${head}: no price to value this market order (no quote for ${ctx.order.symbol})` };
  const value = notional(ctx.order.qty, price, ctx.instrument.multiplier);
  if (value <= limit) return null;
  return { rule: 'max_order_notional', field: 'qty', message: `${head}: this order is ${formatAmount(value)} ${ctx.currency}` };
}

/**
 * The symbol's exposure if this order and the account's other live entries
 * on it all filled (position + working entries + entries passed but not yet
 * committed + this order, signed), valued
 * at this order's price, above maxPositionNotional (0: no limit).
 */
export function positionRule(ctx: RiskContext): RiskRefusal | null {
  const limit = ctx.settings.maxPositionNotional;
  if (limit <= 0) return null;
  const price = valuationPrice(ctx);
  if (price === null) return null;
  const { order } = ctx;
  const sign = (side: string): number => (side === 'buy' ? 1 : -1);
  let qty = positionFor(ctx.positions, order)?.qty ?? 0;
  for (const o of ctx.workingOrders) {
    if (o.source !== order.source || o.symbol !== order.symbol || o.role !== 'entry' || o.status === 'held' || isFinalStatus(o.status)) continue;
    qty += sign(o.side) * subDecimal(o.qty, o.filledQty);
  }
  for (const o of ctx.acceptedOrders) if (o.source === order.source && o.symbol === order.symbol) qty += sign(o.side) * o.qty;
  qty += sign(order.side) * order.qty;
  const size = Math.abs(qty);
  const value = notional(size, price, ctx.instrument.multiplier);
  if (value <= limit) return null;
  return {
    rule: 'max_position',
    field: 'qty',
    message: `max position ${formatLimit(limit)} ${ctx.currency} per symbol: ${order.symbol} would reach ${formatAmount(value)} ${ctx.currency} (${formatQty(size)} at ${formatPrice(price, ctx.instrument.tickSize)})`,
  };
}

/** An order that would open a position on a new symbol while maxOpenPositions are open already (0: no limit). */
export function openPositionsRule(ctx: RiskContext): RiskRefusal | null {
  const limit = ctx.settings.maxOpenPositions;
  if (limit <= 0) return null;
  if ((positionFor(ctx.positions, ctx.order)?.qty ?? 0) !== 0) return null;
  const open = ctx.positions.filter((p) => p.qty !== 0);
  if (open.length < limit) return null;
  return {
    rule: 'max_open_positions',
    field: 'symbol',
    message: `max open positions ${String(limit)}: ${String(open.length)} are open (${open.map((p) => p.symbol).join(', ')})`,
  };
}

/** maxOrdersPerMinute orders already sent in the minute up to now (now − 60 s, now] (0: no limit). */
export function ordersPerMinuteRule(ctx: RiskContext): RiskRefusal | null {
  const limit = ctx.settings.maxOrdersPerMinute;
  if (limit <= 0) return null;
  const sent = ctx.recentOrderTimes.filter((t) => t > ctx.now - MINUTE_MS && t <= ctx.now).length;
  if (sent < limit) return null;
  return { rule: 'max_orders_per_minute', field: '', message: `max ${String(limit)} orders per minute: ${String(sent)} sent in the last minute` };
}
