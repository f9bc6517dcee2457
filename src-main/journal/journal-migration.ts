import type { Migration } from '../platform/store/migration';

/**
 * The journal's tables (ARCHITECTURE "Data model": journal notes, tags,
 * playbooks, journal_media), and executions taking origin 'manual' (a trade
 * the trader entered by hand). SQLite cannot change a CHECK in place, so the
 * executions table is rebuilt with the same columns, rows and index (as
 * migration 8 did for price >= 0).
 *
 * - journal_trips: what the trader wrote about one round trip, keyed by its
 *   trip id (rt:<first execution id>). No foreign key to executions: trips
 *   are derived, and notes outlive a deleted manual trade (never lost).
 * - journal_revisions: every earlier version of a trip's notes, appended
 *   before an update overwrites it.
 * - journal_tags: (trip, kind, tag), kinds setup / mistake / emotion / other.
 * - journal_playbooks: a setup's rules (JSON [{id, text}]); archived, never
 *   deleted, so a trip's link and checklist keep their meaning.
 * - journal_media: screenshots by SHA-256 (the file under media/ is named by
 *   it), taken for an execution (entry/exit) or a trip or on demand
 *   (manual); pane NULL is the whole window (the desktop app's capture). A
 *   row is written only after its file is in place, in one transaction; the
 *   unique index makes a repeated write change nothing.
 */
export const JOURNAL_MIGRATION_SQL = `
  CREATE TABLE executions_v9 (
    id               TEXT PRIMARY KEY NOT NULL,
    account_id       TEXT NOT NULL REFERENCES accounts (id),
    order_id         TEXT,
    source           TEXT NOT NULL,
    symbol           TEXT NOT NULL,
    side             TEXT NOT NULL CHECK (side IN ('buy', 'sell')),
    qty              REAL NOT NULL CHECK (qty > 0),
    price            REAL NOT NULL CHECK (price >= 0),
    fee              REAL NOT NULL CHECK (fee >= 0),
    multiplier       REAL NOT NULL CHECK (multiplier > 0),
    underlying       TEXT,
    underlying_price REAL,
    time             INTEGER NOT NULL,
    origin           TEXT NOT NULL CHECK (origin IN ('paper', 'alpaca', 'import', 'manual')),
    epoch            INTEGER NOT NULL
  ) STRICT;
  INSERT INTO executions_v9 SELECT id, account_id, order_id, source, symbol, side, qty, price, fee, multiplier, underlying, underlying_price, time, origin, epoch FROM executions;
  DROP TABLE executions;
  ALTER TABLE executions_v9 RENAME TO executions;
  CREATE INDEX executions_by_account ON executions (account_id, epoch, time);

  CREATE TABLE journal_playbooks (
    id          TEXT PRIMARY KEY NOT NULL,
    name        TEXT NOT NULL UNIQUE,
    description TEXT NOT NULL,
    rules       TEXT NOT NULL CHECK (json_valid(rules)),
    archived    INTEGER NOT NULL DEFAULT 0 CHECK (archived IN (0, 1)),
    created_at  INTEGER NOT NULL,
    updated_at  INTEGER NOT NULL
  ) STRICT;
  CREATE TABLE journal_trips (
    trip_id      TEXT PRIMARY KEY NOT NULL,
    notes        TEXT NOT NULL,
    rating       INTEGER CHECK (rating BETWEEN 1 AND 5),
    plan         TEXT NOT NULL,
    review       TEXT NOT NULL,
    planned_stop REAL CHECK (planned_stop > 0),
    risk_amount  REAL CHECK (risk_amount > 0),
    playbook_id  TEXT REFERENCES journal_playbooks (id),
    checklist    TEXT NOT NULL CHECK (json_valid(checklist)),
    created_at   INTEGER NOT NULL,
    updated_at   INTEGER NOT NULL,
    CHECK (planned_stop IS NULL OR risk_amount IS NULL)
  ) STRICT;
  CREATE TABLE journal_revisions (
    seq     INTEGER PRIMARY KEY AUTOINCREMENT,
    trip_id TEXT NOT NULL,
    time    INTEGER NOT NULL,
    before  TEXT NOT NULL CHECK (json_valid(before))
  ) STRICT;
  CREATE INDEX journal_revisions_by_trip ON journal_revisions (trip_id, seq);
  CREATE TABLE journal_tags (
    trip_id TEXT NOT NULL REFERENCES journal_trips (trip_id),
    kind    TEXT NOT NULL CHECK (kind IN ('setup', 'mistake', 'emotion', 'other')),
    tag     TEXT NOT NULL,
    PRIMARY KEY (trip_id, kind, tag)
  ) STRICT, WITHOUT ROWID;
  CREATE TABLE journal_media (
    id           INTEGER PRIMARY KEY AUTOINCREMENT,
    sha256       TEXT NOT NULL CHECK (length(sha256) = 64),
    path         TEXT NOT NULL,
    bytes        INTEGER NOT NULL CHECK (bytes > 0),
    execution_id TEXT,
    trip_id      TEXT,
    role         TEXT NOT NULL CHECK (role IN ('entry', 'exit', 'manual')),
    time         INTEGER NOT NULL,
    pane         INTEGER CHECK (pane BETWEEN 0 AND 3),
    symbol       TEXT NOT NULL,
    interval     TEXT,
    reason       TEXT NOT NULL
  ) STRICT;
  CREATE UNIQUE INDEX journal_media_once ON journal_media (sha256, coalesce(execution_id, ''), coalesce(trip_id, ''), role, coalesce(pane, -1));
  CREATE INDEX journal_media_by_execution ON journal_media (execution_id);
  CREATE INDEX journal_media_by_trip ON journal_media (trip_id);
  CREATE INDEX journal_media_by_symbol ON journal_media (symbol, time);
`;

/** Appended to src-main/platform/store/migrations.ts after the migrations before it. */
export function journalMigration(version: number): Migration {
  return { version, name: 'journal', sql: JOURNAL_MIGRATION_SQL };
}
