import { ContractFailure, type StrategyOverlay, type StrategyOverlayRequest } from '../../../shared/contract';
import type { MarkerSchedule } from '../../../shared/strategy/marker-schedule';
import { findStrategy, STRATEGIES } from '../../../shared/strategy/strategy-registry';
import { DataSetError } from '../backtest-data/data-set-error';
import { MAX_SERIES_BARS } from '../backtest-data/series-bars';
import type { BarService } from '../../market-data/bar-service';
import type { JobPool } from '../../platform/workers/job-pool';

/**
 * `strategies.overlay`: a strategy's levels, markers and signals over a
 * series, for the charts. The same checks as `backtest.run` (unknown
 * strategy, bad parameters, a setup the strategy refuses: BAD_REQUEST naming
 * the field), the same bars and the same engine run (overlay-of.ts), in the
 * worker pool, cancelled when the caller goes away.
 */
export class StrategyOverlayService {
  constructor(
    private readonly bars: BarService,
    private readonly pool: JobPool,
    private readonly schedules: () => readonly MarkerSchedule[],
  ) {}

  async overlay(request: StrategyOverlayRequest, signal?: AbortSignal): Promise<StrategyOverlay> {
    const def = findStrategy(request.strategy);
    if (def === undefined) {
      throw new ContractFailure('BAD_REQUEST', `unknown strategy "${request.strategy}" (known: ${STRATEGIES.map((s) => s.id).join(', ')})`, 'params.strategy');
    }
    const resolved = def.resolveParams(request.params);
    if (!resolved.ok) throw new ContractFailure('BAD_REQUEST', resolved.message, `params.params.${resolved.field}`);
    try {
      const { truth, window } = await this.bars.runWindow(request, MAX_SERIES_BARS);
      const job = { kind: 'overlay', truth, window, strategy: def.id, params: resolved.params, schedules: this.schedules() } as const;
      return await this.pool.run(job, signal === undefined ? {} : { signal });
    } catch (err) {
      if (err instanceof DataSetError) throw new ContractFailure('BAD_REQUEST', err.message, `params.${err.field}`);
      throw err;
    }
  }
}
