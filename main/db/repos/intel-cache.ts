import type { Database } from 'better-sqlite3';

export type CacheStatus = 'ok' | 'none' | 'error';

export interface DnsCacheRow {
  ip: string;
  status: CacheStatus;
  ptr: string | null;
  confirmed: boolean | null;
  fetchedAt: number;
  expiresAt: number;
}

interface DnsRaw {
  ip: string;
  status: CacheStatus;
  ptr: string | null;
  confirmed: number | null;
  fetched_at: number;
  expires_at: number;
}

export function readDnsCache(db: Database, args: { ip: string; now: number }): DnsCacheRow | null {
  const r = db
    .prepare('SELECT ip, status, ptr, confirmed, fetched_at, expires_at FROM dns_cache WHERE ip = ? AND expires_at > ?')
    .get(args.ip, args.now) as DnsRaw | undefined;
  if (!r) return null;
  return {
    ip: r.ip,
    status: r.status,
    ptr: r.ptr,
    confirmed: r.confirmed === null ? null : r.confirmed === 1,
    fetchedAt: r.fetched_at,
    expiresAt: r.expires_at,
  };
}

export function writeDnsCache(db: Database, row: DnsCacheRow): void {
  db.prepare(
    `INSERT INTO dns_cache (ip, status, ptr, confirmed, fetched_at, expires_at) VALUES (?, ?, ?, ?, ?, ?)
     ON CONFLICT(ip) DO UPDATE SET status = excluded.status, ptr = excluded.ptr, confirmed = excluded.confirmed,
       fetched_at = excluded.fetched_at, expires_at = excluded.expires_at`,
  ).run(
    row.ip,
    row.status,
    row.ptr,
    row.confirmed === null ? null : row.confirmed ? 1 : 0,
    row.fetchedAt,
    row.expiresAt,
  );
}

export interface RdapCacheRow {
  queryIp: string;
  family: 4 | 6;
  /** Fixed-width hex of the network's first and last address (core/intel/address.ts addressKey). */
  startKey: string | null;
  endKey: string | null;
  status: CacheStatus;
  server: string | null;
  /** The RdapSummary as JSON (parsed with zod by the caller). */
  summary: string | null;
  fetchedAt: number;
  expiresAt: number;
}

interface RdapRaw {
  query_ip: string;
  family: number;
  start_key: string | null;
  end_key: string | null;
  status: CacheStatus;
  server: string | null;
  summary: string | null;
  fetched_at: number;
  expires_at: number;
}

const RDAP_COLUMNS = 'query_ip, family, start_key, end_key, status, server, summary, fetched_at, expires_at';

function fromRdapRaw(r: RdapRaw): RdapCacheRow {
  return {
    queryIp: r.query_ip,
    family: r.family === 6 ? 6 : 4,
    startKey: r.start_key,
    endKey: r.end_key,
    status: r.status,
    server: r.server,
    summary: r.summary,
    fetchedAt: r.fetched_at,
    expiresAt: r.expires_at,
  };
}

/**
 * The cached answer for an address: its own row, else a live answer whose network contains it (the most specific
 * one). Failed lookups are cached per address only.
 */
export function readRdapCache(
  db: Database,
  args: { ip: string; family: 4 | 6; key: string; now: number },
): RdapCacheRow | null {
  const own = db
    .prepare(`SELECT ${RDAP_COLUMNS} FROM rdap_cache WHERE query_ip = ? AND expires_at > ?`)
    .get(args.ip, args.now) as RdapRaw | undefined;
  if (own) return fromRdapRaw(own);
  const covering = db
    .prepare(
      `SELECT ${RDAP_COLUMNS} FROM rdap_cache
       WHERE family = ? AND start_key <= ? AND end_key >= ? AND status = 'ok' AND expires_at > ?
       ORDER BY start_key DESC, end_key ASC LIMIT 1`,
    )
    .get(args.family, args.key, args.key, args.now) as RdapRaw | undefined;
  return covering ? fromRdapRaw(covering) : null;
}

export function writeRdapCache(db: Database, row: RdapCacheRow): void {
  db.prepare(
    `INSERT INTO rdap_cache (${RDAP_COLUMNS}) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
     ON CONFLICT(query_ip) DO UPDATE SET family = excluded.family, start_key = excluded.start_key,
       end_key = excluded.end_key, status = excluded.status, server = excluded.server, summary = excluded.summary,
       fetched_at = excluded.fetched_at, expires_at = excluded.expires_at`,
  ).run(
    row.queryIp,
    row.family,
    row.startKey,
    row.endKey,
    row.status,
    row.server,
    row.summary,
    row.fetchedAt,
    row.expiresAt,
  );
}

/** Drops expired rows of both caches; returns how many went. */
export function purgeIntelCache(db: Database, args: { now: number }): number {
  const a = db.prepare('DELETE FROM dns_cache WHERE expires_at <= ?').run(args.now).changes;
  const b = db.prepare('DELETE FROM rdap_cache WHERE expires_at <= ?').run(args.now).changes;
  return a + b;
}
