import type { Db } from './database';
import type { Migration } from './migration';

export interface MigrationReport {
  readonly from: number;
  readonly to: number;
  readonly applied: readonly string[];
}

/** Highest applied migration version (0 for a fresh database). */
export function schemaVersion(db: Db): number {
  const exists = db.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'schema_migrations'").get();
  if (exists === undefined) return 0;
  const row = db.prepare('SELECT COALESCE(MAX(version), 0) AS v FROM schema_migrations').get() as { v: number };
  return row.v;
}

function checkSequence(migrations: readonly Migration[]): void {
  migrations.forEach((m, i) => {
    if (m.version !== i + 1) {
      throw new Error(`migration "${m.name}" has version ${String(m.version)}, expected ${String(i + 1)}`);
    }
  });
}

/**
 * Brings the database up to the newest migration. All pending migrations run
 * in one transaction: either the database reaches the new version or it stays
 * exactly as it was. A database newer than this build is refused, not touched.
 */
export function migrate(db: Db, migrations: readonly Migration[], now: () => number): MigrationReport {
  checkSequence(migrations);
  const latest = migrations.length;
  // The version is read inside the same write transaction that applies the
  // changes, so two processes opening one data directory cannot both migrate.
  return db
    .transaction((): MigrationReport => {
      db.exec(`CREATE TABLE IF NOT EXISTS schema_migrations (
        version    INTEGER PRIMARY KEY NOT NULL,
        name       TEXT NOT NULL,
        applied_at INTEGER NOT NULL
      ) STRICT`);
      const from = schemaVersion(db);
      if (from > latest) {
        throw new Error(
          `the database is at schema version ${String(from)} but this Tapedeck knows only up to ${String(latest)}; use a newer Tapedeck`,
        );
      }
      const pending = migrations.slice(from);
      const record = db.prepare('INSERT INTO schema_migrations (version, name, applied_at) VALUES (?, ?, ?)');
      for (const m of pending) {
        db.exec(m.sql);
        record.run(m.version, m.name, now());
      }
      return { from, to: latest, applied: pending.map((m) => `${String(m.version)}-${m.name}`) };
    })
    .immediate();
}
