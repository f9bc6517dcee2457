import type { AppInfo, Settings } from '../../../shared/contract';
import type { BacktestRunService } from '../../research/backtest-runs/backtest-run-service';
import type { DrawingService } from '../../charts/drawings/drawing-service';
import type { StrategyOverlayService } from '../../research/backtest-runs/strategy-overlay-service';
import type { GymService } from '../../research/gym/gym-service';
import type { HealthMonitor } from '../../market-data/health/health-monitor';
import type { Journal } from '../../journal/journal';
import type { ScreenshotService } from '../../journal/screenshot-service';
import type { MarketData } from '../../market-data/market-data';
import type { EventSources, MethodHandlers } from '../rpc';
import type { SettingsRepository } from '../store';
import type { Options } from '../../options';
import type { Trading } from '../../trading/trading';
import type { Ticker } from './clock';
import { createAlpacaHandlers, type AlpacaHandlerDeps } from './alpaca-handlers';
import { createDrawingHandlers } from './drawing-handlers';
import { createJournalHandlers } from './journal-handlers';
import { createLabHandlers } from './lab-handlers';
import { createMarketHandlers } from './market-handlers';
import { createOptionsHandlers } from './options-handlers';
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
  readonly journal: Journal;
  readonly options: Options;
  readonly drawings: DrawingService;
  readonly ticker: Ticker;
  /** Alpaca's keys from Settings (the desktop app's store; none in serve). */
  readonly alpaca?: Omit<AlpacaHandlerDeps, 'trading'>;
}

/** The contract's methods and events, implemented once for every transport. */
export function createHandlers(deps: HandlerDeps): { handlers: MethodHandlers; sources: EventSources } {
  const settingsListeners = new Set<(s: Settings) => void>();
  const market = createMarketHandlers(deps.market);
  const lab = createLabHandlers(deps.backtests, deps.gym, deps.overlays);
  const trading = createTradingHandlers(deps.trading, deps.ticker);
  const journal = createJournalHandlers(deps.journal);
  const options = createOptionsHandlers(deps.options);
  const drawings = createDrawingHandlers(deps.drawings);
  const alpaca = createAlpacaHandlers({ store: deps.alpaca?.store ?? null, feed: deps.alpaca?.feed ?? null, trading: deps.trading });

  const handlers: MethodHandlers = {
    ...market.handlers,
    ...lab.handlers,
    ...trading.handlers,
    ...journal.handlers,
    ...options.handlers,
    ...drawings.handlers,
    ...alpaca.handlers,
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
    ...journal.sources,
    ...options.sources,
    ...drawings.sources,
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
