/**
 * Child process for the kill-mid-import test: imports argv[3] into the database argv[2] with small transactions,
 * so the parent can SIGKILL it between commits. It always takes the big-import path (the randomly-written index
 * dropped while writing), so the kill also tests that the index comes back.
 */
import { openDatabase } from '../../main/db/open';
import { importLogFile } from '../../main/services/import';

async function main(): Promise<void> {
  const [dbPath, file] = process.argv.slice(2) as [string, string];
  const db = openDatabase(dbPath);
  await importLogFile(db, file, { tz: 'UTC', year: 2026, batchLines: 2_000, bulkIndexRows: 0 });
  db.close();
}

void main();
