import type { BacktestRunService } from '../../research/backtest-runs/backtest-run-service';
import type { StrategyOverlayService } from '../../research/backtest-runs/strategy-overlay-service';
import type { GymService } from '../../research/gym/gym-service';
import type { EventSources, MethodHandlers } from '../rpc';

type LabMethods = Pick<
  MethodHandlers,
  | 'strategies.list'
  | 'strategies.overlay'
  | 'backtest.run'
  | 'backtest.cancel'
  | 'backtest.get'
  | 'backtest.list'
  | 'backtest.delete'
  | 'gym.create'
  | 'gym.state'
  | 'gym.act'
  | 'gym.close'
>;
type LabEvents = Pick<EventSources, 'backtest.progress'>;

/** The strategy lab's part of the contract: strategies and their chart overlays, saved backtests and their progress, and the gym. */
export function createLabHandlers(backtests: BacktestRunService, gym: GymService, overlays: StrategyOverlayService): { handlers: LabMethods; sources: LabEvents } {
  return {
    handlers: {
      'strategies.list': () => backtests.strategies(),
      'strategies.overlay': (request, ctx) => overlays.overlay(request, ctx.signal),
      // A run outlives its call but not its client: it is cancelled when the client goes away.
      'backtest.run': (request, ctx) => backtests.start(request, ctx.session),
      'backtest.cancel': ({ id }) => ({ canceled: backtests.cancel(id) }),
      'backtest.get': ({ id }) => backtests.get(id),
      'backtest.list': ({ limit }) => backtests.list(limit),
      'backtest.delete': ({ id }) => ({ deleted: backtests.delete(id) }),
      'gym.create': (params, ctx) => gym.create(params, ctx.signal),
      'gym.state': ({ id }) => gym.state(id),
      'gym.act': (params) => gym.act(params),
      'gym.close': ({ id }) => ({ closed: gym.close(id) }),
    },
    sources: {
      'backtest.progress': (_params, emit) => backtests.onProgress(emit),
    },
  };
}
