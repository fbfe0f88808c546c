import type { Migration } from './types';

/**
 * Live sockets (issue 2). A connection is kept as one row for its lifetime (first/last seen) plus its state
 * changes, rather than a row per poll: 500 sockets polled every 2 s would otherwise write 21 M rows a day.
 */
export const migration: Migration = {
  version: 1,
  name: 'connections',
  sql: `
    CREATE TABLE connections (
      id              INTEGER PRIMARY KEY,
      key             TEXT    NOT NULL,
      protocol        TEXT    NOT NULL,
      family          INTEGER NOT NULL,
      local_address   TEXT    NOT NULL,
      local_port      INTEGER NOT NULL,
      remote_address  TEXT    NOT NULL,
      remote_port     INTEGER,
      pid             INTEGER,
      process_name    TEXT,
      process_path    TEXT,
      state           TEXT    NOT NULL,
      state_since     INTEGER NOT NULL,
      first_seen      INTEGER NOT NULL,
      last_seen       INTEGER NOT NULL,
      closed_at       INTEGER
    ) STRICT;
    -- At most one open row per identity; closed rows are history.
    CREATE UNIQUE INDEX connections_open_key ON connections(key) WHERE closed_at IS NULL;
    CREATE INDEX connections_last_seen ON connections(last_seen);
    CREATE INDEX connections_first_seen ON connections(first_seen);
    CREATE INDEX connections_remote ON connections(remote_address);

    CREATE TABLE connection_states (
      connection_id INTEGER NOT NULL REFERENCES connections(id) ON DELETE CASCADE,
      state         TEXT    NOT NULL,
      at            INTEGER NOT NULL
    ) STRICT;
    CREATE INDEX connection_states_conn ON connection_states(connection_id, at);
    CREATE INDEX connection_states_at ON connection_states(at);

    CREATE TABLE settings (
      key   TEXT PRIMARY KEY,
      value TEXT NOT NULL
    ) STRICT;
  `,
};
