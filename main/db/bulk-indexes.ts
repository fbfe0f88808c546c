import type { Database } from 'better-sqlite3';

/**
 * Indexes a big import may drop while it writes and build again at its end.
 *
 * events(remote, ts_utc) takes its inserts in random order (a router log's addresses arrive in no order), so once it
 * outgrows SQLite's page cache every row costs a page read and write somewhere in the middle of the index: measured,
 * it made storing a million-line log 1.7x slower than the rest of the work put together. Building it once from the
 * finished table (a sort) costs about a second per million rows. The other two indexes take rows in order and stay.
 *
 * Crash safety: a killed import leaves the index missing, never half-built (DROP and CREATE INDEX are transactional);
 * openDatabase() calls ensureBulkIndexes(), so the next start of the app or CLI builds it again.
 */
const BULK_INDEXES: readonly { name: string; sql: string }[] = [
  // The same definition as migration 0002 (test/db/bulk-indexes.test.ts compares them).
  { name: 'events_remote_ts', sql: 'CREATE INDEX IF NOT EXISTS events_remote_ts ON events(remote, ts_utc)' },
];

export const BULK_INDEX_NAMES: readonly string[] = BULK_INDEXES.map((i) => i.name);

/** Drops the bulk indexes; returns the names it dropped (to hand back to ensureBulkIndexes' caller). */
export function dropBulkIndexes(db: Database): string[] {
  const dropped: string[] = [];
  for (const { name } of BULK_INDEXES) {
    const exists = db.prepare("SELECT 1 FROM sqlite_master WHERE type = 'index' AND name = ?").get(name);
    if (!exists) continue;
    db.exec(`DROP INDEX ${name}`);
    dropped.push(name);
  }
  return dropped;
}

/** Builds any bulk index that is missing (after a big import, or after one that was killed). Cheap when none is. */
export function ensureBulkIndexes(db: Database): void {
  for (const { sql } of BULK_INDEXES) db.exec(sql);
}

/**
 * Whether an import of about `newRows` rows into a table of about `existingRows` should drop the bulk indexes:
 * only when it is big and at least as big as what is stored, because the rebuild sorts the whole table.
 */
export function worthDroppingBulkIndexes(newRows: number, existingRows: number, minRows: number): boolean {
  return newRows >= minRows && newRows >= existingRows;
}
