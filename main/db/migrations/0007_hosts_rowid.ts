import type { Migration } from './types';

/**
 * `hosts` becomes an ordinary rowid table; 0004 made it WITHOUT ROWID. SQLite advises WITHOUT ROWID only for small
 * rows, and a host row is ~1.8 KB (its `detail` JSON is ~1.7 KB): WITHOUT ROWID keeps whole rows in the primary-key
 * b-tree, so only a couple fit in a page and rows arriving in random address order land all over it, while a rowid
 * table appends them and only its small ip index takes the random order. Measured: replacing 100,000 hosts
 * (DELETE + INSERT in one transaction, repos/hosts.ts replaceHosts) took 7.7 s as WITHOUT ROWID and 2.3 s as a
 * rowid table (same indexes, same rows, random order). That rebuild runs after every import, so the user waits for
 * it. Looking hosts up by ip (the timeline's events-to-hosts join) got faster too, not slower.
 *
 * Columns, types, constraints (STRICT, ip primary key, NOT NULLs) and the five indexes are exactly those of 0004.
 * The table is copied rather than altered because SQLite cannot drop WITHOUT ROWID in place. The usual
 * create-copy-drop-rename pattern is safe here inside migrate()'s transaction with foreign_keys ON: no table has a
 * foreign key to or from `hosts`, and no view or trigger names it (checked when this was written; a later one would
 * have to be recreated here). DROP TABLE removes the old indexes, so their names are free for the new table.
 */
export const migration: Migration = {
  version: 7,
  name: 'hosts_rowid',
  sql: `
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
      updated_at  INTEGER NOT NULL,
      detail      TEXT    NOT NULL
    ) STRICT;
    INSERT INTO hosts_new (ip, owner, owner_name, role, asn, as_org, country, confidence, verdict, severity, lane,
                           events, first_seen, last_seen, title_en, title_ja, ip_key, updated_at, detail)
      SELECT ip, owner, owner_name, role, asn, as_org, country, confidence, verdict, severity, lane,
             events, first_seen, last_seen, title_en, title_ja, ip_key, updated_at, detail
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
