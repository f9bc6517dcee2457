import { addDecimal, cleanAmount } from '../../../shared/trading/decimal-steps';
import type { Execution } from '../../../shared/trading/execution';
import type { Position } from '../../../shared/trading/position';

/**
 * Positions derived from executions (the truth of trading), per account and
 * (source, symbol): signed quantity, average price, realised P&L and fees.
 * - adding to a position (or opening one) averages the price by quantity;
 * - reducing realises (fill − average) × closed qty × multiplier (× −1 for a
 *   short) and keeps the average;
 * - a fill through zero closes the old side and opens the rest at the fill
 *   price (openedAt becomes the fill's time); at zero the average is 0 and
 *   openedAt null, the realised P&L and fees stay (cash depends on them).
 * Realised P&L is before fees; fees add up separately. Amounts are cleaned of
 * binary noise (12 significant digits).
 */
export function positionKey(source: string, symbol: string): string {
  return `${source}:${symbol}`;
}

export function flatPosition(execution: Pick<Execution, 'accountId' | 'source' | 'symbol' | 'multiplier' | 'underlying'>): Position {
  return {
    accountId: execution.accountId,
    source: execution.source,
    symbol: execution.symbol,
    qty: 0,
    avgPrice: 0,
    multiplier: execution.multiplier,
    realizedPnl: 0,
    fees: 0,
    openedAt: null,
    underlying: execution.underlying,
  };
}

/** The position after one execution (null: there was none). */
export function applyExecution(position: Position | null, execution: Execution): Position {
  const p = position ?? flatPosition(execution);
  const signed = execution.side === 'buy' ? execution.qty : -execution.qty;
  const qty = addDecimal(p.qty, signed);
  const fees = addDecimal(p.fees, execution.fee);
  const held = Math.abs(p.qty);
  if (p.qty === 0 || Math.sign(p.qty) === Math.sign(signed)) {
    const avgPrice = cleanAmount((held * p.avgPrice + execution.qty * execution.price) / Math.abs(qty));
    return { ...p, qty, avgPrice, fees, openedAt: p.qty === 0 ? execution.time : p.openedAt };
  }
  const closed = Math.min(execution.qty, held);
  const realizedPnl = cleanAmount(p.realizedPnl + (execution.price - p.avgPrice) * closed * Math.sign(p.qty) * p.multiplier);
  if (qty === 0) return { ...p, qty: 0, avgPrice: 0, realizedPnl, fees, openedAt: null };
  if (Math.sign(qty) === Math.sign(p.qty)) return { ...p, qty, realizedPnl, fees };
  return { ...p, qty, avgPrice: execution.price, realizedPnl, fees, openedAt: execution.time };
}

/** Every (source, symbol) position of the executions, folded in the order given (time order), closed ones included. */
export function positionsFromExecutions(executions: readonly Execution[]): Position[] {
  const book = new Map<string, Position>();
  for (const e of executions) {
    const key = `${e.accountId}|${positionKey(e.source, e.symbol)}`;
    book.set(key, applyExecution(book.get(key) ?? null, e));
  }
  return [...book.values()];
}

/** The open ones (qty ≠ 0): what `positions.list` shows. */
export function openPositions(positions: readonly Position[]): Position[] {
  return positions.filter((p) => p.qty !== 0);
}
