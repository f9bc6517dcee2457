import type { ChainRow } from '../../shared/options/wire/chain-row';

/** One line of the chain table: the call and the put of a strike (either may be missing). */
export interface StrikeLine {
  readonly strike: number;
  readonly call: ChainRow | null;
  readonly put: ChainRow | null;
  /** The at-the-money strike: the listed strike nearest the underlying (the lower one on a tie). */
  readonly atm: boolean;
}

/** A chain's rows as calls | strike | puts lines, ascending by strike, the at-the-money line flagged. */
export function strikeLadder(rows: readonly ChainRow[], underlyingPrice: number): StrikeLine[] {
  const byStrike = new Map<number, { call: ChainRow | null; put: ChainRow | null }>();
  for (const r of rows) {
    const line = byStrike.get(r.strike) ?? { call: null, put: null };
    if (r.type === 'call') line.call = r;
    else line.put = r;
    byStrike.set(r.strike, line);
  }
  const strikes = [...byStrike.keys()].sort((a, b) => a - b);
  let atm: number | null = null;
  for (const k of strikes) if (atm === null || Math.abs(k - underlyingPrice) < Math.abs(atm - underlyingPrice)) atm = k;
  return strikes.map((strike) => ({ strike, call: byStrike.get(strike)?.call ?? null, put: byStrike.get(strike)?.put ?? null, atm: strike === atm }));
}

/** The index of the at-the-money line (where the table centres itself), or -1. */
export function atmIndex(lines: readonly StrikeLine[]): number {
  return lines.findIndex((l) => l.atm);
}
