import type { Migration } from './types';

/**
 * Caches of online lookups (issue 4), so an address is asked about once per TTL and the app works offline with what
 * it already learned. RDAP answers describe a whole network (startAddress..endAddress), so they are keyed by range:
 * one answer serves every address in, say, an Akamai /11. Range ends are fixed-width hex so text compares like
 * numbers.
 */
export const migration: Migration = {
  version: 3,
  name: 'intel',
  sql: `
    CREATE TABLE dns_cache (
      ip          TEXT    PRIMARY KEY,
      status      TEXT    NOT NULL CHECK (status IN ('ok', 'none', 'error')),
      ptr         TEXT,
      confirmed   INTEGER,
      fetched_at  INTEGER NOT NULL,
      expires_at  INTEGER NOT NULL
    ) STRICT;
    CREATE INDEX dns_cache_expires ON dns_cache(expires_at);

    CREATE TABLE rdap_cache (
      id          INTEGER PRIMARY KEY,
      query_ip    TEXT    NOT NULL,
      family      INTEGER NOT NULL,
      start_key   TEXT,
      end_key     TEXT,
      status      TEXT    NOT NULL CHECK (status IN ('ok', 'none', 'error')),
      server      TEXT,
      summary     TEXT,
      fetched_at  INTEGER NOT NULL,
      expires_at  INTEGER NOT NULL
    ) STRICT;
    CREATE UNIQUE INDEX rdap_cache_query ON rdap_cache(query_ip);
    CREATE INDEX rdap_cache_range ON rdap_cache(family, start_key, end_key);
    CREATE INDEX rdap_cache_expires ON rdap_cache(expires_at);
  `,
};
