import { join } from 'node:path';
import { DATABASE_FILE, ensureDataDir } from '../config/data-dir';
import { BarStore, BarVoids, migrate, MIGRATIONS, openDatabase, type Db } from '../store';

/** The store alone (no feeds, no server), for CLI commands that only read or write bars. */
export function openStore(dataDir: string): { db: Db; bars: BarStore; voids: BarVoids; close(): void } {
  const db = openDatabase(join(ensureDataDir(dataDir), DATABASE_FILE));
  try {
    migrate(db, MIGRATIONS, () => Date.now());
  } catch (err) {
    db.close();
    throw err;
  }
  return { db, bars: new BarStore(db), voids: new BarVoids(db), close: () => db.close() };
}
