import { cleanAmount } from '../../../shared/trading/decimal-steps';
import type { RiskContext } from './risk-types';

/**
 * The price an order is valued at: its limit (a limit's or stop-limit's
 * worst fill), else its stop, else what a market order meets now (the ask
 * for a buy, the bid for a sell); null when no quote is known.
 */
export function valuationPrice(ctx: Pick<RiskContext, 'order' | 'market'>): number | null {
  const { order, market } = ctx;
  const own = order.limitPrice ?? order.stopPrice ?? null;
  if (own !== null) return own;
  const q = market.quote;
  if (q === null) return null;
  return order.side === 'buy' ? q.ask : q.bid;
}

/** qty × price × multiplier. */
export function notional(qty: number, price: number, multiplier: number): number {
  return cleanAmount(qty * price * multiplier);
}
