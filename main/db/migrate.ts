import type { Database } from 'better-sqlite3';
import type { Migration } from './migrations/types';

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
  migrations.forEach((m, i) => {
    if (m.version !== i + 1)
      throw new MigrationError(`Migration ${m.name} is numbered ${m.version}, expected ${i + 1}`);
  });
  for (const m of migrations) {
    if (m.version <= current) continue;
    db.transaction(() => {
      db.exec(m.sql);
      db.pragma(`user_version = ${m.version}`);
    })();
  }
  return newest;
}
