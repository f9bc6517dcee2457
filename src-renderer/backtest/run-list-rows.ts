import type { BacktestRunSummary } from '../../shared/contract';
import type { Tone } from '../app/status-tone';
import { formatNumber, formatShortUtc } from './number-format';
import { formatStat, signTone } from './stat-rows';

/** One saved run in the Runs list, formatted. */
export interface RunListRow {
  readonly id: string;
  readonly created: string;
  readonly label: string;
  readonly strategy: string;
  /** "BINANCE:BTCUSDT 1h". */
  readonly series: string;
  readonly returnPct: string;
  readonly returnTone: Tone | undefined;
  readonly sharpe: string;
  readonly maxDrawdownPct: string;
  readonly trades: string;
}

export function runListRow(run: BacktestRunSummary): RunListRow {
  const { request, stats } = run;
  return {
    id: run.id,
    created: formatShortUtc(run.createdAt),
    label: run.label,
    strategy: run.strategy,
    series: `${request.source.toUpperCase()}:${request.symbol} ${request.interval}`,
    returnPct: formatStat('signedPct', stats.returnPct),
    returnTone: signTone(stats.returnPct),
    sharpe: formatStat('ratio', stats.sharpe),
    maxDrawdownPct: formatStat('signedPct', stats.maxDrawdownPct),
    trades: formatNumber(stats.trades, 0),
  };
}

/** How many runs can be ticked for a comparison. */
export const COMPARE_COUNT = 2;

/** Ticks or unticks `id`; ticking a third run lets go of the one ticked first. */
export function toggleCompare(selected: readonly string[], id: string): string[] {
  if (selected.includes(id)) return selected.filter((s) => s !== id);
  return [...selected, id].slice(-COMPARE_COUNT);
}
