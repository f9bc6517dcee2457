import { markOf, unrealizedPnl } from '../../shared/trading/position-mark';
import type { Order } from '../../shared/trading/order';
import type { Position } from '../../shared/trading/position';
import type { Quote } from '../../shared/trading/quote';
import { orderLabel, workingPrice } from '../trading/order-text';

/** One rung of a position's live book: an exit working above the ask or below the bid, the ask, the mark, the bid. */
export interface LadderRung {
  readonly kind: 'exit' | 'ask' | 'mark' | 'bid';
  /** TP / SL / OCO TP / OCO SL for an exit; Ask, Mark, Bid. */
  readonly label: string;
  readonly price: number | null;
  /** The exit order (for its id, qty and status). */
  readonly order: Order | null;
}

/** The working exits of an open position: take-profits, stops and OCO legs on its symbol, live at the broker (not held). */
export function exitsOf(position: Pick<Position, 'accountId' | 'source' | 'symbol' | 'qty'>, live: readonly Order[]): Order[] {
  const closing = position.qty > 0 ? 'sell' : 'buy';
  return live.filter(
    (o) =>
      o.accountId === position.accountId &&
      o.source === position.source &&
      o.symbol === position.symbol &&
      o.role !== 'entry' &&
      o.side === closing &&
      o.status !== 'held',
  );
}

/**
 * The position's live book, highest price first: exits above the ask (a
 * long's take-profit, a short's stop), then ask, mark and bid, then exits
 * below the bid (a long's stop, a short's take-profit). The trader's "the
 * ask is my take profit": the take-profit sits right beside the ask.
 */
export function positionLadder(position: Pick<Position, 'accountId' | 'source' | 'symbol' | 'qty'>, quote: Pick<Quote, 'bid' | 'ask' | 'last' | 'kind'> | null, live: readonly Order[]): LadderRung[] {
  const exits = exitsOf(position, live)
    .map((o) => ({ order: o, price: workingPrice(o) }))
    .filter((e): e is { order: Order; price: number } => e.price !== null)
    .sort((a, b) => b.price - a.price);
  const mark = quote === null ? null : markOf(quote);
  const pivot = mark ?? (position.qty > 0 ? Number.NEGATIVE_INFINITY : Number.POSITIVE_INFINITY);
  const rung = (e: { order: Order; price: number }): LadderRung => ({ kind: 'exit', label: orderLabel(e.order), price: e.price, order: e.order });
  return [
    ...exits.filter((e) => e.price >= pivot).map(rung),
    { kind: 'ask', label: 'Ask', price: quote?.ask ?? null, order: null },
    { kind: 'mark', label: 'Mark', price: mark, order: null },
    { kind: 'bid', label: 'Bid', price: quote?.bid ?? null, order: null },
    ...exits.filter((e) => e.price < pivot).map(rung),
  ];
}

/** An open position's unrealised P&L at the quote's mark; null without a quote. */
export function positionPnl(position: Pick<Position, 'qty' | 'avgPrice' | 'multiplier'>, quote: Pick<Quote, 'bid' | 'ask' | 'last' | 'kind'> | null): number | null {
  return quote === null ? null : unrealizedPnl(position, markOf(quote));
}
