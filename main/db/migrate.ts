import type { Database } from 'better-sqlite3';
import { storedRemote } from '../core/verdicts/packets';
import type { Migration } from './migrations/types';

/**
 * SQL functions migrations may call, for rules that live in the domain core and must not be restated in SQL:
 * netwhy_stored_remote(src, dst, direction, state) is the import's events.remote (core storedRemote).
 */
function registerMigrationFunctions(db: Database): void {
  db.function(
    'netwhy_stored_remote',
    { deterministic: true },
    (src: unknown, dst: unknown, direction: unknown, state: unknown) =>
      storedRemote({
        src: typeof src === 'string' ? src : '',
        dst: typeof dst === 'string' ? dst : '',
        direction: direction === 'in' || direction === 'out' ? direction : null,
        state: typeof state === 'string' ? state : null,
      }),
  );
}

export class MigrationError extends Error {}

/**
 * Brings the schema up to the newest migration. Each migration runs in its own transaction together with the
 * user_version bump, so a crash leaves the database at a whole version.
 */
export function migrate(db: Database, migrations: readonly Migration[]): number {
  const current = db.pragma('user_version', { simple: true }) as number;
  const newest = migrations.at(-1)?.version ?? 0;
  if (current > newest) {
    throw new MigrationError(
      `This database was written by a newer NetWhy (schema ${current}, this version knows ${newest}). ` +
        'Update NetWhy or choose another database file.',
    );
  }
  // Increasing, not consecutive: features number their migrations ahead of time (shared contract), so a gap
  // such as 3 -> 5 is allowed while 0004 is still being written.
  migrations.forEach((m, i) => {
    const before = i === 0 ? 0 : (migrations[i - 1]?.version ?? 0);
    if (m.version <= before)
      throw new MigrationError(`Migration ${m.name} is numbered ${m.version}, expected more than ${before}`);
  });
  if (migrations.some((m) => m.version > current)) registerMigrationFunctions(db);
  for (const m of migrations) {
    if (m.version <= current) continue;
    db.transaction(() => {
      db.exec(m.sql);
      db.pragma(`user_version = ${m.version}`);
    })();
  }
  return newest;
}
