import type { TapedeckClient } from '../api/tapedeck-client';
import { createAboutStore, type AboutStore } from '../about/about-store';
import { createBacktestFormStore, type BacktestFormStore } from '../backtest/backtest-form-store';
import { createBacktestStore, type BacktestStore } from '../backtest/backtest-store';
import { createHistoryProgressStore, type HistoryProgressStore } from '../chart/history-progress-store';
import { createChartReplayStore, type ChartReplayStore } from '../chart/replay/chart-replay-store';
import { createPaneRegistry, type PaneRegistry } from '../chart/pane-registry';
import { createFeedsStore, type FeedsStore } from '../feeds/feeds-store';
import { createHotkeyStore, type HotkeyStore } from '../hotkeys/hotkey-store';
import { createMarkerSchedulesStore, type MarkerSchedulesStore } from '../marker-schedules/marker-schedules-store';
import { createReplayStore, type ReplayStore } from '../replay/replay-store';
import { createSettingsSlice, type SettingsSlice } from '../settings/settings-slice';
import { createSettingsStore, type SettingsStore } from '../settings/settings-store';
import { bindChainViewSettings } from '../options/chain-view-persist';
import { createOptionsStore, type OptionsStore } from '../options/options-store';
import { createTradingStores, type TradingStores } from '../trading/trading-stores';
import { createQuoteStore, type QuoteStore } from '../watchlist/quote-store';
import { createConnectionStore, type ConnectionStore } from './connection-store';
import { createHealthStore, type HealthStore } from './health-store';

/** A layout or panel edit is saved once edits pause this long (one settings.set per drag). */
export const LAYOUT_SAVE_DELAY_MS = 400;

/** Every store of one window, bound to that window's client. */
export interface AppStores {
  readonly connection: ConnectionStore;
  readonly health: HealthStore;
  readonly settings: SettingsStore;
  readonly about: AboutStore;
  /** The chart layout and panes (settings.chartLayout), edited here and saved debounced. */
  readonly chartLayout: SettingsSlice<'chartLayout'>;
  /** Column widths and bottom height (settings.panels), edited here and saved debounced. */
  readonly panels: SettingsSlice<'panels'>;
  /** The panes mounted now (keyboard, crosshair sync, tests). */
  readonly panes: PaneRegistry;
  readonly hotkeys: HotkeyStore;
  readonly historyProgress: HistoryProgressStore;
  readonly feeds: FeedsStore;
  readonly quotes: QuoteStore;
  readonly replay: ReplayStore;
  /** Bar replay started from a chart pane (pick a bar, play, step, stop). */
  readonly chartReplay: ChartReplayStore;
  readonly backtest: BacktestStore;
  readonly backtestForm: BacktestFormStore;
  readonly markerSchedules: MarkerSchedulesStore;
  /** Paper trading: accounts, orders, positions, fills, quotes, the audit log, the ticket and their actions. */
  readonly trading: TradingStores;
  /** The options chain view: underlying, expiration, the live chain, the contract picked for the option ticket. */
  readonly options: OptionsStore;
  /** The chain's columns and filters (settings.optionsChain), saved debounced as the trader changes them. */
  readonly optionsChain: SettingsSlice<'optionsChain'>;
}

export function createAppStores(client: TapedeckClient): AppStores {
  const health = createHealthStore(client);
  const settings = createSettingsStore(client);
  const feeds = createFeedsStore(client, health);
  const chartLayout = createSettingsSlice('chartLayout', settings, { delayMs: LAYOUT_SAVE_DELAY_MS });
  const hotkeys = createHotkeyStore();
  const replay = createReplayStore(client);
  return {
    connection: createConnectionStore(client),
    health,
    settings,
    about: createAboutStore(client),
    chartLayout,
    panels: createSettingsSlice('panels', settings, { delayMs: LAYOUT_SAVE_DELAY_MS }),
    panes: createPaneRegistry(),
    hotkeys,
    historyProgress: createHistoryProgressStore(client),
    feeds,
    quotes: createQuoteStore(client, { settings, feeds, health }),
    replay,
    chartReplay: createChartReplayStore({ client, layout: chartLayout, replay }),
    backtest: createBacktestStore(client),
    backtestForm: createBacktestFormStore(),
    markerSchedules: createMarkerSchedulesStore(settings),
    trading: createTradingStores(client, { settings, feeds, health, chartLayout, hotkeys }),
    options: createOptionsStore(client),
    optionsChain: createSettingsSlice('optionsChain', settings, { delayMs: LAYOUT_SAVE_DELAY_MS }),
  };
}

/** Starts the live subscriptions; returns the function that stops them all. */
export function startAppStores(stores: AppStores): () => void {
  const stops = [
    stores.connection.getState().start(),
    stores.health.getState().start(),
    stores.settings.getState().start(),
    stores.chartLayout.getState().start(),
    stores.panels.getState().start(),
    stores.historyProgress.getState().start(),
    stores.feeds.getState().start(),
    stores.quotes.getState().start(),
    stores.replay.getState().start(),
    stores.trading.start(),
    stores.optionsChain.getState().start(),
    bindChainViewSettings(stores.options, stores.optionsChain),
  ];
  return () => {
    for (const stop of stops) stop();
  };
}
