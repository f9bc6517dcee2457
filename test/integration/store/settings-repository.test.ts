import { settingsPatchSchema } from '../../../shared/contract';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS } from '../../../src-main/platform/app/default-settings';
import { migrate, MIGRATIONS, openDatabase, SettingsRepository, type Db } from '../../../src-main/platform/store';
import { tempDir } from '../../helpers/temp-dir';

describe('SettingsRepository', () => {
  let dir: ReturnType<typeof tempDir>;
  let db: Db;
  let repo: SettingsRepository;
  beforeEach(() => {
    dir = tempDir();
    db = openDatabase(join(dir.path, 's.sqlite'));
    migrate(db, MIGRATIONS, () => 1);
    repo = new SettingsRepository(db, DEFAULT_SETTINGS, () => 42);
  });
  afterEach(() => {
    db.close();
    dir.remove();
  });

  it('starts from the embedded defaults: the simulated feed and the default watchlist', () => {
    expect(repo.get()).toEqual(DEFAULT_SETTINGS);
    expect(DEFAULT_SETTINGS.defaultFeed).toBe('sim');
    expect(DEFAULT_SETTINGS.watchlist).toEqual(['BTCUSDT', 'ETHUSDT', 'SOLUSDT', 'SPY', 'AAPL']);
  });

  it('persists a patch across reopening the file', () => {
    repo.set(settingsPatchSchema.parse({ theme: 'light', watchlist: ['SPY'] }));
    db.close();
    db = openDatabase(join(dir.path, 's.sqlite'));
    const reopened = new SettingsRepository(db, DEFAULT_SETTINGS, () => 43);
    expect(reopened.get()).toEqual({ ...DEFAULT_SETTINGS, theme: 'light', watchlist: ['SPY'] });
    expect(db.prepare('SELECT updated_at FROM settings').get()).toEqual({ updated_at: 42 });
  });

  it('fills fields a newer release added from the defaults', () => {
    db.prepare("INSERT INTO settings (key, value, updated_at) VALUES ('app', '{\"theme\":\"light\"}', 1)").run();
    expect(repo.get()).toEqual({ ...DEFAULT_SETTINGS, theme: 'light' });
  });

  it('reports a stored document that no longer validates instead of replacing it', () => {
    db.prepare("INSERT INTO settings (key, value, updated_at) VALUES ('app', '{\"theme\":\"neon\"}', 1)").run();
    expect(() => repo.get()).toThrow(/stored settings are invalid/);
    expect(db.prepare('SELECT value FROM settings').get()).toEqual({ value: '{"theme":"neon"}' });
  });
});
