import { Rng } from '../../../shared/random/seeded-random';

/** Bootstrap paths drawn. */
export const RUIN_PATHS = 10_000;
/** Draws at most (paths × trades): a run with more than 2,000 trades draws fewer paths, never under RUIN_MIN_PATHS. */
export const RUIN_DRAW_BUDGET = 20_000_000;
export const RUIN_MIN_PATHS = 1_000;
/** Equity at or below this fraction of the start is ruin. */
export const RUIN_LEVEL = 0.5;
/** Fewer trades than this give no estimate. */
export const RUIN_MIN_TRADES = 5;
/** The bootstrap's fixed seed: the same trades always give the same figure. */
export const RUIN_SEED = 0x5eed_2024;

/**
 * Risk of ruin by a seeded bootstrap of the run's trade returns:
 * 10,000 paths (fewer past 2,000 trades: 20,000,000 draws in all, at least
 * 1,000 paths, so a million-bar run with 35,000 trades stays well under a
 * second); each draws, with replacement (a fixed-seed splitmix32 stream,
 * index = floor(uniform * n)), as many trade returns as the run had trades,
 * and compounds equity from 1 by (1 + returnPct / 100) after each draw; a
 * path is ruined once equity is at or below 0.5 after any draw. The answer is
 * the percent of paths ruined (0 to 100); null with fewer than 5 trades.
 * Deterministic: no clock, and the seed is a constant. It costs up to
 * 20,000,000 draws (some 0.5 s), so the optimiser's evaluations leave it out
 * (RunOptions.riskOfRuin).
 *
 * A ruined path stops drawing (the rest cannot un-ruin it; the next path
 * goes on with the stream's next number). When even the worst trade drawn
 * every time cannot bring equity to 0.5 (worst^n > 0.5, with a margin for
 * rounding), no path can: the answer is 0 without drawing.
 */
export function riskOfRuinPct(returnsPct: readonly number[]): number | null {
  const n = returnsPct.length;
  if (n < RUIN_MIN_TRADES) return null;
  const growth = new Float64Array(n);
  let worst = Number.POSITIVE_INFINITY;
  for (let i = 0; i < n; i++) {
    const g = 1 + (returnsPct[i] ?? 0) / 100;
    growth[i] = g;
    if (g < worst) worst = g;
  }
  if (worst >= 1 || (worst > 0 && n * Math.log(worst) > Math.log(RUIN_LEVEL) + 1e-9)) return 0;
  const rng = new Rng(RUIN_SEED);
  let ruined = 0;
  const paths = Math.max(RUIN_MIN_PATHS, Math.min(RUIN_PATHS, Math.floor(RUIN_DRAW_BUDGET / n)));
  for (let path = 0; path < paths; path++) {
    let equity = 1;
    for (let step = 0; step < n; step++) {
      equity *= growth[Math.floor(rng.uniform() * n)] ?? 1;
      if (equity <= RUIN_LEVEL) {
        ruined++;
        break;
      }
    }
  }
  return (ruined * 100) / paths;
}
