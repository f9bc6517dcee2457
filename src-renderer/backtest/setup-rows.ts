import type { SetupStats, UnfilledSignal } from '../../shared/contract';
import type { Tone } from '../app/status-tone';
import { formatNumber, formatSigned } from './number-format';

/** One setup family's line in the Setups table, formatted. */
export interface SetupRow {
  readonly setup: string;
  readonly trades: string;
  readonly winRate: string;
  readonly avgReturn: string;
  readonly profitFactor: string;
  readonly totalPnl: string;
  /** Good when the setup made money in total, bad when it lost. */
  readonly tone: Tone | undefined;
}

/** One line of the signals without position, formatted. */
export interface UnfilledRow {
  readonly key: string;
  readonly setup: string;
  readonly side: 'Long' | 'Short';
  readonly count: string;
  /** The underlying's mean move after the signal, e.g. "−0.42%". */
  readonly avgMove: string;
  /** Percent of them that moved the signal's way. */
  readonly favourable: string;
}

function tone(value: number): Tone | undefined {
  const rounded = Number(value.toFixed(2));
  return rounded > 0 ? 'good' : rounded < 0 ? 'bad' : undefined;
}

/** The trades by setup, as the result lists them (sorted by setup id). */
export function setupRows(setups: readonly SetupStats[]): SetupRow[] {
  return setups.map((s) => ({
    setup: s.setup === '' ? '(none)' : s.setup,
    trades: formatNumber(s.trades, 0),
    winRate: `${formatNumber(s.winRatePct, 1)}%`,
    avgReturn: `${formatSigned(s.avgReturnPct, 2)}%`,
    profitFactor: formatNumber(s.profitFactor, 2),
    totalPnl: formatSigned(s.totalPnl, 2),
    tone: tone(s.totalPnl),
  }));
}

export function unfilledRows(unfilled: readonly UnfilledSignal[]): UnfilledRow[] {
  return unfilled.map((u) => ({
    key: `${u.setup} ${u.side}`,
    setup: u.setup,
    side: u.side === 'long' ? 'Long' : 'Short',
    count: formatNumber(u.count, 0),
    avgMove: u.avgUnderlyingReturnPct === null ? formatNumber(null, 2) : `${formatSigned(u.avgUnderlyingReturnPct, 2)}%`,
    favourable: u.favourablePct === null ? formatNumber(null, 1) : `${formatNumber(u.favourablePct, 1)}%`,
  }));
}
