import { BACKTEST_STAT_NAMES, type BacktestStats } from '../../shared/contract';
import type { Tone } from '../app/status-tone';
import { DASH, formatNumber, formatShortUtc, formatSigned } from './number-format';

/** How a statistic is shown. */
export type StatKind = 'time' | 'count' | 'bars' | 'pct' | 'signedPct' | 'ratio' | 'money';

/** Which way is better when two runs are compared (null: neither). */
export type Better = 'higher' | 'lower' | null;

export interface StatSpec {
  readonly label: string;
  readonly kind: StatKind;
  readonly better: Better;
  /** Green above zero, red below (returns and per-trade figures). */
  readonly signTone?: boolean;
}

/** Every field of `backtestStatsSchema`, with its human label, unit and direction. */
export const STAT_SPECS = {
  start: { label: 'Start (UTC)', kind: 'time', better: null },
  end: { label: 'End (UTC)', kind: 'time', better: null },
  bars: { label: 'Bars', kind: 'count', better: null },
  exposurePct: { label: 'Exposure time', kind: 'pct', better: null },
  equityFinal: { label: 'Final equity', kind: 'money', better: 'higher' },
  equityPeak: { label: 'Peak equity', kind: 'money', better: 'higher' },
  returnPct: { label: 'Return', kind: 'signedPct', better: 'higher', signTone: true },
  buyHoldReturnPct: { label: 'Buy & hold return', kind: 'signedPct', better: null, signTone: true },
  returnAnnPct: { label: 'Annualised return', kind: 'signedPct', better: 'higher', signTone: true },
  volatilityAnnPct: { label: 'Annualised volatility', kind: 'pct', better: 'lower' },
  cagrPct: { label: 'CAGR', kind: 'signedPct', better: 'higher', signTone: true },
  sharpe: { label: 'Sharpe ratio', kind: 'ratio', better: 'higher' },
  sortino: { label: 'Sortino ratio', kind: 'ratio', better: 'higher' },
  calmar: { label: 'Calmar ratio', kind: 'ratio', better: 'higher' },
  maxDrawdownPct: { label: 'Max drawdown', kind: 'signedPct', better: 'higher' },
  avgDrawdownPct: { label: 'Avg drawdown', kind: 'signedPct', better: 'higher' },
  maxDrawdownDurationBars: { label: 'Max drawdown duration', kind: 'bars', better: 'lower' },
  trades: { label: 'Trades', kind: 'count', better: null },
  winRatePct: { label: 'Win rate', kind: 'pct', better: 'higher' },
  bestTradePct: { label: 'Best trade', kind: 'signedPct', better: 'higher', signTone: true },
  worstTradePct: { label: 'Worst trade', kind: 'signedPct', better: 'higher', signTone: true },
  avgTradePct: { label: 'Avg trade', kind: 'signedPct', better: 'higher', signTone: true },
  profitFactor: { label: 'Profit factor', kind: 'ratio', better: 'higher' },
  expectancyPct: { label: 'Expectancy', kind: 'signedPct', better: 'higher', signTone: true },
  sqn: { label: 'SQN', kind: 'ratio', better: 'higher' },
  commissionsPaid: { label: 'Commissions paid', kind: 'money', better: 'lower' },
  longestLosingStreak: { label: 'Longest losing streak', kind: 'count', better: 'lower' },
  riskOfRuinPct: { label: 'Risk of ruin (half the equity)', kind: 'pct', better: 'lower' },
} as const satisfies Record<keyof BacktestStats, StatSpec>;

export type StatName = keyof BacktestStats;

/** One statistic's value as shown in a table cell. */
export function formatStat(kind: StatKind, value: number | null): string {
  if (value === null) return DASH;
  switch (kind) {
    case 'time':
      return formatShortUtc(value);
    case 'count':
      return formatNumber(value, 0);
    case 'bars':
      return Number.isFinite(value) ? `${formatNumber(value, 0)} bars` : DASH;
    case 'pct':
      return Number.isFinite(value) ? `${formatNumber(value, 2)}%` : DASH;
    case 'signedPct':
      return Number.isFinite(value) ? `${formatSigned(value, 2)}%` : DASH;
    case 'ratio':
    case 'money':
      return formatNumber(value, 2);
  }
}

/** Green above zero, red below, nothing at zero or unknown. */
export function signTone(value: number | null): Tone | undefined {
  if (value === null || !Number.isFinite(value) || Number(value.toFixed(2)) === 0) return undefined;
  return value > 0 ? 'good' : 'bad';
}

export interface StatRow {
  readonly key: StatName;
  readonly label: string;
  readonly value: string;
  readonly tone: Tone | undefined;
}

/** The statistics table: every field in the contract's order. */
export function statRows(stats: BacktestStats): StatRow[] {
  return BACKTEST_STAT_NAMES.map((key) => {
    const spec: StatSpec = STAT_SPECS[key];
    const value = stats[key];
    return { key, label: spec.label, value: formatStat(spec.kind, value), tone: spec.signTone === true ? signTone(value) : undefined };
  });
}
