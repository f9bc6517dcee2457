import { z } from 'zod';
import { SHOT_ROLES } from '../../shared/contract/journal-wire';
import type { Db } from '../platform/store/database';

/** A screenshot row: which file (by hash), what it was taken for, and of what. */
export interface ShotRow {
  readonly id: number;
  readonly sha256: string;
  readonly path: string;
  readonly bytes: number;
  readonly executionId: string | null;
  readonly tripId: string | null;
  readonly role: (typeof SHOT_ROLES)[number];
  readonly time: number;
  readonly pane: number | null;
  readonly symbol: string;
  readonly interval: string | null;
  readonly reason: string;
}

export type NewShot = Omit<ShotRow, 'id'>;

const rowSchema = z.object({
  id: z.number().int().positive(),
  sha256: z.string().regex(/^[0-9a-f]{64}$/),
  path: z.string(),
  bytes: z.number().int().positive(),
  execution_id: z.string().nullable(),
  trip_id: z.string().nullable(),
  role: z.enum(SHOT_ROLES),
  time: z.number().int(),
  pane: z.number().int().nullable(),
  symbol: z.string(),
  interval: z.string().nullable(),
  reason: z.string(),
});

const COLUMNS = 'id, sha256, path, bytes, execution_id, trip_id, role, time, pane, symbol, interval, reason';

function fromRow(raw: unknown): ShotRow {
  const r = rowSchema.parse(raw);
  return { id: r.id, sha256: r.sha256, path: r.path, bytes: r.bytes, executionId: r.execution_id, tripId: r.trip_id, role: r.role, time: r.time, pane: r.pane, symbol: r.symbol, interval: r.interval, reason: r.reason };
}

/**
 * The journal's references to screenshot files (journal_media). Rows are
 * written after their files are in place, all of one capture in one
 * transaction; writing the same reference again changes nothing. A row is
 * never dropped because its file went missing: the journal reports it.
 */
export class MediaRepository {
  private readonly stmts;
  /** The rows of one capture, in one transaction (made once: building it per call costs the event loop). */
  private readonly insertAll;

  constructor(private readonly db: Db) {
    this.stmts = {
      // Prepared once: PRAGMA through db.pragma() compiles a statement each time.
      syncMode: db.prepare('PRAGMA synchronous').pluck(),
      syncNormal: db.prepare('PRAGMA synchronous = NORMAL'),
      syncFull: db.prepare('PRAGMA synchronous = FULL'),
      insert: db.prepare(
        `INSERT INTO journal_media (sha256, path, bytes, execution_id, trip_id, role, time, pane, symbol, interval, reason)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING`,
      ),
      all: db.prepare(`SELECT ${COLUMNS} FROM journal_media ORDER BY time, id`),
      bySha: db.prepare(`SELECT ${COLUMNS} FROM journal_media WHERE sha256 = ? LIMIT 1`),
      manualAt: db.prepare(`SELECT ${COLUMNS} FROM journal_media WHERE role = 'manual' AND time = ? ORDER BY id`),
    };
    this.insertAll = this.db.transaction((shots: readonly NewShot[]): number => {
      let added = 0;
      for (const s of shots) added += this.stmts.insert.run(s.sha256, s.path, s.bytes, s.executionId, s.tripId, s.role, s.time, s.pane, s.symbol, s.interval, s.reason).changes;
      return added;
    });
  }

  /** Stores the references of one capture at once; how many were new. */
  insert(shots: readonly NewShot[]): number {
    if (shots.length === 0) return 0;
    // Committed without its own fsync (WAL, synchronous=NORMAL for this transaction): a picture's rows must not hold
    // the event loop the orders run on for a disk flush. The next trading commit flushes them; a power cut before it
    // loses only these rows (their files stay, unreferenced), never an order, and never leaves a row without its file.
    const previous: unknown = this.stmts.syncMode.get();
    this.stmts.syncNormal.run();
    try {
      return this.insertAll.immediate(shots);
    } finally {
      // Put back as it was: FULL (2, the store's setting) by the prepared statement, NORMAL (1) needs nothing.
      if (previous === 2) this.stmts.syncFull.run();
      else if (previous !== 1) this.db.pragma(`synchronous = ${typeof previous === 'number' ? String(previous) : 'FULL'}`);
    }
  }

  all(): ShotRow[] {
    return this.stmts.all.all().map(fromRow);
  }

  /** Any reference to this file (the journal only serves files it references). */
  bySha(sha256: string): ShotRow | undefined {
    const row: unknown = this.stmts.bySha.get(sha256);
    return row === undefined ? undefined : fromRow(row);
  }

  /** The on-demand shots taken at `time`. */
  manualAt(time: number): ShotRow[] {
    return this.stmts.manualAt.all(time).map(fromRow);
  }
}
