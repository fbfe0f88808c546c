/**
 * Child process for the kill-mid-import test: imports argv[3] into the database argv[2] with small transactions,
 * so the parent can SIGKILL it between commits. It always takes the big-import path (the randomly-written index
 * dropped while writing), so the kill also tests that the index comes back; and it parses on the worker argv[4]
 * names, as the app does with a big file, so the kill takes a worker thread down mid-batch too.
 */
import { openDatabase } from '../../main/db/open';
import { importLogFile } from '../../main/services/import';

async function main(): Promise<void> {
  const [dbPath, file, parseWorker] = process.argv.slice(2) as [string, string, string];
  const db = openDatabase(dbPath);
  await importLogFile(db, file, { tz: 'UTC', year: 2026, batchLines: 2_000, bulkIndexRows: 0, parseWorker });
  db.close();
}

void main();
