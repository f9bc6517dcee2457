import type { TapedeckClient } from '../api/tapedeck-client';
import { createAboutStore, type AboutStore } from '../about/about-store';
import { createSettingsStore, type SettingsStore } from '../settings/settings-store';
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
}

export function createAppStores(client: TapedeckClient): AppStores {
  return {
    connection: createConnectionStore(client),
    health: createHealthStore(client),
    settings: createSettingsStore(client),
    about: createAboutStore(client),
    workspace: createWorkspaceStore(),
  };
}

/** Starts the live subscriptions; returns the function that stops them all. */
export function startAppStores(stores: AppStores): () => void {
  const stops = [
    stores.connection.getState().start(),
    stores.health.getState().start(),
    stores.settings.getState().start(),
  ];
  return () => {
    for (const stop of stops) stop();
  };
}
