import type { SymbolId } from '../../../../shared/domain/symbol';
import { contractFromOcc } from '../../../../shared/options/option-contract';
import type { Execution } from '../../../../shared/trading/execution';
import type { Position } from '../../../../shared/trading/position';
import { positionsFromExecutions } from '../../positions/position-ledger';

/** Alpaca's figure for one symbol: signed quantity and average entry price (null when only the quantity is known, from a fill event). */
export interface AlpacaHolding {
  readonly qty: number;
  readonly avgEntryPrice: number | null;
}

/** A symbol whose quantity Tapedeck's fills and Alpaca disagree on. */
export interface PositionDifference {
  readonly symbol: string;
  readonly tapedeck: number;
  readonly alpaca: number;
}

/** The multiplier and underlying of an Alpaca symbol: an OCC option symbol is a contract of 100. */
export function alpacaSymbolTerms(symbol: string): { readonly multiplier: number; readonly underlying: SymbolId | null } {
  const c = contractFromOcc(symbol);
  return c.ok ? { multiplier: c.value.multiplier, underlying: c.value.underlying as SymbolId } : { multiplier: 1, underlying: null };
}

/**
 * The positions of an Alpaca account: derived from its fills (the truth of
 * Tapedeck's trading: realised P&L, fees, when they opened), with Alpaca's
 * holdings as the broker of record — a symbol whose quantity Alpaca sees
 * otherwise (a position opened elsewhere, a fill Tapedeck never heard of)
 * shows Alpaca's quantity and average, and is listed as a difference for
 * the audit log. Without Alpaca's figures yet, the fills alone.
 */
export function alpacaPositions(accountId: string, executions: readonly Execution[], holdings: ReadonlyMap<string, AlpacaHolding> | null): { positions: Position[]; differences: PositionDifference[] } {
  const all = positionsFromExecutions(executions);
  if (holdings === null) return { positions: all, differences: [] };
  const bySymbol = new Map(all.filter((p) => p.source === 'alpaca').map((p) => [p.symbol as string, p]));
  const positions: Position[] = all.filter((p) => p.source !== 'alpaca');
  const differences: PositionDifference[] = [];
  for (const symbol of new Set([...bySymbol.keys(), ...holdings.keys()])) {
    const d = bySymbol.get(symbol);
    const a = holdings.get(symbol);
    const alpacaQty = a?.qty ?? 0;
    const ours = d?.qty ?? 0;
    if (alpacaQty === ours) {
      if (d !== undefined) positions.push(d);
      continue;
    }
    differences.push({ symbol, tapedeck: ours, alpaca: alpacaQty });
    const terms = alpacaSymbolTerms(symbol);
    const base: Position = d ?? { accountId, source: 'alpaca', symbol: symbol as SymbolId, qty: 0, avgPrice: 0, multiplier: terms.multiplier, realizedPnl: 0, fees: 0, openedAt: null, underlying: terms.underlying };
    positions.push({ ...base, qty: alpacaQty, avgPrice: alpacaQty === 0 ? 0 : (a?.avgEntryPrice ?? (d === undefined ? 0 : d.avgPrice)) });
  }
  return { positions, differences };
}
