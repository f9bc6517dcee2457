import { ContractFailure, type StrategyOverlay, type StrategyOverlayRequest } from '../../shared/contract';
import type { EpochMs } from '../../shared/domain/epoch';
import { INTERVAL_MS } from '../../shared/domain/interval';
import type { MarkerSchedule } from '../../shared/strategy/marker-schedule';
import { findStrategy, STRATEGIES } from '../../shared/strategy/strategy-registry';
import type { Strategy } from '../../shared/strategy/strategy';
import { strategyOverlay } from '../backtest';
import { DataSetError } from '../backtest-data/data-set-error';
import { loadSeriesBars } from '../backtest-data/series-bars';
import type { BarService } from '../market-data/bar-service';

/**
 * `strategies.overlay`: a strategy's levels, markers and signals over a stored
 * series, for the charts. The same checks as `backtest.run` (unknown strategy,
 * bad parameters, a setup the strategy refuses: BAD_REQUEST naming the
 * field), the same bars (loadSeriesBars) and the same engine run, with the
 * strategy's default for shorts and the user's marker schedules.
 */
export class StrategyOverlayService {
  constructor(
    private readonly bars: BarService,
    private readonly schedules: () => readonly MarkerSchedule[],
  ) {}

  async overlay(request: StrategyOverlayRequest): Promise<StrategyOverlay> {
    const def = findStrategy(request.strategy);
    if (def === undefined) {
      throw new ContractFailure('BAD_REQUEST', `unknown strategy "${request.strategy}" (known: ${STRATEGIES.map((s) => s.id).join(', ')})`, 'params.strategy');
    }
    const resolved = def.resolveParams(request.params);
    if (!resolved.ok) throw new ContractFailure('BAD_REQUEST', resolved.message, `params.params.${resolved.field}`);
    let loaded;
    try {
      loaded = await loadSeriesBars(this.bars, request);
    } catch (err) {
      if (err instanceof DataSetError) throw new ContractFailure('BAD_REQUEST', err.message, `params.${err.field}`);
      throw err;
    }
    const { market, columns } = loaded;
    const intervalMs = INTERVAL_MS[request.interval];
    let strategy: Strategy;
    try {
      strategy = def.create(resolved.params, { market, intervalMs, schedules: this.schedules() });
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
}
