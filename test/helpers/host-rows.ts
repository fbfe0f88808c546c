import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import BetterSqlite3, { type Database } from 'better-sqlite3';
import { migrate } from '../../main/db/migrate';
import { MIGRATIONS } from '../../main/db/migrations';

/** Host-table fixtures for the migration tests (0007 rowid, 0008 host_details): rows as users' databases hold them. */

export const HOST_INDEXES = ['hosts_events', 'hosts_ip_key', 'hosts_lane', 'hosts_last_seen', 'hosts_verdict'];

/** The panel's JSON as versions up to 0008 stored it (trimmed): texts in both languages, evidence, counts. */
export const SCAN_DETAIL = JSON.stringify({
  verdictDetail: {
    id: 'scan',
    severity: 'warning',
    rule: 'scan.ports',
    title: { en: 'Port scan', ja: 'ポートスキャン' },
    explanation: { en: 'Scanned 30 ports', ja: '30 個のポートを走査' },
    advice: { en: 'Nothing to do', ja: '対応は不要です' },
    evidence: [{ kind: 'ports', detail: 'x'.repeat(1700) }],
  },
  ports: [{ proto: 'tcp', port: 22, count: 3 }],
  remotePorts: [],
  protocols: { tcp: 30 },
  actions: { drop: 30 },
  flowVerdicts: {},
  links: [],
  sites: [],
});

/** What a user's rows look like: NULL owner/AS/times for unknown hosts, IPv6, Japanese titles, a large detail. */
export const OLD_HOSTS = [
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
    lane: 'other-cdn',
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
    severity: 'warning',
    lane: 'unknown',
    events: 30,
    first_seen: null,
    last_seen: null,
    title_en: 'Port scan',
    title_ja: 'ポートスキャン',
    ip_key: '6:20010db8000000000000000000000001',
    updated_at: 1_700_100_000_000,
    detail: SCAN_DETAIL,
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
    severity: 'notice',
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

export const byIp = <T extends { ip: string }>(rows: readonly T[]): T[] =>
  [...rows].sort((a, b) => (a.ip < b.ip ? -1 : 1));

/** Inserts OLD_HOSTS into a `hosts` table that still has its `detail` column (schema versions 4 to 7). */
export function insertOldHosts(db: Database): void {
  const insert = db.prepare(
    `INSERT INTO hosts VALUES (@ip, @owner, @owner_name, @role, @asn, @as_org, @country, @confidence, @verdict,
      @severity, @lane, @events, @first_seen, @last_seen, @title_en, @title_ja, @ip_key, @updated_at, @detail)`,
  );
  for (const h of OLD_HOSTS) insert.run(h);
}

/** Database files in fresh temporary folders; `cleanup` (afterEach) removes them. */
export function tempDbFiles(): { file(): string; cleanup(): void } {
  const dirs: string[] = [];
  return {
    file() {
      const dir = mkdtempSync(join(tmpdir(), 'netwhy-db-'));
      dirs.push(dir);
      return join(dir, 'netwhy.sqlite');
    },
    cleanup() {
      for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
    },
  };
}

/** A table's indexes (not the primary key's) with their columns and uniqueness, by name. */
export function indexesOf(db: Database, table: string): { name: string; unique: number; columns: string[] }[] {
  return (db.prepare(`PRAGMA index_list(${table})`).all() as { name: string; unique: number }[])
    .filter((i) => !i.name.startsWith('sqlite_autoindex_'))
    .map((i) => ({
      name: i.name,
      unique: i.unique,
      columns: (db.prepare(`PRAGMA index_info(${i.name})`).all() as { name: string }[]).map((c) => c.name),
    }))
    .sort((a, b) => a.name.localeCompare(b.name));
}

/**
 * The indexes of a table without their names, in a stable order: a rebuild's swap puts in tables whose indexes carry
 * the other of two names (repos/hosts.ts hostsRebuildIndexes), so what must stay equal is their columns.
 */
export function indexShapes(db: Database, table: string): { unique: number; columns: string[] }[] {
  return indexesOf(db, table)
    .map(({ unique, columns }) => ({ unique, columns }))
    .sort((a, b) => a.columns.join().localeCompare(b.columns.join()));
}

/** Columns with type, NOT NULL and key, in order. */
export const columnsOf = (db: Database, table: string): { name: string }[] =>
  db.prepare(`PRAGMA table_info(${table})`).all() as { name: string }[];

/** Whether a table is WITHOUT ROWID (wr) and STRICT. */
export const tableList = (db: Database, table: string): { wr: number; strict: number } =>
  db.prepare('SELECT wr, strict FROM pragma_table_list WHERE name = ?').get(table) as { wr: number; strict: number };

/** The app's open path (WAL, foreign keys on) with the migrations up to `version` only: what a user upgrading sees. */
export function openAtVersion(file: string, version: number): Database {
  const db = new BetterSqlite3(file);
  if (file !== ':memory:') db.pragma('journal_mode = WAL');
  db.pragma('foreign_keys = ON');
  migrate(
    db,
    MIGRATIONS.filter((m) => m.version <= version),
  );
  return db;
}
