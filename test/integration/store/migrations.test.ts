import Database from 'better-sqlite3';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { journalMode, migrate, MIGRATIONS, openDatabase, schemaVersion, type Migration } from '../../../src-main/platform/store';
import { tempDir } from '../../helpers/temp-dir';

const now = () => 1_700_000_000_000;

describe('migrations on a real SQLite file', () => {
  let dir: ReturnType<typeof tempDir>;
  let file: string;
  beforeEach(() => {
    dir = tempDir();
    file = join(dir.path, 'tapedeck.sqlite');
  });
  afterEach(() => dir.remove());

  it('brings a fresh database to the newest version in WAL mode', () => {
    const db = openDatabase(file);
    const report = migrate(db, MIGRATIONS, now);
    expect(report).toEqual({ from: 0, to: MIGRATIONS.length, applied: MIGRATIONS.map((m) => `${String(m.version)}-${m.name}`) });
    expect(schemaVersion(db)).toBe(MIGRATIONS.length);
    expect(journalMode(db)).toBe('wal');
    const rows = db.prepare('SELECT version, name, applied_at FROM schema_migrations ORDER BY version').all();
    expect(rows).toEqual(MIGRATIONS.map((m) => ({ version: m.version, name: m.name, applied_at: now() })));
    db.close();
  });

  it('is a no-op on a database that is already current, and keeps its data', () => {
    const db = openDatabase(file);
    migrate(db, MIGRATIONS, now);
    db.prepare("INSERT INTO settings (key, value, updated_at) VALUES ('app', '{\"theme\":\"light\"}', 1)").run();
    db.close();
    const again = openDatabase(file);
    expect(migrate(again, MIGRATIONS, now)).toEqual({ from: MIGRATIONS.length, to: MIGRATIONS.length, applied: [] });
    expect(again.prepare('SELECT value FROM settings').get()).toEqual({ value: '{"theme":"light"}' });
    again.close();
  });

  it('upgrades an existing older database without touching its rows', () => {
    const v1: Migration[] = [{ version: 1, name: 'notes', sql: 'CREATE TABLE notes (id INTEGER PRIMARY KEY, body TEXT NOT NULL)' }];
    const db = openDatabase(file);
    migrate(db, v1, now);
    db.prepare("INSERT INTO notes (body) VALUES ('keep me')").run();
    const v2: Migration[] = [...v1, { version: 2, name: 'notes-tag', sql: "ALTER TABLE notes ADD COLUMN tag TEXT NOT NULL DEFAULT 'none'" }];
    expect(migrate(db, v2, now)).toEqual({ from: 1, to: 2, applied: ['2-notes-tag'] });
    expect(db.prepare('SELECT body, tag FROM notes').all()).toEqual([{ body: 'keep me', tag: 'none' }]);
    db.close();
  });

  it('rolls back every pending migration when one of them fails', () => {
    const db = openDatabase(file);
    const broken: Migration[] = [
      { version: 1, name: 'good', sql: 'CREATE TABLE a (x INTEGER)' },
      { version: 2, name: 'bad', sql: 'CREATE TABLE b (x INTEGER); INSERT INTO no_such_table VALUES (1)' },
    ];
    expect(() => migrate(db, broken, now)).toThrow(/no_such_table/);
    expect(schemaVersion(db)).toBe(0);
    expect(db.prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name IN ('a', 'b')").all()).toEqual([]);
    db.close();
  });

  it('refuses a database written by a newer Tapedeck', () => {
    const db = openDatabase(file);
    migrate(db, MIGRATIONS, now);
    db.prepare("INSERT INTO schema_migrations VALUES (99, 'future', 0)").run();
    expect(() => migrate(db, MIGRATIONS, now)).toThrow(/schema version 99/);
    db.close();
  });

  it('refuses a migration list with a gap in its versions', () => {
    const db = openDatabase(file);
    expect(() => migrate(db, [{ version: 2, name: 'skipped-one', sql: 'SELECT 1' }], now)).toThrow(/expected 1/);
    db.close();
  });

  it('leaves a database other connections can read while a writer holds it (WAL)', () => {
    const db = openDatabase(file);
    migrate(db, MIGRATIONS, now);
    db.exec('BEGIN IMMEDIATE');
    db.prepare("INSERT INTO settings (key, value, updated_at) VALUES ('k', '1', 1)").run();
    const reader = new Database(file, { readonly: true });
    expect(reader.prepare('SELECT COUNT(*) AS n FROM settings').get()).toEqual({ n: 0 });
    db.exec('COMMIT');
    expect(reader.prepare('SELECT COUNT(*) AS n FROM settings').get()).toEqual({ n: 1 });
    reader.close();
    db.close();
  });
});
