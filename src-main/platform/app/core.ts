import { join } from 'node:path';
import type { AppInfo, ServerFrame, Settings } from '../../../shared/contract';
import { DATABASE_FILE, ensureDataDir } from '../config/data-dir';
import { BacktestRunService } from '../../research/backtest-runs/backtest-run-service';
import { StrategyOverlayService } from '../../research/backtest-runs/strategy-overlay-service';
import { GymService } from '../../research/gym/gym-service';
import { HealthMonitor } from '../../market-data/health/health-monitor';
import { ClientSession, Dispatcher, type Logger } from '../rpc';
import type { Feed } from '../../market-data/feeds/feed';
import { BinanceFeed } from '../../market-data/feeds/binance/binance-feed';
import { BINANCE_DEFAULTS, type BinanceConfig } from '../../market-data/feeds/binance/config';
import { AlpacaFeed } from '../../market-data/feeds/alpaca/alpaca-feed';
import { alpacaChainOn } from '../../options/alpaca';
import type { AlpacaKeyStore } from './alpaca-handlers';
import { ALPACA_DEFAULTS } from '../../market-data/feeds/alpaca/config';
import { noCredentials } from '../../market-data/feeds/alpaca/credentials';
import type { AlpacaSetup } from '../config/alpaca-config';
import { SimFeed } from '../../market-data/feeds/sim/sim-feed';
import { MarketData } from '../../market-data/market-data';
import { InlineJobPool, ThreadJobPool, type JobPool } from '../workers/job-pool';
import { createJournal, type Journal } from '../../journal/journal';
import { MediaStore } from '../../journal/media-store';
import { DrawingService } from '../../charts/drawings/drawing-service';
import { DrawingRepository } from '../store/drawing-repository';
import { createOptions, type Options } from '../../options';
import type { FillModelConfig } from '../../trading/paper';
import { paperSettingsAtStart } from '../../trading/paper-settings-at-start';
import { createTrading, type Trading, type TradingAlpaca } from '../../trading/trading';
import { ScreenshotService } from '../../journal/screenshot-service';
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
  /** The desktop app's key store (Settings → safeStorage); serve and the CLI have none (keys from the environment). */
  readonly alpacaKeys?: AlpacaKeyStore;
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
  /** The paper broker's fill model (default: fill-config.ts; the benches set latencyMs 0). */
  readonly fillModel?: Partial<FillModelConfig>;
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
  /** The trading journal: round trips, notes, screenshots, statistics. */
  readonly journal: Journal;
  /** The option chains, their service and the trading seams. */
  readonly options: Options;
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
/** The Alpaca paper broker's part of trading: its endpoints and keys (those of the feed), and whether the "Alpaca paper" account exists. */
function alpacaTrading(setup: AlpacaSetup | undefined): { alpaca?: TradingAlpaca } {
  if (setup?.trading === undefined) return {};
  return { alpaca: { endpoints: setup.trading, credentials: setup.credentials, paperAccount: setup.paperAccount === true } };
}

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
  const alpacaFeed = market.feeds.get('alpaca');
  // Alpaca's chain (option snapshots on the Alpaca feed's keys and budget) beside the sim's; without keys it answers OFFLINE's reason.
  const alpacaChain = alpacaFeed instanceof AlpacaFeed ? [alpacaChainOn(alpacaFeed, () => clock.now())] : [];
  const optionChains = createOptions({ simSeed: options.simSeed ?? DEFAULT_SIM_SEED, nowFor: (source) => market.service.nowFor(source), ticker, log, providers: alpacaChain });
  // The paper broker's fills and the synthetic half-spread, as the settings say at start.
  const paper = paperSettingsAtStart(settings, log);
  const trading = createTrading({ db, market, now: () => clock.now(), ticker, timer: options.timer ?? systemTimer, log, instruments: [optionChains.instruments], quoteSources: [optionChains.quoteSource], fillModel: { ...paper.fill, ...options.fillModel }, halfSpreadTicks: paper.halfSpreadTicks, ...alpacaTrading(options.alpaca) });
  // Pictures are hashed and written once the order path is quiet: trading comes first.
  const media = new MediaStore(dataDir, () => trading.activity.whenQuiet());
  const screenshots = new ScreenshotService(media, undefined, (err) => log.error('a screenshot could not be written', err));
  optionChains.settleExpiries({ brokers: () => trading.desk.allBrokers(), onPositions: (listener) => trading.events.on('positions', listener) });
  const journal = createJournal({ db, media, screenshots, market, trading, now: () => clock.now(), log });
  const stopJournal = journal.follow(trading.events);
  const drawings = new DrawingService(new DrawingRepository(db), () => clock.now());
  const { handlers, sources } = createHandlers({ info, settings, health, market, backtests, overlays, gym, screenshots, trading, journal, options: optionChains, drawings, ticker, alpaca: { store: options.alpacaKeys ?? null, feed: alpacaFeed instanceof AlpacaFeed ? alpacaFeed : null } });
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
    journal,
    options: optionChains,
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
      stopJournal();
      optionChains.close();
      trading.close();
      market.close();
      void pool.close();
      db.close();
    },
  };
}
