import { cleanAmount } from '../../shared/trading/decimal-steps';
import { markOf, unrealizedPnl } from '../../shared/trading/position-mark';
import type { Position } from '../../shared/trading/position';
import type { Quote } from '../../shared/trading/quote';
import { instrumentKey } from './quote-key';

/** An account's money now: cash, the unrealised P&L of its marked open positions, their sum. */
export interface AccountMoney {
  readonly cash: number;
  readonly unrealizedPnl: number;
  /** Realised P&L since the last reset, closed positions included (before fees). */
  readonly realizedPnl: number;
  readonly fees: number;
  readonly equity: number;
  /** Open positions without a quote yet (their P&L is not in the totals). */
  readonly unmarked: number;
}

/** Cash plus the unrealised P&L of the open positions marked by `quotes` (markOf: the mid of a book). */
export function accountMoney(cash: number, positions: readonly Position[], quotes: Readonly<Record<string, Quote>>): AccountMoney {
  let unrealized = 0;
  let realized = 0;
  let fees = 0;
  let unmarked = 0;
  for (const p of positions) {
    realized += p.realizedPnl;
    fees += p.fees;
    if (p.qty === 0) continue;
    const quote = quotes[instrumentKey(p.source, p.symbol)];
    if (quote === undefined) unmarked += 1;
    else unrealized += unrealizedPnl(p, markOf(quote));
  }
  const u = cleanAmount(unrealized);
  return { cash, unrealizedPnl: u, realizedPnl: cleanAmount(realized), fees: cleanAmount(fees), equity: cleanAmount(cash + u), unmarked };
}
