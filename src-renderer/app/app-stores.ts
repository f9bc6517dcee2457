import type { TapedeckClient } from '../api/tapedeck-client';
import { createAboutStore, type AboutStore } from '../about/about-store';
import { createBacktestFormStore, type BacktestFormStore } from '../backtest/backtest-form-store';
import { createBacktestStore, type BacktestStore } from '../backtest/backtest-store';
import { createChartStore, type ChartStore } from '../chart/chart-store';
import { createFeedsStore, type FeedsStore } from '../feeds/feeds-store';
import { createMarkerSchedulesStore, type MarkerSchedulesStore } from '../marker-schedules/marker-schedules-store';
import { createReplayStore, type ReplayStore } from '../replay/replay-store';
import { createSettingsStore, type SettingsStore } from '../settings/settings-store';
import { createQuoteStore, type QuoteStore } from '../watchlist/quote-store';
import { createConnectionStore, type ConnectionStore } from './connection-store';
import { createHealthStore, type HealthStore } from './health-store';
import { createWorkspaceStore, type WorkspaceStore } from './workspace-store';

/** Every store of one window, bound to that window's client. */
export interface AppStores {
  readonly connection: ConnectionStore;
  readonly health: HealthStore;
  readonly settings: SettingsStore;
  readonly about: AboutStore;
  readonly workspace: WorkspaceStore;
  readonly feeds: FeedsStore;
  readonly quotes: QuoteStore;
  readonly chart: ChartStore;
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
    workspace: createWorkspaceStore(),
    feeds,
    quotes: createQuoteStore(client, { settings, feeds, health }),
    chart: createChartStore(),
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
    stores.feeds.getState().start(),
    stores.quotes.getState().start(),
  ];
  return () => {
    for (const stop of stops) stop();
  };
}
