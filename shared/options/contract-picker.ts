import { nyLocal } from '../market/new-york-time';
import type { OptionContract } from './option-contract';
import { refuse, type Checked } from './options-input-error';

/**
 * "Direction to contract": the user's rule turns "calls" or "puts" (from a
 * chart signal or a hotkey) into one listed contract.
 * - Expiry: the nearest expiration at least `minDays` calendar days after
 *   today (New York date of `now`); 0 allows today's (0DTE) while it trades.
 * - Strike, either the nearest |delta| to a target (0.30 picks the 30-delta
 *   call or the −0.30 put; a tie goes to the strike further out of the money),
 *   or ATM ± k strikes: ATM is the listed strike nearest the underlying (the
 *   lower on a tie) and k > 0 steps out of the money (up for calls, down for
 *   puts), k < 0 into it.
 */
export type StrikeRule = { readonly kind: 'delta'; readonly target: number } | { readonly kind: 'atm-offset'; readonly steps: number };

export interface PickRule {
  readonly side: 'calls' | 'puts';
  readonly minDays: number;
  readonly strike: StrikeRule;
}

/** A listed contract with its current delta (from the chain's model). */
export interface PickCandidate {
  readonly contract: OptionContract;
  readonly delta: number;
}

function pickExpiry(live: readonly PickCandidate[], today: number, minDays: number): number | null {
  let best: number | null = null;
  for (const c of live) {
    const d = c.contract.expiryDate;
    if (d - today >= minDays && (best === null || d < best)) best = d;
  }
  return best;
}

function byDelta(series: readonly PickCandidate[], target: number): PickCandidate | undefined {
  let best: PickCandidate | undefined;
  let bestGap = Number.POSITIVE_INFINITY;
  for (const c of series) {
    const gap = Math.abs(Math.abs(c.delta) - target);
    if (gap < bestGap || (gap === bestGap && best !== undefined && Math.abs(c.delta) < Math.abs(best.delta))) {
      best = c;
      bestGap = gap;
    }
  }
  return best;
}

function byAtmOffset(series: readonly PickCandidate[], spot: number, steps: number, calls: boolean): Checked<PickCandidate> {
  const sorted = [...series].sort((a, b) => a.contract.strike - b.contract.strike);
  let atm = 0;
  sorted.forEach((c, i) => {
    if (Math.abs(c.contract.strike - spot) < Math.abs((sorted[atm]?.contract.strike ?? 0) - spot)) atm = i;
  });
  const index = atm + (calls ? steps : -steps);
  const picked = sorted[index];
  if (picked === undefined) {
    return refuse('strike', `ATM ${steps >= 0 ? '+' : '−'} ${String(Math.abs(steps))} is beyond the ${String(sorted.length)} listed strikes (ATM is ${String(sorted[atm]?.contract.strike ?? spot)})`);
  }
  return { ok: true, value: picked };
}

export function pickContract(candidates: readonly PickCandidate[], spot: number, now: number, rule: PickRule): Checked<PickCandidate> {
  if (!(Number.isInteger(rule.minDays) && rule.minDays >= 0)) return refuse('minDays', `must be a whole number of days, 0 or more, got ${String(rule.minDays)}`);
  if (rule.strike.kind === 'delta' && !(rule.strike.target > 0 && rule.strike.target < 1)) {
    return refuse('delta', `must be between 0 and 1 (0.30 for the 30-delta), got ${String(rule.strike.target)}`);
  }
  if (rule.strike.kind === 'atm-offset' && !Number.isInteger(rule.strike.steps)) return refuse('steps', `must be a whole number of strikes, got ${String(rule.strike.steps)}`);
  const type = rule.side === 'calls' ? 'call' : 'put';
  const live = candidates.filter((c) => c.contract.type === type && c.contract.expiryTime > now);
  const today = nyLocal(now).days;
  const expiry = pickExpiry(live, today, rule.minDays);
  if (expiry === null) return refuse('expiry', `no ${rule.side} expire ${String(rule.minDays)} or more days from today`);
  const series = live.filter((c) => c.contract.expiryDate === expiry);
  if (rule.strike.kind === 'atm-offset') return byAtmOffset(series, spot, rule.strike.steps, type === 'call');
  const picked = byDelta(series, rule.strike.target);
  return picked === undefined ? refuse('strike', 'no strikes listed') : { ok: true, value: picked };
}
