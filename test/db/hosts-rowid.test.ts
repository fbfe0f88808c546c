import BetterSqlite3, { type Database } from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { migrate } from '../../main/db/migrate';
import { MIGRATIONS } from '../../main/db/migrations';
import {
  byIp,
  columnsOf,
  HOST_INDEXES,
  indexesOf,
  insertOldHosts,
  openAtVersion,
  OLD_HOSTS,
  tableList,
  tempDbFiles,
} from '../helpers/host-rows';

const files = tempDbFiles();
afterEach(() => files.cleanup());

/** Columns with type, NOT NULL and key, and each host index with its columns: what 0007 must keep unchanged. */
const hostsSchema = (db: Database): { columns: unknown[]; indexes: ReturnType<typeof indexesOf> } => ({
  columns: columnsOf(db, 'hosts'),
  indexes: indexesOf(db, 'hosts'),
});

/** Up to 0007: 0008 then moves `detail` to host_details, which host-details.test.ts covers. */
const openAtVersion7 = (file: string): Database => openAtVersion(file, 7);

describe('migration 0007_hosts_rowid', () => {
  it('keeps every host row and value of a version 6 database, and hosts is a rowid table afterwards', () => {
    const file = files.file();
    const old = new BetterSqlite3(file);
    migrate(
      old,
      MIGRATIONS.filter((m) => m.version <= 6),
    );
    expect(old.pragma('user_version', { simple: true })).toBe(6);
    expect(tableList(old, 'hosts')).toEqual({ wr: 1, strict: 1 });
    insertOldHosts(old);
    const schemaBefore = hostsSchema(old);
    expect(schemaBefore.indexes.map((i) => i.name)).toEqual(HOST_INDEXES);
    old.close();

    // The path a user takes: the app opens the old file (WAL, foreign keys on) and migrates it.
    const db = openAtVersion7(file);
    expect(db.pragma('user_version', { simple: true })).toBe(7);
    const rows = db.prepare('SELECT * FROM hosts ORDER BY ip').all();
    expect(rows).toEqual(byIp(OLD_HOSTS));
    expect(hostsSchema(db)).toEqual(schemaBefore);
    expect(hostsSchema(db).indexes.map((i) => i.name)).toEqual(HOST_INDEXES);
    expect(tableList(db, 'hosts')).toEqual({ wr: 0, strict: 1 });
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
    const h = OLD_HOSTS[0]!;
    insert.run(h);
    expect(() => insert.run(h)).toThrow(/UNIQUE/);
    expect(() => insert.run({ ...h, ip: '198.51.100.1', events: 'many' })).toThrow(/cannot store TEXT/);
    expect(() => insert.run({ ...h, ip: '198.51.100.2', verdict: null })).toThrow(/NOT NULL/);
    expect(tableList(db, 'hosts')).toEqual({ wr: 0, strict: 1 });
    db.close();
  });
});
