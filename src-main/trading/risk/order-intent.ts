import type { Position } from '../../../shared/trading/position';
import type { RiskIntent, RiskOrder } from './risk-types';

/** An exit when the order is against the symbol's position and no larger than it; otherwise an entry (it opens, adds or flips). */
export function orderIntent(order: Pick<RiskOrder, 'side' | 'qty'>, position: Pick<Position, 'qty'> | null): Exclude<RiskIntent, 'flatten'> {
  const held = position?.qty ?? 0;
  const signed = order.side === 'buy' ? order.qty : -order.qty;
  return held !== 0 && Math.sign(signed) !== Math.sign(held) && order.qty <= Math.abs(held) ? 'exit' : 'entry';
}

/** The position of the order's (source, symbol), if any. */
export function positionFor(positions: readonly Position[], order: Pick<RiskOrder, 'source' | 'symbol'>): Position | null {
  return positions.find((p) => p.source === order.source && p.symbol === order.symbol) ?? null;
}
