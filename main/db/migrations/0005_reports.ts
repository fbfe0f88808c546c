import type { Migration } from './types';

/**
 * Abuse reports the user created (issue 7). A report keeps a snapshot of its input (events, attribution, verdict)
 * so it can be reopened and re-rendered (e.g. redaction switched off) after its import was deleted; the event ids
 * say where the rows came from while they still exist.
 */
export const migration: Migration = {
  version: 5,
  name: 'reports',
  sql: `
    CREATE TABLE reports (
      id          INTEGER PRIMARY KEY,
      uuid        TEXT    NOT NULL UNIQUE,
      created_at  INTEGER NOT NULL,
      updated_at  INTEGER NOT NULL,
      host        TEXT    NOT NULL,
      recipient   TEXT,
      verdict     TEXT,
      event_count INTEGER NOT NULL,
      first_ts    INTEGER,
      last_ts     INTEGER,
      event_ids   TEXT    NOT NULL,
      options     TEXT    NOT NULL,
      snapshot    TEXT    NOT NULL
    ) STRICT;
    CREATE INDEX reports_created ON reports(created_at);
    CREATE INDEX reports_host ON reports(host);
  `,
};
