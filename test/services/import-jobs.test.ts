import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import type { Database } from 'better-sqlite3';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase } from '../../main/db/open';
import type { ImportRow } from '../../main/db/repos/imports';
import { importLogFile } from '../../main/services/import';
import { createImportJobs, type JobFinished } from '../../main/services/import-jobs';
import { toImportSummary } from '../../main/services/import-services';
import { generateNetfilterLog } from '../../scripts/netfilter-log';
import { patchedParseWorker } from '../helpers/parse-worker';

let dir: string;
const open: Database[] = [];
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'netwhy-import-jobs-'));
});
afterEach(() => {
  for (const db of open.splice(0)) if (db.open) db.close();
});

function jobs(parseWorker?: string) {
  const db = openDatabase(join(dir, `db-${Math.random().toString(36).slice(2)}.sqlite`));
  open.push(db);
  const finished: JobFinished[] = [];
  const j = createImportJobs(
    db,
    { progress: () => undefined, finished: (f) => finished.push(f) },
    Date.now,
    parseWorker,
  );
  return { jobs: j, finished, db };
}

describe('import jobs tell the screen what kind of failure it was (it says it in the user’s language)', () => {
  it('names the problem of a file that cannot be imported, before anything is stored', async () => {
    const files: Record<string, string | Buffer> = {
      'empty.log': '',
      'photo.jpg': Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0, 0x10, 0x4a, 0x46, 0x49, 0x46, 0, 1, 1, 0, 0, 1]),
      'notes.txt': 'Shopping list\nmilk\neggs\n',
      'cut.log.gz': gzipSync(Buffer.from('Nov  1 00:00:01 router kernel: hello\n'.repeat(500))).subarray(0, 60),
    };
    for (const [name, data] of Object.entries(files)) writeFileSync(join(dir, name), data);
    const { jobs: j } = jobs();
    const codes: Record<string, string | null> = {};
    for (const name of [...Object.keys(files), 'missing.log'])
      codes[name] = (await j.detect({ path: join(dir, name) })).errorCode;
    expect(codes).toEqual({
      'empty.log': 'empty',
      'photo.jpg': 'binary',
      'notes.txt': 'no-format',
      'cut.log.gz': 'bad-gzip',
      'missing.log': 'not-found',
    });
    const good = await j.detect({ path: join(__dirname, '../fixtures/logs/netfilter.log') });
    expect(good).toMatchObject({ family: 'netfilter', error: null, errorCode: null });
  });

  it('says a failed import stopped while reading (run again to continue), not just what the worker printed', async () => {
    const file = join(dir, 'big.log');
    await generateNetfilterLog(file, 10_000, Number.POSITIVE_INFINITY);
    const dying = patchedParseWorker(join(dir, 'dying-worker.cjs'), 'if (batches > 1) process.exit(3); post(m);');
    const { jobs: j, finished } = jobs(dying);
    j.startFile(file, { tz: 'UTC', year: 2026 });
    await j.idle();
    expect(finished).toMatchObject([
      {
        outcome: 'failed',
        errorCode: 'reader-stopped',
        message: 'The parse worker stopped unexpectedly (exit code 3).',
      },
    ]);
    // The Imports list keeps saying it after a restart: the code is stored with the failed import.
    const [row] = j.list();
    expect(toImportSummary(row as ImportRow)).toMatchObject({
      status: 'failed',
      error: 'The parse worker stopped unexpectedly (exit code 3).',
      errorCode: 'reader-stopped',
    });
    // A file whose problem is the file itself keeps that code through a job, too.
    writeFileSync(join(dir, 'empty2.log'), '\n \n');
    j.startFile(join(dir, 'empty2.log'), {});
    await j.idle();
    expect(finished[1]).toMatchObject({ outcome: 'failed', errorCode: 'empty' });
  });
});

describe('a cancelled import job', () => {
  it('is cancelled, not failed, when Cancel comes before anything was stored (while the file is hashed)', async () => {
    const file = join(dir, 'early-cancel.log');
    await generateNetfilterLog(file, 20_000, Number.POSITIVE_INFINITY);
    const { jobs: j, finished } = jobs();
    const id = j.startFile(file, { tz: 'UTC', year: 2026 });
    expect(j.cancel(id)).toBe(true);
    await j.idle();
    expect(finished).toMatchObject([{ jobId: id, outcome: 'cancelled', importId: null, message: null, row: null }]);
    expect(j.list()).toEqual([]);
  });
});

describe('detecting a file whose import was cancelled says that importing it continues that import', () => {
  it('names the import, the line it stopped after and how it reads the file; null for a new file or bytes', async () => {
    const file = join(dir, 'resume.log');
    await generateNetfilterLog(file, 20_000, Number.POSITIVE_INFINITY, true);
    const { jobs: j, db } = jobs();
    expect((await j.detect({ path: file })).resume).toBeNull();

    const abort = new AbortController();
    const cancelled = await importLogFile(
      db,
      file,
      { format: 'netfilter', tz: 'Asia/Tokyo', year: 2025, signal: abort.signal, batchLines: 1_000 },
      (p) => {
        if (p.lines > 3_000) abort.abort();
      },
    );
    expect(cancelled.outcome).toBe('cancelled');
    const stoppedAfter = cancelled.row.lines_total;
    expect(stoppedAfter).toBeGreaterThan(0);
    expect(stoppedAfter).toBeLessThan(20_000);

    // Whatever the preview offers, the import reads the file as the cancelled one did.
    expect((await j.detect({ path: file })).resume).toEqual({
      importId: cancelled.importId,
      afterLine: stoppedAfter,
      status: 'cancelled',
      format: 'netfilter',
      zone: 'Asia/Tokyo',
      year: 2025,
    });
    // The same bytes without a path (a browser drop) are not hashed: no claim either way.
    expect((await j.detect({ name: 'resume.log', data: readFileSync(file) })).resume).toBeNull();
    // A file of the same size with other content continues nothing.
    const other = Buffer.from(readFileSync(file));
    other[other.length - 2] = other[other.length - 2] === 0x31 ? 0x32 : 0x31;
    writeFileSync(join(dir, 'same-size.log'), other);
    expect((await j.detect({ path: join(dir, 'same-size.log') })).resume).toBeNull();

    // Once it is finished, a drop of the file adds nothing and continues nothing.
    const resumed = await importLogFile(db, file, {});
    expect(resumed).toMatchObject({ outcome: 'done', resumed: true, importId: cancelled.importId });
    expect((await j.detect({ path: file })).resume).toBeNull();
  });
});
