import type { BacktestRun, JournalStatsWire } from '../../shared/contract';
import { ORB_DOWN, ORB_UP } from '../../shared/strategy/strategies/orb';

/** The traders' two models and their setups' ids (shared/strategy/strategies/orb.ts and time-window.ts). */
export const MODELS = [
  { strategy: 'orb', name: 'Opening range breakout', setups: [ORB_UP, ORB_DOWN] },
  { strategy: 'time-window', name: 'Time-window sweep & retest', setups: ['sweep-low', 'sweep-high', 'retest-high', 'retest-low'] },
] as const;

export interface PlayedOutRow {
  readonly setup: string;
  /** Your trades of the setup, and how many played out (closed with a profit). */
  readonly mine: { readonly trades: number; readonly played: number } | null;
  /** The latest saved backtest of the model: its trades of the setup and how many played out. */
  readonly tested: { readonly trades: number; readonly played: number } | null;
}

/**
 * "How many times it actually played out", per setup of a model: your closed
 * trades of that setup (by playbook name, setup tag or the signal that
 * opened them, compared without case) next to the latest saved backtest of
 * the model (its trades of the setup and how many won).
 */
export function playedOutRows(setups: readonly string[], stats: JournalStatsWire | null, run: BacktestRun | null): PlayedOutRow[] {
  const mine = new Map((stats?.byGroup.setup ?? []).map((g) => [g.key.toLowerCase(), g.stats]));
  const tested = new Map((run?.result.setups ?? []).map((s) => [s.setup.toLowerCase(), s]));
  const all = [...setups, ...[...tested.keys()].filter((k) => !setups.includes(k))];
  return all.map((setup) => {
    const m = mine.get(setup.toLowerCase());
    const t = tested.get(setup.toLowerCase());
    return {
      setup,
      mine: m === undefined ? null : { trades: m.trades, played: m.wins },
      tested: t === undefined ? null : { trades: t.trades, played: Math.round((t.winRatePct * t.trades) / 100) },
    };
  });
}
