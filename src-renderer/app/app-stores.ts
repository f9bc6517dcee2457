import type { TapedeckClient } from '../api/tapedeck-client';
import { createAboutStore, type AboutStore } from '../about/about-store';
import { createBacktestFormStore, type BacktestFormStore } from '../backtest/backtest-form-store';
import { createBacktestStore, type BacktestStore } from '../backtest/backtest-store';
import { createHistoryProgressStore, type HistoryProgressStore } from '../chart/history-progress-store';
import { createPaneRegistry, type PaneRegistry } from '../chart/pane-registry';
import { createFeedsStore, type FeedsStore } from '../feeds/feeds-store';
import { createHotkeyStore, type HotkeyStore } from '../hotkeys/hotkey-store';
import { createMarkerSchedulesStore, type MarkerSchedulesStore } from '../marker-schedules/marker-schedules-store';
import { createReplayStore, type ReplayStore } from '../replay/replay-store';
import { createSettingsSlice, type SettingsSlice } from '../settings/settings-slice';
import { createSettingsStore, type SettingsStore } from '../settings/settings-store';
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
  readonly backtest: BacktestStore;
  readonly backtestForm: BacktestFormStore;
  readonly markerSchedules: MarkerSchedulesStore;
}

export function createAppStores(client: TapedeckClient): AppStores {
  const health = createHealthStore(client);
  const settings = createSettingsStore(client);
  const feeds = createFeedsStore(client, health);
  return {
    connection: createConnectionStore(client),
    health,
    settings,
    about: createAboutStore(client),
    chartLayout: createSettingsSlice('chartLayout', settings, { delayMs: LAYOUT_SAVE_DELAY_MS }),
    panels: createSettingsSlice('panels', settings, { delayMs: LAYOUT_SAVE_DELAY_MS }),
    panes: createPaneRegistry(),
    hotkeys: createHotkeyStore(),
    historyProgress: createHistoryProgressStore(client),
    feeds,
    quotes: createQuoteStore(client, { settings, feeds, health }),
    replay: createReplayStore(client),
    backtest: createBacktestStore(client),
    backtestForm: createBacktestFormStore(),
    markerSchedules: createMarkerSchedulesStore(settings),
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
  ];
  return () => {
    for (const stop of stops) stop();
  };
}
