import type { Migration } from './migration';
import { journalMigration } from '../../journal/journal-migration';

/**
 * Tapedeck's schema, in order. Never edit a released migration: add a new one.
 * Later issues append bars, orders, fills, journal and backtest tables here.
 */
export const MIGRATIONS: readonly Migration[] = [
  {
    version: 1,
    name: 'settings',
    sql: `
      CREATE TABLE settings (
        key        TEXT PRIMARY KEY NOT NULL,
        value      TEXT NOT NULL CHECK (json_valid(value)),
        updated_at INTEGER NOT NULL
      ) STRICT;
    `,
  },
  {
    version: 2,
    name: 'bar-series-and-chunks',
    // Bars are keyed (source, symbol, interval, open_time): a series row names
    // (source, symbol, interval) once, and its bars are stored in columnar
    // chunks of 1440 bars' span keyed by the chunk's first open time.
    sql: `
      CREATE TABLE bar_series (
        id       INTEGER PRIMARY KEY,
        source   TEXT NOT NULL,
        symbol   TEXT NOT NULL,
        interval TEXT NOT NULL CHECK (interval IN ('1m', '1h', '1d')),
        market   TEXT NOT NULL CHECK (market IN ('crypto', 'us-equity', 'fx')),
        UNIQUE (source, symbol, interval)
      ) STRICT;
      CREATE TABLE bar_chunks (
        series_id   INTEGER NOT NULL REFERENCES bar_series (id),
        chunk_start INTEGER NOT NULL,
        bar_count   INTEGER NOT NULL CHECK (bar_count > 0),
        first_time  INTEGER NOT NULL,
        last_time   INTEGER NOT NULL,
        payload     BLOB NOT NULL,
        PRIMARY KEY (series_id, chunk_start)
      ) STRICT, WITHOUT ROWID;
    `,
  },
  {
    version: 3,
    name: 'ingested-files',
    // Bulk files (Binance Vision ZIPs) whose bars are stored, with the SHA-256
    // they were verified against, so a re-run skips them.
    sql: `
      CREATE TABLE ingested_files (
        source       TEXT NOT NULL,
        file_name    TEXT NOT NULL,
        sha256       TEXT NOT NULL CHECK (length(sha256) = 64),
        symbol       TEXT NOT NULL,
        period_start INTEGER NOT NULL,
        period_end   INTEGER NOT NULL CHECK (period_end > period_start),
        bars         INTEGER NOT NULL CHECK (bars >= 0),
        ingested_at  INTEGER NOT NULL,
        PRIMARY KEY (source, file_name)
      ) STRICT;
    `,
  },
  {
    version: 4,
    name: 'backtest-runs',
    // Saved backtests: what was run (config, JSON) and what came out (the
    // result JSON: stats, trades, equity; the stats alone too, so a list of
    // runs never reads the results), to compare runs and repeat one later.
    sql: `
      CREATE TABLE backtest_runs (
        id          TEXT PRIMARY KEY NOT NULL,
        created_at  INTEGER NOT NULL,
        label       TEXT NOT NULL,
        strategy    TEXT NOT NULL,
        config      TEXT NOT NULL CHECK (json_valid(config)),
        stats       TEXT NOT NULL CHECK (json_valid(stats)),
        result      TEXT NOT NULL CHECK (json_valid(result))
      ) STRICT;
      CREATE INDEX backtest_runs_created ON backtest_runs (created_at DESC);
    `,
  },
  {
    version: 5,
    name: 'bar-voids',
    // Spans of a series known to hold no bars, so a read reports them instead
    // of asking the venue again: before the source's first bar (a listing),
    // a venue's own outage, an import that did not finish. Spans of one
    // series and reason never overlap (the repository merges them).
    sql: `
      CREATE TABLE bar_voids (
        source    TEXT NOT NULL,
        symbol    TEXT NOT NULL,
        interval  TEXT NOT NULL CHECK (interval IN ('1m', '1h', '1d')),
        from_time INTEGER NOT NULL,
        to_time   INTEGER NOT NULL CHECK (to_time > from_time),
        reason    TEXT NOT NULL CHECK (reason IN ('before-start', 'venue-gap', 'incomplete')),
        noted_at  INTEGER NOT NULL,
        PRIMARY KEY (source, symbol, interval, reason, from_time)
      ) STRICT;
    `,
  },
  {
    version: 6,
    name: 'paper-trading',
    // Accounts (a reset starts a new epoch: positions and cash come from the
    // fills of the current epoch; older fills stay for the journal), orders
    // (the request as placed, for idempotency by client order id, and the
    // order's state now), every order transition (written before it is acted
    // on), executions (the truth of trading), the append-only audit log, and
    // small trading state (the kill switch, the active account).
    sql: `
      CREATE TABLE accounts (
        id            TEXT PRIMARY KEY NOT NULL,
        name          TEXT NOT NULL UNIQUE,
        broker        TEXT NOT NULL CHECK (broker IN ('paper', 'alpaca')),
        currency      TEXT NOT NULL,
        starting_cash REAL NOT NULL CHECK (starting_cash > 0),
        fees          TEXT NOT NULL CHECK (json_valid(fees)),
        risk          TEXT NOT NULL CHECK (json_valid(risk)),
        epoch         INTEGER NOT NULL DEFAULT 0,
        created_at    INTEGER NOT NULL,
        reset_at      INTEGER
      ) STRICT;
      CREATE TABLE orders (
        id              TEXT PRIMARY KEY NOT NULL,
        account_id      TEXT NOT NULL REFERENCES accounts (id),
        client_order_id TEXT NOT NULL,
        request         TEXT NOT NULL CHECK (json_valid(request)),
        state           TEXT NOT NULL CHECK (json_valid(state)),
        status          TEXT NOT NULL,
        source          TEXT NOT NULL,
        symbol          TEXT NOT NULL,
        epoch           INTEGER NOT NULL,
        created_at      INTEGER NOT NULL,
        updated_at      INTEGER NOT NULL,
        UNIQUE (account_id, client_order_id)
      ) STRICT;
      CREATE INDEX orders_by_status ON orders (account_id, status);
      CREATE TABLE order_events (
        seq         INTEGER PRIMARY KEY AUTOINCREMENT,
        order_id    TEXT NOT NULL REFERENCES orders (id),
        time        INTEGER NOT NULL,
        event       TEXT NOT NULL,
        from_status TEXT,
        to_status   TEXT NOT NULL,
        data        TEXT NOT NULL CHECK (json_valid(data))
      ) STRICT;
      CREATE INDEX order_events_by_order ON order_events (order_id, seq);
      CREATE TABLE executions (
        id               TEXT PRIMARY KEY NOT NULL,
        account_id       TEXT NOT NULL REFERENCES accounts (id),
        order_id         TEXT,
        source           TEXT NOT NULL,
        symbol           TEXT NOT NULL,
        side             TEXT NOT NULL CHECK (side IN ('buy', 'sell')),
        qty              REAL NOT NULL CHECK (qty > 0),
        price            REAL NOT NULL CHECK (price > 0),
        fee              REAL NOT NULL CHECK (fee >= 0),
        multiplier       REAL NOT NULL CHECK (multiplier > 0),
        underlying       TEXT,
        underlying_price REAL,
        time             INTEGER NOT NULL,
        origin           TEXT NOT NULL CHECK (origin IN ('paper', 'alpaca', 'import')),
        epoch            INTEGER NOT NULL
      ) STRICT;
      CREATE INDEX executions_by_account ON executions (account_id, epoch, time);
      CREATE TABLE audit_log (
        seq        INTEGER PRIMARY KEY AUTOINCREMENT,
        time       INTEGER NOT NULL,
        kind       TEXT NOT NULL,
        account_id TEXT,
        symbol     TEXT,
        message    TEXT NOT NULL,
        data       TEXT NOT NULL CHECK (json_valid(data))
      ) STRICT;
      CREATE INDEX audit_log_by_time ON audit_log (time);
      CREATE TABLE trading_state (
        key   TEXT PRIMARY KEY NOT NULL,
        value TEXT NOT NULL CHECK (json_valid(value))
      ) STRICT;
    `,
  },
  {
    version: 7,
    name: 'drawings',
    // The user's drawings (horizontal and vertical lines, rectangles) per
    // series (source, symbol), by the id the client made for each; `spec` is
    // the whole drawing as JSON, validated by the contract on the way in and
    // again when read back.
    sql: `
      CREATE TABLE drawings (
        id         TEXT PRIMARY KEY NOT NULL,
        source     TEXT NOT NULL,
        symbol     TEXT NOT NULL,
        kind       TEXT NOT NULL CHECK (kind IN ('hline', 'vline', 'rect')),
        spec       TEXT NOT NULL CHECK (json_valid(spec)),
        created_at INTEGER NOT NULL,
        updated_at INTEGER NOT NULL
      ) STRICT;
      CREATE INDEX drawings_by_series ON drawings (source, symbol, created_at);
    `,
  },
  {
    version: 8,
    name: 'option-expiry-settlement',
    // An option that expires worthless is closed by a fill at 0 (its
    // intrinsic value): executions take price >= 0. SQLite cannot change a
    // CHECK in place, so the table is rebuilt with the same rows.
    sql: `
      CREATE TABLE executions_v8 (
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
        origin           TEXT NOT NULL CHECK (origin IN ('paper', 'alpaca', 'import')),
        epoch            INTEGER NOT NULL
      ) STRICT;
      INSERT INTO executions_v8 SELECT id, account_id, order_id, source, symbol, side, qty, price, fee, multiplier, underlying, underlying_price, time, origin, epoch FROM executions;
      DROP TABLE executions;
      ALTER TABLE executions_v8 RENAME TO executions;
      CREATE INDEX executions_by_account ON executions (account_id, epoch, time);
    `,
  },
  journalMigration(9),
];
