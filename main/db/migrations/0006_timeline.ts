import type { Migration } from './types';

/**
 * Timeline (issue 6). A month of a busy router log is about a million events; summing them per bucket on every
 * zoom step takes SQLite ~0.5 s even from a covering index (measured, see docs/readme/timeline.md), far over the
 * 50 ms budget. So counts are pre-aggregated per minute, ten minutes and hour, per import and per the dimensions
 * the filters and lanes need; a month view then sums ~20 k rows. The rollup is derived data kept in step with
 * `events` (new rows by id watermark, removed imports, re-judged hosts) by main/db/repos/timeline-rollup.ts.
 */
export const migration: Migration = {
  version: 6,
  name: 'timeline',
  sql: `
    CREATE TABLE timeline_rollup (
      level     INTEGER NOT NULL,
      bucket    INTEGER NOT NULL,
      import_id INTEGER NOT NULL,
      lane      TEXT    NOT NULL,
      verdict   TEXT    NOT NULL,
      proto     TEXT    NOT NULL,
      action    TEXT    NOT NULL,
      process   TEXT    NOT NULL,
      n         INTEGER NOT NULL,
      PRIMARY KEY (level, bucket, import_id, lane, verdict, proto, action, process)
    ) STRICT, WITHOUT ROWID;

    -- The lane and verdict each address had when its events were rolled up; compared with 'hosts' to find the
    -- addresses whose counts must move to another lane after the host summary is rebuilt.
    CREATE TABLE timeline_host_lanes (
      ip      TEXT PRIMARY KEY,
      lane    TEXT NOT NULL,
      verdict TEXT NOT NULL
    ) STRICT, WITHOUT ROWID;

    -- Imports whose events are in the rollup (a missing import was removed: its rows go).
    CREATE TABLE timeline_sources (import_id INTEGER PRIMARY KEY) STRICT;

    -- max_event_id: events up to this id are rolled up; hosts_stamp: the hosts table's state when last compared.
    CREATE TABLE timeline_state (key TEXT PRIMARY KEY, value INTEGER NOT NULL) STRICT;

    -- Live sockets that closed are drawn at their closing time.
    CREATE INDEX connections_closed_at ON connections(closed_at) WHERE closed_at IS NOT NULL;
  `,
};
