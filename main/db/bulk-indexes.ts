import type { Database } from 'better-sqlite3';

/**
 * Indexes a big import may drop while it writes and build again at its end.
 *
 * events(remote, ts_utc) takes its inserts in random order (a router log's addresses arrive in no order), so once it
 * outgrows SQLite's page cache every row costs a page read and write somewhere in the middle of the index: measured,
 * it made storing a million-line log 1.7x slower than the rest of the work put together. Building it once from the
 * finished table (a sort, with a helper thread: main/db/open.ts) costs about 0.75 s per million rows. The other two
 * indexes take rows in order and stay.
 *
 * Crash safety: a killed import leaves the index missing, never half-built (DROP and CREATE INDEX are transactional).
 * openDatabase() and the end of every import call repairBulkIndexes(), so the next start of the app or CLI, or the
 * resumed import, builds it again, unless another import is still writing (it dropped the index on purpose and
 * builds it when it ends). Two imports at once share the index: whichever ends last with the other not running
 * builds it.
 */
const BULK_INDEXES: readonly { name: string; sql: string }[] = [
  // The same definition as migration 0002 (test/db/bulk-indexes.test.ts compares them).
  { name: 'events_remote_ts', sql: 'CREATE INDEX IF NOT EXISTS events_remote_ts ON events(remote, ts_utc)' },
];

export const BULK_INDEX_NAMES: readonly string[] = BULK_INDEXES.map((i) => i.name);

const hasIndex = (db: Database, name: string): boolean =>
  db.prepare("SELECT 1 FROM sqlite_master WHERE type = 'index' AND name = ?").get(name) !== undefined;

/** Whether every bulk index exists (an import may have dropped them while it writes). */
export function bulkIndexesPresent(db: Database): boolean {
  return BULK_INDEXES.every(({ name }) => hasIndex(db, name));
}

/** Drops the bulk indexes that exist; returns the names it dropped. */
export function dropBulkIndexes(db: Database): string[] {
  const dropped = BULK_INDEXES.filter(({ name }) => hasIndex(db, name)).map(({ name }) => name);
  for (const name of dropped) db.exec(`DROP INDEX ${name}`);
  return dropped;
}

/** Within this long of its last commit, a 'running' import is alive (the importer's rule too). */
export const LIVE_IMPORT_MS = 15_000;

/**
 * Builds a missing bulk index unless another import is writing right now: at open, at the end of every import, and
 * once 30 s after the app starts. Best effort: a failure (the database busy, the disk full) leaves the index missing
 * and the app usable; the next call tries again. Returns what it did.
 */
export function repairBulkIndexes(
  db: Database,
  now: number,
  /** The import calling this at its end: its own 'running' row does not count. */
  exceptImportId = -1,
): 'ok' | 'built' | 'import-running' | 'failed' {
  const missing = BULK_INDEXES.filter(({ name }) => !hasIndex(db, name));
  if (missing.length === 0) return 'ok';
  const live = db
    // A live syslog session stays 'running' for as long as the receiver is on, and never drops an index.
    .prepare(
      "SELECT 1 FROM imports WHERE status = 'running' AND source <> 'syslog' AND updated_at > ? AND id <> ? LIMIT 1",
    )
    .get(now - LIVE_IMPORT_MS, exceptImportId);
  if (live) return 'import-running';
  try {
    for (const { sql } of missing) db.exec(sql);
    return 'built';
  } catch {
    return 'failed';
  }
}

/**
 * Whether an import of about `newRows` rows into a table of about `existingRows` should drop the bulk indexes:
 * only when it is big and at least as big as what is stored, because the rebuild sorts the whole table.
 */
export function worthDroppingBulkIndexes(newRows: number, existingRows: number, minRows: number): boolean {
  return newRows >= minRows && newRows >= existingRows;
}
