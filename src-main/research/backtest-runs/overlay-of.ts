import { ContractFailure, type StrategyOverlay } from '../../../shared/contract';
import type { EpochMs } from '../../../shared/domain/epoch';
import { INTERVAL_MS, type Interval } from '../../../shared/domain/interval';
import type { MarkerSchedule } from '../../../shared/strategy/marker-schedule';
import { findStrategy } from '../../../shared/strategy/strategy-registry';
import type { Strategy, StrategyParams } from '../../../shared/strategy/strategy';
import { strategyOverlay } from '../backtest';
import type { ClosedSeries } from '../backtest-data/series-bars';

/**
 * A strategy's levels, markers and signals over closed bars, in the
 * contract's shape: the same engine run as a backtest, with the strategy's
 * default for shorts. A setup the strategy refuses is BAD_REQUEST on
 * `params.strategy`. Pure: a worker thread runs it.
 */
export function overlayOf(strategyId: string, params: StrategyParams, interval: Interval, series: ClosedSeries, schedules: readonly MarkerSchedule[]): StrategyOverlay {
  const def = findStrategy(strategyId);
  if (def === undefined) throw new ContractFailure('BAD_REQUEST', `unknown strategy "${strategyId}"`, 'params.strategy');
  const { market, columns } = series;
  const intervalMs = INTERVAL_MS[interval];
  let strategy: Strategy;
  try {
    strategy = def.create(params, { market, intervalMs, schedules });
  } catch (err) {
    throw new ContractFailure('BAD_REQUEST', err instanceof Error ? err.message : String(err), 'params.strategy');
  }
  const outcome = strategyOverlay(strategy, columns, { market, intervalMs, allowShort: def.shortsByDefault });
  if (!outcome.ok) throw new ContractFailure(outcome.error.kind === 'strategy' ? 'INTERNAL' : 'BAD_REQUEST', outcome.error.message, outcome.error.kind === 'strategy' ? '' : 'params.from');
  const { levels, markers, signals } = outcome.overlay;
  const ms = (t: number): EpochMs => t as EpochMs;
  return {
    levels: levels.map((l) => ({ label: l.label, price: l.price, from: ms(l.from), to: ms(l.to), kind: l.kind })),
    markers: { past: markers.past.map(ms), next: markers.next.map(ms) },
    signals: signals.map((s) => ({ ...s, time: ms(s.time) })),
  };
}
