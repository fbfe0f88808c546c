import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import type { Database } from 'better-sqlite3';
import iconv from 'iconv-lite';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { fileSource, LogFileError } from '../../main/adapters/files/source';
import { openDatabase } from '../../main/db/open';
import { importLogFile, type ImportOptions } from '../../main/services/import';
import { openParsedLog } from '../../main/services/parsed-log';
import { generateNetfilterLog } from '../../scripts/netfilter-log';
import { storedImport } from '../helpers/import-db';
import { parseWorkerScript, patchedParseWorker } from '../helpers/parse-worker';

const ROOT = join(__dirname, '../..');
const LOGS = join(ROOT, 'test/fixtures/logs');
let dir: string;
let worker: string;
const open: Database[] = [];

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'netwhy-parse-worker-'));
  worker = parseWorkerScript();
});
afterEach(() => {
  for (const db of open.splice(0)) if (db.open) db.close();
  vi.restoreAllMocks();
});

function db(): Database {
  const d = openDatabase(join(dir, `db-${Math.random().toString(36).slice(2)}.sqlite`));
  open.push(d);
  return d;
}

const base: ImportOptions = { tz: 'Asia/Tokyo', year: 2026, now: () => Date.UTC(2026, 10, 21), batchLines: 500 };
/**
 * Watches for the one-thread fallback's warning: without it, a test comparing the worker with one thread would
 * pass just as well if the worker never ran. Call the result at the end of the test.
 */
function noFallback(): () => void {
  const warn = vi.spyOn(console, 'warn');
  return () => expect(warn).not.toHaveBeenCalled();
}

/** Every file goes to the worker, however small. */
const viaWorker = (o: ImportOptions = {}): ImportOptions => ({
  ...base,
  ...o,
  parseWorker: worker,
  parseWorkerMinBytes: 0,
});

describe('parsing a big import on a worker thread', () => {
  it('stores exactly what one thread stores, for every vendor fixture, gzip, Shift_JIS and UTF-16', async () => {
    const fallback = noFallback();
    const files = readdirSync(LOGS)
      .filter((f) => f.endsWith('.log'))
      .map((f) => join(LOGS, f));
    const netfilter = readFileSync(join(LOGS, 'netfilter.log'));
    files.push(join(dir, 'netfilter.log.gz'));
    writeFileSync(files.at(-1) as string, gzipSync(netfilter));
    // The Japanese router's log (Japanese text in it) as such routers write it.
    files.push(join(dir, 'rejected-sjis.log'));
    writeFileSync(
      files.at(-1) as string,
      iconv.encode(readFileSync(join(LOGS, 'connection-rejected.log'), 'utf8'), 'shift_jis'),
    );
    files.push(join(dir, 'windows-utf16.log'));
    writeFileSync(
      files.at(-1) as string,
      iconv.encode(readFileSync(join(LOGS, 'windows-firewall.log'), 'utf8'), 'utf-16le', { addBOM: true }),
    );
    // Many batches, with noise (dnsmasq lines, unreadable lines) between the events.
    files.push(join(dir, 'noisy.log'));
    await generateNetfilterLog(files.at(-1) as string, 12_000, Number.POSITIVE_INFINITY, true);

    const one = db();
    const two = db();
    for (const file of files) {
      const a = await importLogFile(one, file, base);
      const b = await importLogFile(two, file, viaWorker());
      expect(b.outcome, file).toBe('done');
      expect(storedImport(two, b.importId), file).toEqual(storedImport(one, a.importId));
    }
    const parsed = (two.prepare('SELECT sum(lines_parsed) AS n FROM imports').get() as { n: number }).n;
    expect(parsed).toBeGreaterThan(10_000);
    fallback();
  }, 60_000);

  it('cancels, keeps what was committed, and a second run continues to exactly the full set', async () => {
    const fallback = noFallback();
    const file = join(dir, 'cancel.log');
    await generateNetfilterLog(file, 20_000, Number.POSITIVE_INFINITY, true);
    const reference = db();
    const full = await importLogFile(reference, file, base);

    const d = db();
    const abort = new AbortController();
    const options = viaWorker({ signal: abort.signal, progressEveryMs: 0 });
    const cancelled = await importLogFile(d, file, options, (p) => {
      if (p.lines > 4_000) abort.abort();
    });
    expect(cancelled.outcome).toBe('cancelled');
    expect(cancelled.row.lines_total).toBeGreaterThan(0);
    expect(cancelled.row.lines_total).toBeLessThan(full.row.lines_total);

    const resumed = await importLogFile(d, file, viaWorker());
    expect(resumed).toMatchObject({ outcome: 'done', resumed: true, importId: cancelled.importId });
    expect(storedImport(d, resumed.importId)).toEqual(storedImport(reference, full.importId));
    fallback();
  });

  it('a file the worker cannot read gets the same message as on one thread, and nothing is stored', async () => {
    const fallback = noFallback();
    const empty = join(dir, 'empty.log');
    writeFileSync(empty, '\n\n  \n');
    const binary = join(dir, 'photo.log');
    writeFileSync(binary, Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0, 0x10, 0x4a, 0x46, 0x49, 0x46, 0, 1, 0, 0, 0, 0]));
    const prose = join(dir, 'notes.log');
    writeFileSync(prose, 'Shopping list\nmilk\neggs\n');
    const d = db();
    for (const file of [empty, binary, prose]) {
      const local = await importLogFile(d, file, base).catch((e: unknown) => e);
      const remote = await importLogFile(d, file, viaWorker()).catch((e: unknown) => e);
      expect(local).toBeInstanceOf(LogFileError);
      expect(remote).toBeInstanceOf(LogFileError);
      expect({ code: (remote as LogFileError).code, message: (remote as LogFileError).message }).toEqual({
        code: (local as LogFileError).code,
        message: (local as LogFileError).message,
      });
    }
    expect(d.prepare('SELECT count(*) AS n FROM imports').get()).toEqual({ n: 0 });
    fallback();
  });

  it('falls back to one thread, with a warning in the log, when the worker script is missing', async () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    const file = join(LOGS, 'pfsense.log');
    const one = db();
    const a = await importLogFile(one, file, base);
    const d = db();
    const b = await importLogFile(d, file, { ...viaWorker(), parseWorker: join(dir, 'no-such-worker.cjs') });
    expect(b.outcome).toBe('done');
    expect(storedImport(d, b.importId)).toEqual(storedImport(one, a.importId));
    expect(warn).toHaveBeenCalledWith(expect.stringContaining('parsing on one thread'));
  });

  it('a worker that dies mid-import fails the import with the reason; a re-run continues to the full set', async () => {
    const file = join(dir, 'dies.log');
    await generateNetfilterLog(file, 10_000, Number.POSITIVE_INFINITY);
    // The real worker, stopped after its third batch, as a crash (out of memory, a bug) would stop it.
    const dying = patchedParseWorker(join(dir, 'dying-worker.cjs'), 'if (batches > 3) process.exit(7); post(m);');
    const reference = db();
    const full = await importLogFile(reference, file, base);

    const d = db();
    const failure = await importLogFile(d, file, { ...viaWorker(), parseWorker: dying }).catch((e: unknown) => e);
    expect((failure as Error).message).toBe('The parse worker stopped unexpectedly (exit code 7).');
    const row = d.prepare('SELECT id, status, error, lines_total, lines_parsed FROM imports').get() as {
      id: number;
      status: string;
      error: string;
      lines_total: number;
      lines_parsed: number;
    };
    expect(row).toMatchObject({ status: 'failed', error: 'The parse worker stopped unexpectedly (exit code 7).' });
    // What it sent is stored, and nothing after it.
    expect(row.lines_total).toBeGreaterThan(0);
    expect(row.lines_total).toBeLessThan(10_000);
    expect(d.prepare('SELECT count(*) AS n FROM events').get()).toEqual({ n: row.lines_parsed });

    const resumed = await importLogFile(d, file, viaWorker());
    expect(resumed).toMatchObject({ outcome: 'done', resumed: true, importId: row.id });
    expect(storedImport(d, row.id)).toEqual(storedImport(reference, full.importId));
  });
  it('a batch that fails the check stops the import there: nothing after it is stored, and a re-run completes', async () => {
    const file = join(dir, 'garbled.log');
    await generateNetfilterLog(file, 10_000, Number.POSITIVE_INFINITY);
    const marker = join(dir, 'first-batch-up-to.txt');
    // A worker from another build, say: its second batch is one value short per row; the batches after it are fine.
    const garbling = patchedParseWorker(
      join(dir, 'garbling-worker.cjs'),
      `if (m.type === 'batch' && batches === 1) require('node:fs').writeFileSync(${JSON.stringify(marker)}, String(m.batch.upTo));
       if (m.type === 'batch' && batches === 2) m = { ...m, batch: { ...m.batch, flat: m.batch.flat.slice(1) } };
       post(m);`,
    );
    const reference = db();
    const full = await importLogFile(reference, file, base);
    const d = db();
    const failure = await importLogFile(d, file, { ...viaWorker(), parseWorker: garbling }).catch((e: unknown) => e);
    expect((failure as Error).message).toMatch(/^The parse worker sent a message NetWhy does not understand/);
    const firstUpTo = Number(readFileSync(marker, 'utf8'));
    const row = d.prepare('SELECT id, status, lines_total FROM imports').get() as {
      id: number;
      status: string;
      lines_total: number;
    };
    expect(row).toMatchObject({ status: 'failed', lines_total: firstUpTo });
    expect(d.prepare('SELECT max(line) AS m FROM events').get()).toEqual({ m: firstUpTo });

    const resumed = await importLogFile(d, file, viaWorker());
    expect(resumed).toMatchObject({ outcome: 'done', resumed: true, importId: row.id });
    expect(storedImport(d, row.id)).toEqual(storedImport(reference, full.importId));

    // A writer slower than the worker (a busy disk): the good batches behind the bad one are already waiting when
    // it asks for the next. It still gets the failure, never a batch from beyond the one that failed the check.
    const log = await openParsedLog(
      await fileSource(file),
      { tz: 'UTC', year: 2026, now: Date.UTC(2026, 10, 21) },
      {
        worker: garbling,
        workerMinBytes: 0,
      },
    );
    const taken: number[] = [];
    const outcome = await (async () => {
      for await (const b of log.batches(1, 0, 500)) {
        taken.push(b.upTo);
        await new Promise((r) => setTimeout(r, 500));
      }
    })().catch((e: unknown) => e);
    expect((outcome as Error).message).toMatch(/does not understand/);
    expect(taken).toEqual([Number(readFileSync(marker, 'utf8'))]);
  });

  it('cancelling while the worker is still reading the file stops at once, without falling back', async () => {
    const fallback = noFallback();
    const file = join(dir, 'slow-start.log');
    await generateNetfilterLog(file, 5_000, Number.POSITIVE_INFINITY);
    // A worker that takes 30 s before it says how it reads the file (a file on a stalled network share).
    const slow = patchedParseWorker(
      join(dir, 'slow-worker.cjs'),
      "if (m.type === 'ready') setTimeout(() => post(m), 30_000); else post(m);",
    );
    const abort = new AbortController();
    setTimeout(() => abort.abort(), 200);
    const t = Date.now();
    const d = db();
    const result = await importLogFile(d, file, { ...viaWorker({ signal: abort.signal }), parseWorker: slow }).catch(
      (e: unknown) => e,
    );
    expect((result as Error).name).toBe('AbortError');
    expect(Date.now() - t).toBeLessThan(10_000);
    expect(d.prepare('SELECT count(*) AS n FROM imports').get()).toEqual({ n: 0 });
    fallback();
  });

  it('runs at most two workers at once; a third big import parses on its own thread', async () => {
    const fallback = noFallback();
    const file = join(dir, 'three.log');
    await generateNetfilterLog(file, 3_000, Number.POSITIVE_INFINITY);
    const source = await fileSource(file);
    const read = { tz: 'UTC', year: 2026, now: Date.UTC(2026, 10, 21) };
    const options = { worker, workerMinBytes: 0 };
    const logs = [
      await openParsedLog(source, read, options),
      await openParsedLog(source, read, options),
      await openParsedLog(source, read, options),
    ];
    expect(logs.map((l) => l.inWorker)).toEqual([true, true, false]);
    // Every one reads the same.
    const lines = await Promise.all(
      logs.map(async (l, i) => {
        let n = 0;
        for await (const b of l.batches(i + 1, 0, 1_000)) n += b.rows;
        return n;
      }),
    );
    expect(lines).toEqual([3_000, 3_000, 3_000]);
    // Their workers are gone once read: the next big import gets one again.
    const again = await openParsedLog(source, read, options);
    expect(again.inWorker).toBe(true);
    await again.close();
    fallback();
  });
});
