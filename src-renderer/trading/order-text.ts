import { describeExitSpec, exitDirection, type ExitLeg } from '../../shared/trading/exit-resolution';
import type { ExitSpec } from '../../shared/trading/exit-spec';
import { formatPrice, formatQty } from '../../shared/trading/format-amount';
import type { Order, OrderRequest, OrderType, Side } from '../../shared/trading/order';

const TYPE_LABELS: Readonly<Record<OrderType, string>> = { market: 'market', limit: 'limit', stop: 'stop', stop_limit: 'stop-limit' };

export function typeLabel(type: OrderType): string {
  return TYPE_LABELS[type];
}

/** "TP +0.1 per unit" (a distance, signed the way it moves from the entry), "SL 59,000.00" (a price). */
function exitText(leg: ExitLeg, spec: ExitSpec | null | undefined, side: Side, tickSize: number): string | null {
  if (spec === null || spec === undefined) return null;
  const sign = spec.kind === 'price' ? '' : exitDirection(leg, side) > 0 ? '+' : '\u2212';
  return `${leg === 'takeProfit' ? 'TP' : 'SL'} ${sign}${describeExitSpec(spec, tickSize)}`;
}

/** "Buy 0.001 BTCUSDT limit 60,000.00 · TP +0.1 per unit · GTC": an order as the confirmation and the notes say it. */
export function describeRequest(r: Pick<OrderRequest, 'side' | 'qty' | 'symbol' | 'type' | 'limitPrice' | 'stopPrice' | 'tif' | 'takeProfit' | 'stopLoss'>, tickSize: number): string {
  const side = r.side === 'buy' ? 'Buy' : 'Sell';
  const prices = [r.stopPrice === undefined ? null : `stop ${formatPrice(r.stopPrice, tickSize)}`, r.limitPrice === undefined ? null : `limit ${formatPrice(r.limitPrice, tickSize)}`].filter((x) => x !== null);
  const head = `${side} ${formatQty(r.qty)} ${r.symbol} ${typeLabel(r.type)}${prices.length === 0 ? '' : ` (${prices.join(', ')})`}`;
  return [head, exitText('takeProfit', r.takeProfit, r.side, tickSize), exitText('stopLoss', r.stopLoss, r.side, tickSize), r.tif.toUpperCase()].filter((x) => x !== null).join(' · ');
}

/** What an order is, in a word: its role, else its type. */
export function orderLabel(o: Pick<Order, 'role' | 'type'>): string {
  switch (o.role) {
    case 'take_profit':
      return 'TP';
    case 'stop_loss':
      return 'SL';
    case 'oco_leg':
      return o.type === 'limit' ? 'OCO TP' : 'OCO SL';
    case 'entry':
      return typeLabel(o.type).toUpperCase();
  }
}

/** The price an order works at (its limit, else its stop); null for a market order or an exit still held. */
export function workingPrice(o: Pick<Order, 'limitPrice' | 'stopPrice' | 'type'>): number | null {
  if (o.type === 'stop' || o.type === 'stop_limit') return o.stopPrice;
  return o.limitPrice;
}
