import type { Migration } from './types';

/**
 * Host summary (issue 5): one row per remote address seen in imported events or live sockets, with its owner
 * and verdict, rebuilt by services/analysis.ts. `detail` holds the JSON the host panel shows (explanation in both
 * languages, evidence, port/protocol/action counts, link-to-PC findings) so opening a host needs no re-analysis.
 */
export const migration: Migration = {
  version: 4,
  name: 'hosts',
  sql: `
    CREATE TABLE hosts (
      ip          TEXT    PRIMARY KEY,
      owner       TEXT,
      owner_name  TEXT,
      role        TEXT,
      asn         INTEGER,
      as_org      TEXT,
      country     TEXT,
      confidence  TEXT,
      verdict     TEXT    NOT NULL,
      severity    TEXT    NOT NULL,
      lane        TEXT    NOT NULL,
      events      INTEGER NOT NULL,
      first_seen  INTEGER,
      last_seen   INTEGER,
      title_en    TEXT    NOT NULL,
      title_ja    TEXT    NOT NULL,
      ip_key      TEXT    NOT NULL,
      updated_at  INTEGER NOT NULL,
      detail      TEXT    NOT NULL
    ) STRICT, WITHOUT ROWID;
    CREATE INDEX hosts_events ON hosts(events);
    CREATE INDEX hosts_last_seen ON hosts(last_seen);
    CREATE INDEX hosts_verdict ON hosts(verdict, events);
    CREATE INDEX hosts_lane ON hosts(lane);
    CREATE INDEX hosts_ip_key ON hosts(ip_key);
  `,
};
