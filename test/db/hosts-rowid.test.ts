import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import BetterSqlite3, { type Database } from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { migrate } from '../../main/db/migrate';
import { MIGRATIONS } from '../../main/db/migrations';

const dirs: string[] = [];
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

const HOST_INDEXES = ['hosts_events', 'hosts_ip_key', 'hosts_lane', 'hosts_last_seen', 'hosts_verdict'];

/** What a user's rows look like: NULL owner/AS/times for unknown hosts, IPv6, Japanese titles, a large detail. */
const HOSTS = [
  {
    ip: '203.0.113.7',
    owner: 'google',
    owner_name: 'Google',
    role: 'dns',
    asn: 15169,
    as_org: 'GOOGLE',
    country: 'US',
    confidence: 'high',
    verdict: 'normal',
    severity: 'info',
    lane: 'cloud',
    events: 4200,
    first_seen: 1_700_000_000_000,
    last_seen: 1_700_086_400_000,
    title_en: 'Google DNS',
    title_ja: 'Google の DNS',
    ip_key: '4:cb007107',
    updated_at: 1_700_100_000_000,
    detail: JSON.stringify({ evidence: ['x'.repeat(1700)], ports: { 53: 4200 } }),
  },
  {
    ip: '2001:db8::1',
    owner: null,
    owner_name: null,
    role: null,
    asn: 4_294_967_295,
    as_org: null,
    country: null,
    confidence: null,
    verdict: 'scan',
    severity: 'high',
    lane: 'unknown',
    events: 1,
    first_seen: null,
    last_seen: null,
    title_en: 'Port scan',
    title_ja: 'ポートスキャン',
    ip_key: '6:20010db8000000000000000000000001',
    updated_at: 1_700_100_000_000,
    detail: '{"explanation":{"en":"Scanned 30 ports","ja":"30 個のポートを走査"}}',
  },
  {
    ip: '192.0.2.200',
    owner: 'isp',
    owner_name: 'Example ISP',
    role: 'router',
    asn: 0,
    as_org: 'EXAMPLE-AS',
    country: 'JP',
    confidence: 'low',
    verdict: 'probe',
    severity: 'medium',
    lane: 'isp',
    events: 0,
    first_seen: 0,
    last_seen: 0,
    title_en: '',
    title_ja: '',
    ip_key: '4:c00002c8',
    updated_at: 1,
    detail: '{}',
  },
];

function tempFile(): string {
  const dir = mkdtempSync(join(tmpdir(), 'netwhy-db-'));
  dirs.push(dir);
  return join(dir, 'netwhy.sqlite');
}

interface HostsSchema {
  columns: unknown[];
  indexes: { name: string; unique: number; columns: string[] }[];
}

/** Columns with type, NOT NULL and key, and each host index with its columns: what 0007 must keep unchanged. */
function hostsSchema(db: Database): HostsSchema {
  const indexes = (db.prepare('PRAGMA index_list(hosts)').all() as { name: string; unique: number }[])
    .filter((i) => !i.name.startsWith('sqlite_autoindex_'))
    .map((i) => ({
      name: i.name,
      unique: i.unique,
      columns: (db.prepare(`PRAGMA index_info(${i.name})`).all() as { name: string }[]).map((c) => c.name),
    }))
    .sort((a, b) => a.name.localeCompare(b.name));
  return { columns: db.prepare('PRAGMA table_info(hosts)').all(), indexes };
}

/**
 * The app's open path (WAL, foreign keys on) up to 0007: 0008 then moves `detail` to host_details, which
 * host-details.test.ts covers from a version 7 database.
 */
function openAtVersion7(file: string): Database {
  const db = new BetterSqlite3(file);
  if (file !== ':memory:') db.pragma('journal_mode = WAL');
  db.pragma('foreign_keys = ON');
  migrate(
    db,
    MIGRATIONS.filter((m) => m.version <= 7),
  );
  return db;
}

const tableList = (db: Database): { wr: number; strict: number } =>
  db.prepare("SELECT wr, strict FROM pragma_table_list WHERE name = 'hosts'").get() as { wr: number; strict: number };

describe('migration 0007_hosts_rowid', () => {
  it('keeps every host row and value of a version 6 database, and hosts is a rowid table afterwards', () => {
    const file = tempFile();
    const old = new BetterSqlite3(file);
    migrate(
      old,
      MIGRATIONS.filter((m) => m.version <= 6),
    );
    expect(old.pragma('user_version', { simple: true })).toBe(6);
    expect(tableList(old)).toEqual({ wr: 1, strict: 1 });
    const insert = old.prepare(
      `INSERT INTO hosts VALUES (@ip, @owner, @owner_name, @role, @asn, @as_org, @country, @confidence, @verdict,
        @severity, @lane, @events, @first_seen, @last_seen, @title_en, @title_ja, @ip_key, @updated_at, @detail)`,
    );
    for (const h of HOSTS) insert.run(h);
    const schemaBefore = hostsSchema(old);
    expect(schemaBefore.indexes.map((i) => i.name)).toEqual(HOST_INDEXES);
    old.close();

    // The path a user takes: the app opens the old file (WAL, foreign keys on) and migrates it.
    const db = openAtVersion7(file);
    expect(db.pragma('user_version', { simple: true })).toBe(7);
    const rows = db.prepare('SELECT * FROM hosts ORDER BY ip').all();
    expect(rows).toEqual([...HOSTS].sort((a, b) => (a.ip < b.ip ? -1 : 1)));
    expect(hostsSchema(db)).toEqual(schemaBefore);
    expect(hostsSchema(db).indexes.map((i) => i.name)).toEqual(HOST_INDEXES);
    expect(tableList(db)).toEqual({ wr: 0, strict: 1 });
    const sql = (
      db.prepare("SELECT sql FROM sqlite_master WHERE type = 'table' AND name = 'hosts'").get() as {
        sql: string;
      }
    ).sql;
    expect(sql).not.toMatch(/WITHOUT\s+ROWID/i);
    expect(sql).toMatch(/CREATE TABLE "?hosts"?/);
    expect(db.prepare("SELECT name FROM sqlite_master WHERE name = 'hosts_new'").get()).toBeUndefined();
    expect(db.pragma('foreign_key_check')).toEqual([]);
    expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
    db.close();
  });

  it('keeps the constraints: one row per address, STRICT types and the NOT NULL columns', () => {
    const db = openAtVersion7(':memory:');
    const insert = db.prepare(
      `INSERT INTO hosts VALUES (@ip, @owner, @owner_name, @role, @asn, @as_org, @country, @confidence, @verdict,
        @severity, @lane, @events, @first_seen, @last_seen, @title_en, @title_ja, @ip_key, @updated_at, @detail)`,
    );
    const h = HOSTS[0]!;
    insert.run(h);
    expect(() => insert.run(h)).toThrow(/UNIQUE/);
    expect(() => insert.run({ ...h, ip: '198.51.100.1', events: 'many' })).toThrow(/cannot store TEXT/);
    expect(() => insert.run({ ...h, ip: '198.51.100.2', verdict: null })).toThrow(/NOT NULL/);
    expect(tableList(db)).toEqual({ wr: 0, strict: 1 });
    db.close();
  });
});
