import { join } from 'node:path';
import type { AppInfo, ServerFrame, Settings } from '../../shared/contract';
import { DATABASE_FILE, ensureDataDir } from '../config/data-dir';
import { BacktestRunService } from '../backtest-runs/backtest-run-service';
import { StrategyOverlayService } from '../backtest-runs/strategy-overlay-service';
import { GymService } from '../gym/gym-service';
import { HealthMonitor } from '../health/health-monitor';
import { ClientSession, Dispatcher, type Logger } from '../rpc';
import type { Feed } from '../feeds/feed';
import { BinanceFeed } from '../feeds/binance/binance-feed';
import { BINANCE_DEFAULTS, type BinanceConfig } from '../feeds/binance/config';
import { AlpacaFeed } from '../feeds/alpaca/alpaca-feed';
import { ALPACA_DEFAULTS } from '../feeds/alpaca/config';
import { noCredentials } from '../feeds/alpaca/credentials';
import type { AlpacaSetup } from '../config/alpaca-config';
import { SimFeed } from '../feeds/sim/sim-feed';
import { MarketData } from '../market-data/market-data';
import { InlineJobPool, ThreadJobPool, type JobPool } from '../workers/job-pool';
import { MediaStore } from '../journal/media-store';
import { createTrading, type Trading } from '../trading/trading';
import { ScreenshotService } from '../journal/screenshot-service';
import { BacktestRunRepository, BarStore, BarVoids, MIGRATIONS, migrate, openDatabase, SettingsRepository, type Db, type MigrationReport } from '../store';
import { appInfo } from './app-info';
import { systemClock, systemTicker, systemTimer, type Clock, type Ticker, type Timer } from './clock';
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
  readonly timer?: Timer;
  readonly log?: Logger;
  readonly defaults?: Settings;
  /** Seed of the simulated market (default: a fixed one, so every install sees the same market). */
  readonly simSeed?: number;
  /** Live feeds to run instead of the defaults (tests plug in their own). */
  readonly feeds?: (deps: { clock: Clock; ticker: Ticker; log: Logger }) => readonly Feed[];
  /** Binance endpoints (default: the public hosts, or TAPEDECK_BINANCE_* from the environment). */
  readonly binance?: BinanceConfig;
  /** Alpaca endpoints and where its keys come from (default: the public hosts and no keys, so the feed is OFFLINE). */
  readonly alpaca?: AlpacaSetup;
  /** Feeds to connect at start (default all); a one-shot CLI command connects only the one it reads. */
  readonly connectFeeds?: readonly string[];
  /**
   * The bundled worker (out/main/core-worker.js): large reads, backtests, the
   * gym and overlays run on worker threads. Without it (running from the
   * sources: tests, one-shot CLI commands) they run inline, one at a time.
   */
  readonly workerPath?: string | undefined;
  /** Worker threads (default: one per core, less the event loop's). */
  readonly workerThreads?: number;
}

export const DEFAULT_SIM_SEED = 20_240_101;

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
  readonly market: MarketData;
  /** Where heavy work runs (worker threads, or inline from the sources). */
  readonly pool: JobPool;
  readonly screenshots: ScreenshotService;
  readonly trading: Trading;
  readonly bars: BarStore;
  readonly log: Logger;
  /** A new client; `isBusy` says its transport is backed up, `queuedBytes` how much it has not read yet. */
  connect(send: (frame: ServerFrame) => void, isBusy?: () => boolean, queuedBytes?: () => number): Connection;
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
  const ticker = options.ticker ?? systemTicker;
  const settings = new SettingsRepository(db, options.defaults ?? DEFAULT_SETTINGS, () => clock.now());
  const bars = new BarStore(db);
  const feeds = options.feeds?.({ clock, ticker, log }) ?? [
    // With a worker pool the event loop only generates small windows and live tails: a small cache will do.
    new SimFeed({ seed: options.simSeed ?? DEFAULT_SIM_SEED, clock, schedule: ticker, ...(options.workerPath === undefined ? {} : { cacheBars: 200_000 }) }),
    new BinanceFeed({ config: options.binance ?? BINANCE_DEFAULTS, clock, ticker, log }),
    new AlpacaFeed({ ...(options.alpaca ?? { config: ALPACA_DEFAULTS, credentials: noCredentials() }), clock, ticker, log }),
  ];
  const pool: JobPool = options.workerPath === undefined ? new InlineJobPool() : new ThreadJobPool(options.workerPath, options.workerThreads);
  const market = new MarketData({ store: bars, voids: new BarVoids(db), dbFile: join(dataDir, DATABASE_FILE), pool, clock, ticker, log, feeds });
  market.connect(options.connectFeeds).catch((err: unknown) => log.error('a market-data feed failed to connect', err));
  const health = new HealthMonitor({
    db,
    clock,
    ticker,
    startedAt,
    feeds: () => market.health(),
    clients: () => sessions.size,
  });
  const markerSchedules = (): Settings['markerSchedules'] => settings.get().markerSchedules;
  const backtests = new BacktestRunService(market.service, new BacktestRunRepository(db), pool, join(dataDir, DATABASE_FILE), clock, log, markerSchedules);
  const overlays = new StrategyOverlayService(market.service, pool, markerSchedules);
  const gym = new GymService(market.service, pool);
  const screenshots = new ScreenshotService(new MediaStore(dataDir));
  const trading = createTrading({ db, market, now: () => clock.now(), ticker, timer: options.timer ?? systemTimer, log });
  const { handlers, sources } = createHandlers({ info, settings, health, market, backtests, overlays, gym, screenshots, trading, ticker });
  const dispatcher = new Dispatcher(handlers, sources, log);

  return {
    info,
    db,
    migrations,
    dispatcher,
    health,
    market,
    pool,
    screenshots,
    trading,
    bars,
    log,
    get clientCount() {
      return sessions.size;
    },
    connect(send, isBusy, queuedBytes) {
      const session = new ClientSession(dispatcher, send, isBusy, queuedBytes);
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
      trading.close();
      market.close();
      void pool.close();
      db.close();
    },
  };
}
