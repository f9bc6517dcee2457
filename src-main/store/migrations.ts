import type { Migration } from './migration';

/**
 * Tapedeck's schema, in order. Never edit a released migration: add a new one.
 * Later issues append bars, orders, fills, journal and backtest tables here.
 */
export const MIGRATIONS: readonly Migration[] = [
  {
    version: 1,
    name: 'settings',
    sql: `
      CREATE TABLE settings (
        key        TEXT PRIMARY KEY NOT NULL,
        value      TEXT NOT NULL CHECK (json_valid(value)),
        updated_at INTEGER NOT NULL
      ) STRICT;
    `,
  },
];
