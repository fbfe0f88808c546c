import type { Migration } from './types';

/**
 * The host panel's `detail` JSON moves out of `hosts` into `host_details`, so a `hosts` row is ~0.2 KB instead of
 * ~2.5 KB (the JSON is ~1,700 characters, ~2.3 KB of UTF-8 with its Japanese text: one row filled most of a 4 KB
 * page, and 100,000 hosts took ~380 MB). The hosts summary is rebuilt after every import beside the live table and
 * put in place in one transaction (repos/hosts.ts finishHostsRebuild), and that transaction builds the five indexes
 * over the finished rows: each CREATE INDEX scans the whole table. Measured (npm run bench:hosts, 100,000 hosts):
 * the swap held the main process 0.80-0.88 s, nearly all of it the five index builds at ~140-170 ms each; without the
 * JSON in the rows they take ~25-50 ms each and the longest stall is ~0.22 s. Every Hosts list query read those bytes
 * too. The details table has no secondary index, so nothing scans it at the swap; it is read one address at a time
 * (the host panel).
 *
 * host_details is a rowid table for the reason 0007 gives (rows of ~2.3 KB). No foreign key between the two: they
 * are rebuilt and swapped together, and a host without a details row reads as a host with no verdict detail
 * (getHost returns null, the panel says there is no verdict yet), never as a broken one.
 *
 * `hosts` keeps its columns but `detail`, with the same types, constraints (STRICT, ip primary key, NOT NULLs) and
 * the same five indexes as 0007. It is copied rather than altered (create, copy, drop, rename, as in 0007, inside
 * migrate()'s transaction with foreign_keys ON): no table has a foreign key to or from `hosts`, and no view or
 * trigger names it (checked when this was written; a later one would have to be recreated here). DROP TABLE removes
 * the old indexes, so their names are free for the new table.
 */
export const migration: Migration = {
  version: 8,
  name: 'host_details',
  sql: `
    CREATE TABLE host_details (
      ip      TEXT PRIMARY KEY,
      detail  TEXT NOT NULL
    ) STRICT;
    INSERT INTO host_details (ip, detail) SELECT ip, detail FROM hosts;
    CREATE TABLE hosts_new (
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
      updated_at  INTEGER NOT NULL
    ) STRICT;
    INSERT INTO hosts_new (ip, owner, owner_name, role, asn, as_org, country, confidence, verdict, severity, lane,
                           events, first_seen, last_seen, title_en, title_ja, ip_key, updated_at)
      SELECT ip, owner, owner_name, role, asn, as_org, country, confidence, verdict, severity, lane,
             events, first_seen, last_seen, title_en, title_ja, ip_key, updated_at
      FROM hosts;
    DROP TABLE hosts;
    ALTER TABLE hosts_new RENAME TO hosts;
    -- Built after the copy: one sort per index instead of updating five indexes row by row.
    CREATE INDEX hosts_events ON hosts(events);
    CREATE INDEX hosts_last_seen ON hosts(last_seen);
    CREATE INDEX hosts_verdict ON hosts(verdict, events);
    CREATE INDEX hosts_lane ON hosts(lane);
    CREATE INDEX hosts_ip_key ON hosts(ip_key);
  `,
};
