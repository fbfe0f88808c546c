import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { createAppContext } from '../../main/app-context';
import BetterSqlite3 from 'better-sqlite3';
import {
  BULK_INDEX_NAMES,
  dropBulkIndexes,
  repairBulkIndexes,
  worthDroppingBulkIndexes,
} from '../../main/db/bulk-indexes';
import { createImport, setImportStatus } from '../../main/db/repos/imports';
import { openDatabase } from '../../main/db/open';
import { importLogFile } from '../../main/services/import';

const NETFILTER = join(__dirname, '../fixtures/logs/netfilter.log');

const indexSql = (db: ReturnType<typeof openDatabase>, name: string): string | undefined =>
  (
    db.prepare("SELECT sql FROM sqlite_master WHERE type = 'index' AND name = ?").get(name) as
      { sql: string } | undefined
  )?.sql;

describe('indexes a big import drops and builds again', () => {
  it('come back exactly as the migration defined them when the database is opened again', () => {
    const file = join(mkdtempSync(join(tmpdir(), 'netwhy-bulk-')), 'db.sqlite');
    const db = openDatabase(file);
    const fromMigration = BULK_INDEX_NAMES.map((n) => indexSql(db, n));
    expect(fromMigration.every((s) => typeof s === 'string')).toBe(true);
    expect(dropBulkIndexes(db)).toEqual(BULK_INDEX_NAMES);
    expect(BULK_INDEX_NAMES.map((n) => indexSql(db, n))).toEqual(BULK_INDEX_NAMES.map(() => undefined));
    db.close();
    const again = openDatabase(file);
    // "IF NOT EXISTS" is the only difference the rebuild may have from the migration's CREATE INDEX.
    expect(BULK_INDEX_NAMES.map((n) => indexSql(again, n))).toEqual(fromMigration);
    again.close();
  });

  it('are back after a big import, and a report query uses them again', async () => {
    const db = openDatabase(':memory:');
    await importLogFile(db, NETFILTER, { tz: 'UTC', year: 2026, bulkIndexRows: 0 });
    const plan = db
      .prepare('EXPLAIN QUERY PLAN SELECT line FROM events WHERE remote = ? AND ts_utc >= ? AND ts_utc < ?')
      .all('203.0.113.9', 0, 1) as { detail: string }[];
    expect(plan.map((p) => p.detail).join('\n')).toMatch(/events_remote_ts/);
    db.close();
  });

  it('are dropped only for an import that is big and at least as big as what is stored', () => {
    expect(worthDroppingBulkIndexes(1_000_000, 0, 200_000)).toBe(true);
    expect(worthDroppingBulkIndexes(1_000_000, 900_000, 200_000)).toBe(true);
    // A small paste into an empty database: keeping the index costs nothing.
    expect(worthDroppingBulkIndexes(5_000, 0, 200_000)).toBe(false);
    // A big file into a much bigger database: rebuilding would sort every stored row.
    expect(worthDroppingBulkIndexes(300_000, 5_000_000, 200_000)).toBe(false);
  });
});

describe('building a missing index when the database is opened', () => {
  it('waits while another process is importing (it dropped the index on purpose), then builds it', () => {
    const file = join(mkdtempSync(join(tmpdir(), 'netwhy-bulk-')), 'db.sqlite');
    const importer = openDatabase(file);
    const id = createImport(importer, { source: 'file', started_at: Date.now() });
    dropBulkIndexes(importer);
    // The importer committed a moment ago: the app starting now leaves the index alone.
    expect(repairBulkIndexes(importer, Date.now())).toBe('import-running');
    const app = openDatabase(file);
    expect(indexSql(app, 'events_remote_ts')).toBeUndefined();
    app.close();
    // The importer was killed: 20 s without a commit, so the next open builds the index.
    setImportStatus(importer, id, 'running', Date.now() - 20_000);
    importer.close();
    const later = openDatabase(file);
    expect(indexSql(later, 'events_remote_ts')).toMatch(/events\(remote, ts_utc\)/);
    later.close();
  });

  it('does not wait for a live syslog session (always running, never drops the index)', () => {
    const db = openDatabase(':memory:');
    createImport(db, { source: 'syslog', started_at: Date.now() });
    dropBulkIndexes(db);
    expect(repairBulkIndexes(db, Date.now())).toBe('built');
    expect(indexSql(db, 'events_remote_ts')).toMatch(/events\(remote, ts_utc\)/);
    db.close();
  });

  it('never stops the app from opening: a failed build leaves the index missing and is tried again later', () => {
    const file = join(mkdtempSync(join(tmpdir(), 'netwhy-bulk-')), 'db.sqlite');
    const db = openDatabase(file);
    dropBulkIndexes(db);
    // Another connection holds the write lock (an importer's transaction), so CREATE INDEX cannot run.
    const holder = new BetterSqlite3(file);
    holder.exec('BEGIN IMMEDIATE');
    const busy = new BetterSqlite3(file, { timeout: 50 });
    expect(repairBulkIndexes(busy, Date.now())).toBe('failed');
    busy.close();
    holder.exec('ROLLBACK');
    holder.close();
    expect(repairBulkIndexes(db, Date.now())).toBe('built');
    db.close();
  });
});

describe('the app a moment after a crash', () => {
  it('builds the index a just-killed import left missing once that import is surely dead', () => {
    vi.useFakeTimers();
    try {
      const dataDir = mkdtempSync(join(tmpdir(), 'netwhy-bulk-'));
      const databasePath = join(dataDir, 'netwhy.sqlite');
      const killed = openDatabase(databasePath);
      createImport(killed, { source: 'file', started_at: Date.now() });
      dropBulkIndexes(killed);
      killed.close();
      // The app restarts at once: the import committed a moment ago, so opening leaves the index alone.
      const ctx = createAppContext({
        databasePath,
        info: { version: 'test', platform: 'linux', dataDir, systemLanguage: 'en-US' },
        socketSource: { poll: async () => [] },
        emit: () => undefined,
      });
      expect(indexSql(ctx.db, 'events_remote_ts')).toBeUndefined();
      vi.advanceTimersByTime(31_000);
      expect(indexSql(ctx.db, 'events_remote_ts')).toMatch(/events\(remote, ts_utc\)/);
      ctx.close();
    } finally {
      vi.useRealTimers();
    }
  });
});
