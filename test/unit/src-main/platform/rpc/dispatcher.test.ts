import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DrawingService } from '../../../../../src-main/charts/drawings/drawing-service';
import { DrawingRepository } from '../../../../../src-main/platform/store/drawing-repository';
import { ContractFailure } from '../../../../../shared/contract';
import { DEFAULT_SETTINGS } from '../../../../../src-main/platform/app/default-settings';
import { createHandlers } from '../../../../../src-main/platform/app/handlers';
import { Dispatcher } from '../../../../../src-main/platform/rpc';
import { BacktestRunService } from '../../../../../src-main/research/backtest-runs/backtest-run-service';
import { StrategyOverlayService } from '../../../../../src-main/research/backtest-runs/strategy-overlay-service';
import { GymService } from '../../../../../src-main/research/gym/gym-service';
import { BacktestRunRepository, MIGRATIONS, SettingsRepository } from '../../../../../src-main/platform/store';
import { coreFixture, type CoreFixture } from '../../../../helpers/core-fixture';

describe('Dispatcher with the real handlers', () => {
  let fx: CoreFixture;
  beforeEach(() => {
    fx = coreFixture();
  });
  afterEach(() => fx.dispose());

  it('answers app.info with the facts of this run', async () => {
    const outcome = await fx.core.dispatcher.call('app.info', {});
    expect(outcome).toMatchObject({ ok: true, result: { name: 'Tapedeck', mode: 'cli', dataDir: fx.dataDir } });
  });

  it('answers app.health from the real store', async () => {
    const outcome = await fx.core.dispatcher.call('app.health', undefined);
    expect(outcome).toMatchObject({
      ok: true,
      result: {
        status: 'OK',
        store: { ok: true, schemaVersion: MIGRATIONS.length, journalMode: 'wal', error: null },
        feeds: [
          { id: 'sim', status: 'LIVE', simulated: true },
          { id: 'replay', status: 'OFFLINE' },
        ],
        clients: 0,
      },
    });
  });

  it('refuses an unknown method with UNKNOWN_METHOD', async () => {
    expect(await fx.core.dispatcher.call('orders.explode', {})).toEqual({
      ok: false,
      error: { code: 'UNKNOWN_METHOD', message: 'unknown method "orders.explode"', path: 'method' },
    });
  });

  it('does not treat inherited object keys as methods', async () => {
    expect(await fx.core.dispatcher.call('constructor', {})).toMatchObject({ ok: false, error: { code: 'UNKNOWN_METHOD' } });
    expect(await fx.core.dispatcher.call('__proto__', {})).toMatchObject({ ok: false, error: { code: 'UNKNOWN_METHOD' } });
  });

  it('applies a good settings patch and returns the whole settings', async () => {
    const outcome = await fx.core.dispatcher.call('settings.set', { watchlist: ['btcusdt', 'SPY'], theme: 'light' });
    expect(outcome).toEqual({ ok: true, result: { ...DEFAULT_SETTINGS, watchlist: ['BTCUSDT', 'SPY'], theme: 'light' } });
    expect(await fx.core.dispatcher.call('settings.get', {})).toEqual(outcome);
  });

  it('never half-applies a patch with one bad field', async () => {
    const before = await fx.core.dispatcher.call('settings.get', {});
    const outcome = await fx.core.dispatcher.call('settings.set', { theme: 'light', defaultInterval: '7m' });
    expect(outcome).toMatchObject({ ok: false, error: { code: 'BAD_REQUEST', path: 'params.defaultInterval' } });
    expect(await fx.core.dispatcher.call('settings.get', {})).toEqual(before);
  });

  it('reads a field given as undefined (possible over IPC) as unchanged', async () => {
    const outcome = await fx.core.dispatcher.call('settings.set', { theme: undefined, defaultInterval: '1h' });
    expect(outcome).toEqual({ ok: true, result: { ...DEFAULT_SETTINGS, defaultInterval: '1h' } });
  });

  it('refuses an unknown event and bad event params', () => {
    expect(fx.core.dispatcher.subscribe('bars.everything', {}, () => undefined)).toMatchObject({
      ok: false,
      error: { code: 'UNKNOWN_EVENT', path: 'event' },
    });
    expect(fx.core.dispatcher.subscribe('app.health', { rate: 9 }, () => undefined)).toMatchObject({
      ok: false,
      error: { code: 'BAD_REQUEST', path: 'params' },
    });
  });

  it('streams app.health: a snapshot at once, then one per tick, and stops the ticker when the last subscriber leaves', () => {
    const seen: unknown[] = [];
    const sub = fx.core.dispatcher.subscribe('app.health', {}, (p) => seen.push(p));
    expect(sub.ok).toBe(true);
    expect(seen).toHaveLength(1);
    fx.ticks.tick();
    fx.ticks.tick();
    expect(seen).toHaveLength(3);
    expect(fx.ticks.running()).toBe(1);
    if (sub.ok) sub.stop();
    expect(fx.ticks.running()).toBe(0);
    fx.ticks.tick();
    expect(seen).toHaveLength(3);
  });
});

describe('Dispatcher guarding against its own handlers', () => {
  const fx = { current: null as CoreFixture | null };
  afterEach(() => fx.current?.dispose());

  function dispatcherWith(overrides: Partial<ReturnType<typeof createHandlers>['handlers']>): Dispatcher {
    const f = coreFixture();
    fx.current = f;
    const settings = new SettingsRepository(f.core.db, DEFAULT_SETTINGS, () => 0);
    const quiet = { error: () => undefined, warn: () => undefined };
    const backtests = new BacktestRunService(f.core.market.service, new BacktestRunRepository(f.core.db), f.core.pool, f.core.db.name, { now: () => 0 }, quiet);
    const gym = new GymService(f.core.market.service, f.core.pool);
    const overlays = new StrategyOverlayService(f.core.market.service, f.core.pool, () => []);
    const real = createHandlers({ info: f.core.info, settings, health: f.core.health, market: f.core.market, backtests, overlays, gym, screenshots: f.core.screenshots, trading: f.core.trading, journal: f.core.journal, options: f.core.options, drawings: new DrawingService(new DrawingRepository(f.core.db), () => 0), ticker: f.ticks.ticker });
    return new Dispatcher({ ...real.handlers, ...overrides }, real.sources, { error: () => undefined, warn: () => undefined });
  }

  it('turns a thrown ContractFailure into its structured error', async () => {
    const d = dispatcherWith({
      'app.info': () => {
        throw new ContractFailure('UNAVAILABLE', 'info is resting', '');
      },
    });
    expect(await d.call('app.info', {})).toEqual({ ok: false, error: { code: 'UNAVAILABLE', message: 'info is resting', path: '' } });
  });

  it('turns any other exception into INTERNAL without crashing', async () => {
    const d = dispatcherWith({
      'app.info': () => {
        throw new TypeError('boom');
      },
    });
    expect(await d.call('app.info', {})).toEqual({ ok: false, error: { code: 'INTERNAL', message: 'app.info failed: boom', path: '' } });
  });

  it('refuses to pass on a result that breaks the contract', async () => {
    const d = dispatcherWith({ 'app.health': () => ({ status: 'FINE' }) as never });
    expect(await d.call('app.health', {})).toEqual({
      ok: false,
      error: { code: 'INTERNAL', message: 'app.health produced an invalid result', path: '' },
    });
  });
});
