import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
// Straight to the files, not the folder index: the index also pulls in the settings contract.
import { BarStore } from '../../src-main/platform/store/bar-store';
import { openDatabase, type Db } from '../../src-main/platform/store/database';
import { migrate } from '../../src-main/platform/store/migrate';
import { MIGRATIONS } from '../../src-main/platform/store/migrations';

/** A migrated Tapedeck database in a fresh temp dir; `remove` closes it and deletes the dir. */
export interface TempStore {
  readonly db: Db;
  readonly store: BarStore;
  readonly file: string;
  remove(): void;
}

export function tempStore(prefix: string): TempStore {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  const file = join(dir, 'tapedeck.sqlite');
  const db = openDatabase(file);
  migrate(db, MIGRATIONS, () => 0);
  return {
    db,
    store: new BarStore(db),
    file,
    remove: () => {
      if (db.open) db.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
