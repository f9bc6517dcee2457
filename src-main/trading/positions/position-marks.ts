import { cleanAmount } from '../../../shared/trading/decimal-steps';
import type { Position } from '../../../shared/trading/position';
import { markOf, unrealizedPnl } from '../../../shared/trading/position-mark';
import { positionKey } from './position-ledger';

/** Marks (markOf, unrealizedPnl: shared with the renderer's positions) and the money of an account. */
export { markOf, unrealizedPnl };

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
