import { cleanAmount } from './decimal-steps';
import type { Position } from './position';
import type { Quote } from './quote';

/**
 * The price a position is marked at: the quote's mid when it is a real book;
 * its last price when the quote is synthetic (only trades or bars exist: the
 * "spread" is made up), falling back to the mid without one.
 */
export function markOf(quote: Pick<Quote, 'bid' | 'ask' | 'last' | 'kind'>): number {
  if (quote.kind === 'synthetic' && quote.last !== null) return quote.last;
  return cleanAmount((quote.bid + quote.ask) / 2);
}

/** (mark − average) × signed qty × multiplier; 0 when flat. */
export function unrealizedPnl(position: Pick<Position, 'qty' | 'avgPrice' | 'multiplier'>, mark: number): number {
  if (position.qty === 0) return 0;
  return cleanAmount((mark - position.avgPrice) * position.qty * position.multiplier);
}
