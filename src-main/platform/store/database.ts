import Database from 'better-sqlite3';

export type Db = Database.Database;

/**
 * Opens (creating if needed; read-only: an existing file) a Tapedeck SQLite file. WAL lets readers run
 * beside the writer; synchronous=FULL makes a committed transaction survive
 * a power cut, because orders, fills and journal entries must never be lost.
 */
export function openDatabase(file: string, options: { readonly readonly?: boolean } = {}): Db {
  const readonly = options.readonly === true;
  const db = new Database(file, { readonly, fileMustExist: readonly });
  try {
    // A reader (a worker thread) takes the journal mode the writer set; only the writer sets it.
    if (!readonly) db.pragma('journal_mode = WAL');
    if (!readonly) db.pragma('synchronous = FULL');
    db.pragma('foreign_keys = ON');
    db.pragma('busy_timeout = 5000');
  } catch (err) {
    db.close();
    throw err;
  }
  return db;
}

/** The journal mode SQLite reports ("wal" once openDatabase has run). */
export function journalMode(db: Db): string {
  const mode: unknown = db.pragma('journal_mode', { simple: true });
  return typeof mode === 'string' ? mode : String(mode);
}
