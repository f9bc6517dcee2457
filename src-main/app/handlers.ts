import type { AppInfo, Settings } from '../../shared/contract';
import type { BacktestRunService } from '../backtest-runs/backtest-run-service';
import type { StrategyOverlayService } from '../backtest-runs/strategy-overlay-service';
import type { GymService } from '../gym/gym-service';
import type { HealthMonitor } from '../health/health-monitor';
import type { ScreenshotService } from '../journal/screenshot-service';
import type { MarketData } from '../market-data/market-data';
import type { EventSources, MethodHandlers } from '../rpc';
import type { SettingsRepository } from '../store';
import type { Trading } from '../trading/trading';
import type { Ticker } from './clock';
import { createLabHandlers } from './lab-handlers';
import { createMarketHandlers } from './market-handlers';
import { createTradingHandlers } from './trading-handlers';

export interface HandlerDeps {
  readonly info: AppInfo;
  readonly settings: SettingsRepository;
  readonly health: HealthMonitor;
  readonly market: MarketData;
  readonly backtests: BacktestRunService;
  readonly overlays: StrategyOverlayService;
  readonly gym: GymService;
  readonly screenshots: ScreenshotService;
  readonly trading: Trading;
  readonly ticker: Ticker;
}

/** The contract's methods and events, implemented once for every transport. */
export function createHandlers(deps: HandlerDeps): { handlers: MethodHandlers; sources: EventSources } {
  const settingsListeners = new Set<(s: Settings) => void>();
  const market = createMarketHandlers(deps.market);
  const lab = createLabHandlers(deps.backtests, deps.gym, deps.overlays);
  const trading = createTradingHandlers(deps.trading, deps.ticker);

  const handlers: MethodHandlers = {
    ...market.handlers,
    ...lab.handlers,
    ...trading.handlers,
    'chart.screenshot': async ({ symbol, reason }) => {
      if (deps.screenshots.windows === 0) return { shots: [], note: 'no workstation window is open to take the picture' };
      const shots = await deps.screenshots.capture(symbol ?? null, reason);
      return { shots, note: shots.length === 0 ? 'no window answered in time (no pane showed the symbol?)' : null };
    },
    'chart.paneImage': (image) => ({ accepted: deps.screenshots.accept(image) }),
    'app.info': () => deps.info,
    'app.health': () => deps.health.check(),
    'settings.get': () => deps.settings.get(),
    'settings.set': (patch) => {
      const next = deps.settings.set(patch);
      deps.trading.audit.record({ kind: 'setting', accountId: null, symbol: null, message: `settings changed: ${Object.keys(patch).join(', ')}`, data: { patch } });
      for (const listener of settingsListeners) listener(next);
      return next;
    },
  };

  const sources: EventSources = {
    ...market.sources,
    ...lab.sources,
    ...trading.sources,
    'chart.captureRequests': (_params, emit) => deps.screenshots.onRequest(emit),
    'app.health': (_params, emit) => deps.health.subscribe(emit),
    'settings.changed': (_params, emit) => {
      // Read first: if the stored settings cannot be read, nothing is left registered.
      const snapshot = deps.settings.get();
      settingsListeners.add(emit);
      emit(snapshot);
      return () => settingsListeners.delete(emit);
    },
  };

  return { handlers, sources };
}
