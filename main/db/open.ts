import { availableParallelism } from 'node:os';
import BetterSqlite3, { type Database } from 'better-sqlite3';
import { repairBulkIndexes } from './bulk-indexes';
import { migrate } from './migrate';
import { MIGRATIONS } from './migrations';
import { dropRetiredHostDetails } from './repos/hosts';

export type { Database };

export interface OpenOptions {
  /** Path of a better_sqlite3.node built for the running runtime (Electron's ABI differs from Node's). */
  nativeBinding?: string;
  readonly?: boolean;
}

/**
 * SQLite's sorter may use helper threads (off by default): building the address index at the end of a big import
 * (a sort of the whole events table) went from ~1.1 to ~0.75 s per million rows with one helper on two cores, as do
 * the host summary's index builds and large ORDER BYs. One helper per spare core, at most 4.
 */
const SORT_HELPER_THREADS = Math.max(1, Math.min(4, availableParallelism() - 1));

/** Opens (creating if needed) NetWhy's database with its pragmas and every migration applied. */
export function openDatabase(file: string, options: OpenOptions = {}): Database {
  const db = new BetterSqlite3(file, {
    ...(options.nativeBinding ? { nativeBinding: options.nativeBinding } : {}),
    ...(options.readonly ? { readonly: true } : {}),
  });
  if (!options.readonly) {
    // WAL lets the UI read while an import writes; NORMAL is durable at each checkpoint and much faster.
    db.pragma('journal_mode = WAL');
    db.pragma('synchronous = NORMAL');
  }
  db.pragma('foreign_keys = ON');
  db.pragma('busy_timeout = 5000');
  db.pragma(`threads = ${SORT_HELPER_THREADS}`);
  if (!options.readonly) {
    migrate(db, MIGRATIONS);
    repairBulkIndexes(db, Date.now());
    // A hosts rebuild drops the details it replaced one pause after the swap; an app quitting in that pause leaves
    // them (~380 MB at 100,000 hosts) until the next rebuild. Nothing reads them, and dropping an absent table is
    // free. (hosts_next is left alone: another process opening the database may be in the middle of a rebuild.)
    dropRetiredHostDetails(db);
  }
  return db;
}
