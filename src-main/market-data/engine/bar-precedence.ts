import type { Bar } from '../../../shared/domain/bar';
import { ORIGIN_HISTORY, type Origin } from './bar-ring';

/**
 * Which of two versions of the same bar (same open time) is the truth. A total
 * order, so keeping the greater version is commutative, associative and
 * idempotent: any interleaving of history and live updates, duplicates and
 * reorderings included, ends on the same bars. In order of importance:
 * 1. a final bar beats a forming one (a final bar stays final);
 * 2. among final bars, the venue's own history beats one built from trades
 *    (the exchange's closed bar is the reference);
 * 3. more trades, then more volume, beats less (a forming bar only grows, so
 *    history never replaces a newer live bar, and a late-trade correction wins);
 * 4. remaining ties are broken on the prices, so the order is total.
 */
export function compareVersions(a: Bar, ao: Origin, b: Bar, bo: Origin): number {
  if (a.final !== b.final) return a.final ? 1 : -1;
  if (a.final && ao !== bo) return ao === ORIGIN_HISTORY ? 1 : -1;
  return (
    Math.sign(a.trades - b.trades) ||
    Math.sign(a.volume - b.volume) ||
    Math.sign(a.close - b.close) ||
    Math.sign(a.high - b.high) ||
    Math.sign(b.low - a.low) ||
    Math.sign(a.open - b.open)
  );
}
