import { join } from 'node:path';
import type { AppInfo, ServerFrame, Settings } from '../../shared/contract';
import { DATABASE_FILE, ensureDataDir } from '../config/data-dir';
import { HealthMonitor } from '../health/health-monitor';
import { ClientSession, Dispatcher, type Logger } from '../rpc';
import { MIGRATIONS, migrate, openDatabase, SettingsRepository, type Db, type MigrationReport } from '../store';
import { appInfo } from './app-info';
import { systemClock, systemTicker, type Clock, type Ticker } from './clock';
import { DEFAULT_SETTINGS } from './default-settings';
import { createHandlers } from './handlers';
import { consoleLogger } from './logger';

export interface CoreOptions {
  readonly dataDir: string;
  readonly mode: AppInfo['mode'];
  readonly electron?: string | null;
  readonly chrome?: string | null;
  readonly clock?: Clock;
  readonly ticker?: Ticker;
  readonly log?: Logger;
  readonly defaults?: Settings;
}

/** A connected client: feed it frames; call `close` when it goes away. */
export interface Connection {
  readonly session: ClientSession;
  close(): void;
}

export interface Core {
  readonly info: AppInfo;
  readonly db: Db;
  readonly migrations: MigrationReport;
  readonly dispatcher: Dispatcher;
  readonly health: HealthMonitor;
  connect(send: (frame: ServerFrame) => void): Connection;
  readonly clientCount: number;
  close(): void;
}

/**
 * The composition root of the main process: the only place that wires the
 * concrete store, services and handlers together. Electron and
 * `tapedeck serve` both run exactly this and differ only in their transport.
 */
export function createCore(options: CoreOptions): Core {
  const clock = options.clock ?? systemClock;
  const log = options.log ?? consoleLogger;
  const startedAt = clock.now();
  const dataDir = ensureDataDir(options.dataDir);
  const db = openDatabase(join(dataDir, DATABASE_FILE));
  let migrations: MigrationReport;
  try {
    migrations = migrate(db, MIGRATIONS, () => clock.now());
  } catch (err) {
    db.close();
    throw err;
  }
  const sqliteVersion = (db.prepare('SELECT sqlite_version() AS v').get() as { v: string }).v;
  const info = appInfo({
    mode: options.mode,
    dataDir,
    startedAt,
    sqliteVersion,
    electron: options.electron ?? null,
    chrome: options.chrome ?? null,
  });

  const sessions = new Set<ClientSession>();
  const settings = new SettingsRepository(db, options.defaults ?? DEFAULT_SETTINGS, () => clock.now());
  const health = new HealthMonitor({
    db,
    clock,
    ticker: options.ticker ?? systemTicker,
    startedAt,
    feeds: () => [],
    clients: () => sessions.size,
  });
  const { handlers, sources } = createHandlers({ info, settings, health });
  const dispatcher = new Dispatcher(handlers, sources, log);

  return {
    info,
    db,
    migrations,
    dispatcher,
    health,
    get clientCount() {
      return sessions.size;
    },
    connect(send) {
      const session = new ClientSession(dispatcher, send);
      sessions.add(session);
      health.push();
      return {
        session,
        close() {
          if (!sessions.delete(session)) return;
          session.dispose();
          health.push();
        },
      };
    },
    close() {
      for (const session of sessions) session.dispose();
      sessions.clear();
      db.close();
    },
  };
}
