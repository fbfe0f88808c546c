import type { Migration } from './types';

/**
 * Imported router/firewall logs (issue 3). One `imports` row per file, paste or live syslog session; its events
 * and the lines NetWhy could not read hang off it and go with it (ON DELETE CASCADE).
 * Crash safety: each batch of events is committed in one transaction together with the import's progress
 * (lines_total = last line committed), so an interrupted import is resumed after that line, exactly.
 */
export const migration: Migration = {
  version: 2,
  name: 'imports',
  sql: `
    CREATE TABLE imports (
      id                INTEGER PRIMARY KEY,
      source            TEXT    NOT NULL CHECK (source IN ('file', 'paste', 'syslog')),
      file_name         TEXT,
      file_path         TEXT,
      file_size         INTEGER,
      content_hash      TEXT,
      family            TEXT,
      family_confidence REAL,
      encoding          TEXT,
      compressed        INTEGER NOT NULL DEFAULT 0,
      zone              TEXT,
      assumed_year      INTEGER,
      -- The --format/--tz/--year the import was started with (JSON), so a resume reads the file the same way.
      options           TEXT,
      status            TEXT    NOT NULL CHECK (status IN ('running', 'done', 'cancelled', 'failed')),
      started_at        INTEGER NOT NULL,
      finished_at       INTEGER,
      -- Last commit of a running import: a 'running' row not updated for a while was interrupted.
      updated_at        INTEGER,
      bytes_total       INTEGER,
      bytes_done        INTEGER NOT NULL DEFAULT 0,
      lines_total       INTEGER NOT NULL DEFAULT 0,
      lines_parsed      INTEGER NOT NULL DEFAULT 0,
      lines_ignored     INTEGER NOT NULL DEFAULT 0,
      lines_unknown     INTEGER NOT NULL DEFAULT 0,
      first_ts          INTEGER,
      last_ts           INTEGER,
      error             TEXT
    ) STRICT;
    CREATE INDEX imports_hash ON imports(content_hash);
    CREATE INDEX imports_started ON imports(started_at);

    CREATE TABLE events (
      id        INTEGER PRIMARY KEY,
      import_id INTEGER NOT NULL REFERENCES imports(id) ON DELETE CASCADE,
      line      INTEGER NOT NULL,
      ts_utc    INTEGER,
      ts_text   TEXT,
      zone      TEXT,
      proto     TEXT,
      src       TEXT,
      sport     INTEGER,
      dst       TEXT,
      dport     INTEGER,
      action    TEXT,
      flags     TEXT,
      direction TEXT,
      iface     TEXT,
      rule      TEXT,
      length    INTEGER,
      message   TEXT,
      format    TEXT,
      process   TEXT,
      pid       INTEGER,
      state     TEXT,
      remote    TEXT,
      raw       TEXT    NOT NULL
    ) STRICT;
    CREATE UNIQUE INDEX events_import_line ON events(import_id, line);
    CREATE INDEX events_ts ON events(ts_utc);
    CREATE INDEX events_remote_ts ON events(remote, ts_utc);

    CREATE TABLE unknown_lines (
      import_id INTEGER NOT NULL REFERENCES imports(id) ON DELETE CASCADE,
      line      INTEGER NOT NULL,
      reason    TEXT    NOT NULL,
      raw       TEXT    NOT NULL,
      PRIMARY KEY (import_id, line)
    ) STRICT, WITHOUT ROWID;
  `,
};
