import type { ChainRow } from '../../../shared/options/wire/chain-row';

/**
 * The rows of the `n` listed strikes each side of the money and the
 * at-the-money strike itself (the listed strike nearest the underlying's
 * price, the lower one on a tie): 2n + 1 strikes, fewer at the grid's ends.
 */
export function strikesAround<R extends Pick<ChainRow, 'strike'>>(rows: readonly R[], price: number, n: number): R[] {
  const strikes = [...new Set(rows.map((r) => r.strike))].sort((a, b) => a - b);
  if (strikes.length === 0) return [];
  let atm = 0;
  strikes.forEach((k, i) => {
    if (Math.abs(k - price) < Math.abs((strikes[atm] ?? 0) - price)) atm = i;
  });
  const low = strikes[Math.max(atm - n, 0)] ?? 0;
  const high = strikes[Math.min(atm + n, strikes.length - 1)] ?? 0;
  return rows.filter((r) => r.strike >= low && r.strike <= high);
}
