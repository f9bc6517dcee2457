import { parseOccSymbol, type OccParts } from '../../shared/options/occ-symbol';
import { breakEven } from '../../shared/options/ticket-math';
import { cleanAmount } from '../../shared/trading/decimal-steps';
import type { Position } from '../../shared/trading/position';
import type { Quote } from '../../shared/trading/quote';
import { instrumentKey } from '../trading/quote-key';
import { daysTo } from './option-format';

/** One open option position as the options panel lists it (money in dollars; per contract = per share × multiplier). */
export interface OptionPositionRow {
  readonly key: string;
  readonly position: Position;
  readonly contract: OccParts;
  readonly underlying: string;
  /** The underlying's price now: its own quote's mid, else the one the contract's quote carries. */
  readonly underlyingPrice: number | null;
  readonly bid: number | null;
  readonly mark: number | null;
  readonly ask: number | null;
  /** (mark − average) × multiplier: per contract. */
  readonly pnlPerContract: number | null;
  /** (mark − average) × multiplier × qty. */
  readonly pnl: number | null;
  /** The underlying's break-even at expiry for the average premium. */
  readonly breakEven: number;
  /** Calendar days to expiry from the New York date of the quote (null before one). */
  readonly daysToExpiry: number | null;
}

/** The open positions in option contracts (OCC symbols), with their book, P&L per contract and in dollars, break-even and days to expiry. */
export function optionPositionRows(positions: readonly Position[], quotes: Readonly<Record<string, Quote>>): OptionPositionRow[] {
  const rows: OptionPositionRow[] = [];
  for (const p of positions) {
    if (p.qty === 0) continue;
    const parsed = parseOccSymbol(p.symbol);
    if (!parsed.ok) continue;
    const key = instrumentKey(p.source, p.symbol);
    const q = quotes[key] ?? null;
    const underlying = p.underlying ?? parsed.value.root;
    const uq = quotes[instrumentKey(p.source, underlying)] ?? null;
    const mark = q === null ? null : cleanAmount((q.bid + q.ask) / 2);
    const perContract = mark === null ? null : cleanAmount((mark - p.avgPrice) * p.multiplier * Math.sign(p.qty));
    rows.push({
      key,
      position: p,
      contract: parsed.value,
      underlying,
      underlyingPrice: uq === null ? (q?.underlyingPrice ?? null) : cleanAmount((uq.bid + uq.ask) / 2),
      bid: q?.bid ?? null,
      mark,
      ask: q?.ask ?? null,
      pnlPerContract: perContract,
      pnl: perContract === null ? null : cleanAmount(perContract * Math.abs(p.qty)),
      breakEven: Math.round(breakEven(parsed.value.type, parsed.value.strike, p.avgPrice) * 1000) / 1000,
      daysToExpiry: q === null ? null : daysTo(parsed.value.expiryDate, q.time),
    });
  }
  return rows;
}
