import { cleanAmount } from '../../../shared/trading/decimal-steps';
import type { Position } from '../../../shared/trading/position';
import type { Quote } from '../../../shared/trading/quote';
import { positionKey } from './position-ledger';

/**
 * Marks and money of an account. A position is marked at the quote's mid
 * when it is a real book; at its last price when the quote is synthetic
 * (only trades or bars exist: the "spread" is made up), falling back to the
 * mid without one.
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

export interface AccountTotals {
  /** Starting cash + realised P&L − fees (the account's `cash`). */
  readonly cash: number;
  readonly realizedPnl: number;
  readonly fees: number;
  /** Over the open positions that have a mark. */
  readonly unrealizedPnl: number;
  /** cash + unrealised P&L. */
  readonly equity: number;
  /** Open positions without a mark (their unrealised P&L is not in the total). */
  readonly unmarked: readonly string[];
}

/** Cash from the starting cash and the positions' realised P&L and fees (closed positions included). */
export function cashOf(startingCash: number, positions: readonly Position[]): number {
  return cleanAmount(positions.reduce((cash, p) => cash + p.realizedPnl - p.fees, startingCash));
}

/** Totals of an account; `marks` by positionKey(source, symbol). */
export function accountTotals(startingCash: number, positions: readonly Position[], marks: ReadonlyMap<string, number>): AccountTotals {
  let realized = 0;
  let fees = 0;
  let unrealized = 0;
  const unmarked: string[] = [];
  for (const p of positions) {
    realized += p.realizedPnl;
    fees += p.fees;
    if (p.qty === 0) continue;
    const key = positionKey(p.source, p.symbol);
    const mark = marks.get(key);
    if (mark === undefined) unmarked.push(key);
    else unrealized += unrealizedPnl(p, mark);
  }
  const cash = cashOf(startingCash, positions);
  return { cash, realizedPnl: cleanAmount(realized), fees: cleanAmount(fees), unrealizedPnl: cleanAmount(unrealized), equity: cleanAmount(cash + unrealized), unmarked };
}
