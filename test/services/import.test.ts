import { spawn } from 'node:child_process';
import { appendFileSync, mkdtempSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import BetterSqlite3, { type Database } from 'better-sqlite3';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { LogFileError } from '../../main/adapters/files/source';
import { openDatabase } from '../../main/db/open';
import { getImport } from '../../main/db/repos/imports';
import { ImportInProgressError, importLogBytes, importLogFile, type ImportProgress } from '../../main/services/import';
import { generateNetfilterLog } from '../../scripts/netfilter-log';
import { storedImport } from '../helpers/import-db';
import { parseWorkerScript } from '../helpers/parse-worker';

const ROOT = join(__dirname, '../..');
const NETFILTER = join(ROOT, 'test/fixtures/logs/netfilter.log');
let dir: string;
const open: Database[] = [];

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'netwhy-import-'));
});
afterEach(() => {
  for (const db of open.splice(0)) if (db.open) db.close();
});

function db(name = `db-${Math.random().toString(36).slice(2)}.sqlite`): Database {
  const d = openDatabase(join(dir, name));
  open.push(d);
  return d;
}

const indexNames = (d: Database): string[] =>
  (
    d.prepare("SELECT name FROM sqlite_master WHERE type = 'index' AND tbl_name = 'events'").all() as { name: string }[]
  ).map((r) => r.name);

const count = (d: Database, table: string): number =>
  (d.prepare(`SELECT count(*) AS n FROM ${table}`).get() as { n: number }).n;

describe('importLogFile', () => {
  it('stores events with UTC, the text time and the zone, and counts every line', async () => {
    const d = db();
    const progress: ImportProgress[] = [];
    const r = await importLogFile(d, NETFILTER, { tz: 'Asia/Tokyo', year: 2026 }, (p) => progress.push(p));
    expect(r.outcome).toBe('done');
    const row = r.row;
    const lines = readFileSync(NETFILTER, 'utf8')
      .split('\n')
      .filter((_, i, a) => i < a.length - 1 || a[i] !== '');
    expect(row).toMatchObject({ status: 'done', family: 'netfilter', zone: 'Asia/Tokyo', assumed_year: 2026 });
    expect(row.lines_total).toBe(lines.length);
    expect(row.lines_parsed + row.lines_ignored + row.lines_unknown).toBe(lines.length);
    expect(count(d, 'events')).toBe(row.lines_parsed);
    const first = d.prepare('SELECT * FROM events ORDER BY line LIMIT 1').get() as Record<string, unknown>;
    expect(first).toMatchObject({
      line: 1,
      ts_text: '2026-12-26T09:05:47+09:00',
      zone: 'Asia/Tokyo',
      src: '254.253.252.251',
    });
    expect(first['ts_utc']).toBe(Date.UTC(2026, 11, 26, 0, 5, 47));
    expect(progress.at(-1)).toMatchObject({ bytesDone: statSync(NETFILTER).size, lines: lines.length });
    // A small file keeps every index while it writes: no index-building phase to wait for.
    expect(progress.every((p) => p.phase === 'reading')).toBe(true);
  });

  it('tells the user when a big import is building its address index, after every line is stored', async () => {
    const d = db();
    const progress: ImportProgress[] = [];
    await importLogFile(d, NETFILTER, { tz: 'UTC', year: 2026, bulkIndexRows: 0 }, (p) => progress.push(p));
    const phases = progress.map((p) => p.phase);
    expect(phases.at(-2)).toBe('indexing');
    expect(phases.at(-1)).toBe('reading');
    expect(progress.at(-2)).toMatchObject({ bytesDone: statSync(NETFILTER).size, lines: progress.at(-1)?.lines });
  });

  it('adds nothing when the same file is imported again (same content, other name too)', async () => {
    const d = db();
    const first = await importLogFile(d, NETFILTER, { year: 2026 });
    const before = storedImport(d, first.importId);
    const copy = join(dir, 'renamed.log');
    writeFileSync(copy, readFileSync(NETFILTER));
    for (const path of [NETFILTER, copy]) {
      const again = await importLogFile(d, path, { year: 2026 });
      expect(again).toMatchObject({ outcome: 'already-imported', importId: first.importId });
    }
    expect(count(d, 'imports')).toBe(1);
    expect(storedImport(d, first.importId)).toEqual(before);
  });

  it('stores a log once when it is started twice at the same moment (a double-click): the other start is refused', async () => {
    const file = join(dir, 'twice.log');
    await generateNetfilterLog(file, 5_000, Number.POSITIVE_INFINITY, true);
    const d = db();
    const [a, b] = await Promise.allSettled([
      importLogFile(d, file, { tz: 'UTC', year: 2026 }),
      importLogFile(d, file, { tz: 'UTC', year: 2026 }),
    ]);
    const done = [a, b].filter((r) => r.status === 'fulfilled');
    const refused = [a, b].filter((r) => r.status === 'rejected');
    expect(done).toHaveLength(1);
    expect(done[0]?.value.outcome).toBe('done');
    expect(refused).toHaveLength(1);
    expect(refused[0]?.reason).toBeInstanceOf(ImportInProgressError);
    expect(refused[0]?.reason).toMatchObject({ code: 'in-progress' });
    expect(count(d, 'imports')).toBe(1);
    expect(count(d, 'events')).toBe(done[0]?.value.row.lines_parsed);
    // The claim ends with the import: the same file later is known, not 'in progress' forever.
    expect((await importLogFile(d, file, { tz: 'UTC', year: 2026 })).outcome).toBe('already-imported');
  });

  it('leaves the database untouched when a file is bad', async () => {
    const d = db();
    const good = await importLogFile(d, NETFILTER, { year: 2026 });
    const before = { imports: d.prepare('SELECT * FROM imports').all(), data: storedImport(d, good.importId) };
    const bad = join(dir, 'photo.jpg');
    writeFileSync(bad, Buffer.from('ffd8ffe000104a46494600010100000100010000', 'hex'));
    await expect(importLogFile(d, bad)).rejects.toThrow(LogFileError);
    await expect(importLogFile(d, join(dir, 'missing.log'))).rejects.toThrow(/missing\.log was not found/);
    await expect(importLogBytes(d, 'pasted text', Buffer.from(''), 'paste')).rejects.toThrow(/empty/);
    expect({ imports: d.prepare('SELECT * FROM imports').all(), data: storedImport(d, good.importId) }).toEqual(before);
  });

  it('imports pasted text as its own import', async () => {
    const d = db();
    const text = readFileSync(NETFILTER, 'utf8');
    const r = await importLogBytes(d, 'pasted text', Buffer.from(text), 'paste', { year: 2026 });
    expect(r.row).toMatchObject({ source: 'paste', family: 'netfilter', status: 'done' });
    expect(r.row.lines_parsed).toBeGreaterThan(0);
  });

  it('cancels, keeps what was committed, and a second run continues to exactly the full set', async () => {
    const file = join(dir, 'cancel.log');
    await generateNetfilterLog(file, 30_000, Number.POSITIVE_INFINITY, true);
    const reference = db();
    const full = await importLogFile(reference, file, { tz: 'UTC', year: 2026 });

    const d = db();
    const abort = new AbortController();
    const seen: ImportProgress[] = [];
    const cancelled = await importLogFile(
      d,
      file,
      // The big-import path: the address index is dropped while writing, and must come back after a cancel too.
      { tz: 'UTC', year: 2026, signal: abort.signal, batchLines: 1_000, bulkIndexRows: 0 },
      (p) => {
        seen.push(p);
        if (p.lines > 5_000) abort.abort();
      },
    );
    expect(cancelled.outcome).toBe('cancelled');
    expect(indexNames(d)).toContain('events_remote_ts');
    // While the index is built the bar stays where the import stopped, not at 100 %.
    const indexing = seen.find((p) => p.phase === 'indexing');
    expect(indexing?.bytesDone).toBeLessThan(statSync(file).size);
    // And so does the last report after it: the window shows where the import stopped.
    expect(seen.at(-1)?.bytesDone).toBeLessThan(statSync(file).size);
    expect(seen.at(-1)?.bytesDone).toBe(indexing?.bytesDone);
    expect(cancelled.row.lines_total).toBeGreaterThan(0);
    expect(cancelled.row.lines_total).toBeLessThan(full.row.lines_total);
    expect(count(d, 'events')).toBe(cancelled.row.lines_parsed);

    const again: ImportProgress[] = [];
    const resumed = await importLogFile(d, file, { tz: 'UTC', year: 2026, batchLines: 1_000 }, (p) => again.push(p));
    expect(resumed).toMatchObject({ outcome: 'done', resumed: true, importId: cancelled.importId });
    // The lines it re-read without storing give no rate: the first report has none, rather than a bogus one.
    expect(again[0]).toMatchObject({ linesPerSec: 0, secondsLeft: null });
    expect(again[0]?.lines).toBeGreaterThan(cancelled.row.lines_total);
    expect(storedImport(d, resumed.importId)).toEqual(storedImport(reference, full.importId));
    expect(resumed.row).toMatchObject({
      lines_total: full.row.lines_total,
      lines_parsed: full.row.lines_parsed,
      lines_unknown: full.row.lines_unknown,
      lines_ignored: full.row.lines_ignored,
      first_ts: full.row.first_ts,
      last_ts: full.row.last_ts,
    });
  });

  it('survives SIGKILL mid-import: the database stays consistent and a resume gives exactly the full set', async () => {
    const file = join(dir, 'kill.log');
    await generateNetfilterLog(file, 60_000, Number.POSITIVE_INFINITY, true);
    const dbPath = join(dir, 'killed.sqlite');
    openDatabase(dbPath).close();
    const child = spawn(
      process.execPath,
      ['--import', 'tsx', join(__dirname, 'import-child.ts'), dbPath, file, parseWorkerScript()],
      { cwd: ROOT, stdio: ['ignore', 'ignore', 'pipe'] },
    );
    let stderr = '';
    child.stderr?.on('data', (d: Buffer) => (stderr += d.toString()));
    const exited = new Promise<void>((res) => child.once('exit', () => res()));
    const watcher = openDatabase(dbPath, { readonly: true });
    // Wait until a few transactions are committed, then kill without warning.
    const deadline = Date.now() + 60_000;
    for (;;) {
      const row = watcher.prepare('SELECT lines_total FROM imports WHERE id = 1').get() as
        { lines_total: number } | undefined;
      if (row && row.lines_total >= 6_000) break;
      if (Date.now() > deadline) throw new Error('child import made no progress');
      await new Promise((r) => setTimeout(r, 20));
    }
    child.kill('SIGKILL');
    await exited;
    watcher.close();
    // It was the worker that parsed (no fallback to one thread).
    expect(stderr).not.toContain('parsing on one thread');

    // Killed in the middle of a big import: the index it dropped to write faster is missing, nothing else is.
    const raw = new BetterSqlite3(dbPath, { readonly: true });
    expect(indexNames(raw)).not.toContain('events_remote_ts');
    expect(indexNames(raw)).toEqual(expect.arrayContaining(['events_ts', 'events_import_line']));
    raw.close();

    const d = db('killed.sqlite');
    // Opened at once, the killed import still looks alive (it committed seconds ago), so the index is left to it.
    expect(indexNames(d)).not.toContain('events_remote_ts');
    const row = getImport(d, 1);
    expect(row?.status).toBe('running');
    expect(row?.lines_total).toBeLessThan(60_000);
    expect(d.pragma('integrity_check', { simple: true })).toBe('ok');
    // Committed progress and committed rows agree: nothing half-written.
    expect(count(d, 'events')).toBe(row?.lines_parsed);
    expect(count(d, 'unknown_lines')).toBe(row?.lines_unknown);
    const maxLine = d.prepare('SELECT max(line) AS m FROM events').get() as { m: number };
    expect(maxLine.m).toBeLessThanOrEqual(row?.lines_total ?? 0);

    // The user runs the import again (a little later than the crash).
    const later = () => Date.now() + 60_000;
    const resumed = await importLogFile(d, file, { tz: 'UTC', year: 2026, now: later });
    expect(resumed).toMatchObject({ outcome: 'done', resumed: true, importId: 1 });
    // The resumed import (too small to drop the index itself) builds the index its killed run left missing.
    expect(indexNames(d)).toContain('events_remote_ts');

    const reference = db();
    const full = await importLogFile(reference, file, { tz: 'UTC', year: 2026 });
    expect(resumed.row.lines_total).toBe(full.row.lines_total);
    expect(storedImport(d, 1)).toEqual(storedImport(reference, full.importId));
  }, 120_000);
});

describe('a file that grew since it was imported (a live log)', () => {
  const fixture = readFileSync(NETFILTER, 'utf8')
    .split('\n')
    .filter((l) => l !== '');
  const text = (from: number, to: number): string => fixture.slice(from - 1, to).join('\n') + '\n';

  /** Every stored event's line number, with how many imports hold it. */
  const perLine = (d: Database): { line: number; n: number }[] =>
    d.prepare('SELECT line, count(*) AS n FROM events GROUP BY line ORDER BY line').all() as {
      line: number;
      n: number;
    }[];

  /** What all imports of the database hold together: every event and unknown line, in file order. */
  const allStored = (d: Database) => {
    const ids = (d.prepare('SELECT id FROM imports ORDER BY id').all() as { id: number }[]).map((r) => r.id);
    const parts = ids.map((id) => storedImport(d, id));
    const byLine = (a: { line: number }, b: { line: number }) => a.line - b.line;
    return {
      events: parts.flatMap((p) => p.events as { line: number }[]).sort(byLine),
      unknown: parts.flatMap((p) => p.unknown as { line: number }[]).sort(byLine),
    };
  };

  it('stores only the lines added since, read as the first import read the file; both versions are then known', async () => {
    const d = db();
    const file = join(dir, 'grow.log');
    writeFileSync(file, text(1, 8));
    const first = await importLogFile(d, file, { tz: 'Asia/Tokyo', year: 2026 });
    appendFileSync(file, text(9, 20));
    // Other options this time: the continuation keeps the zone and year the first lines were read with.
    const grown = await importLogFile(d, file, { tz: 'UTC', year: 2020 });
    expect(grown).toMatchObject({ outcome: 'done', resumed: false });
    expect(grown.importId).not.toBe(first.importId);
    expect(grown.row).toMatchObject({
      continues_import: first.importId,
      lines_before: 8,
      lines_total: 20,
      zone: 'Asia/Tokyo',
      assumed_year: 2026,
    });
    // Its counts are its own lines' (lines 9-20), not the whole file's.
    expect(grown.row.lines_parsed + grown.row.lines_ignored + grown.row.lines_unknown).toBe(12);
    // No line stored twice, and together the two imports hold exactly what one import of the whole file holds
    // (year rollover across the first eight lines included).
    expect(perLine(d).every((l) => l.n === 1)).toBe(true);
    const reference = db();
    const whole = join(dir, 'grow-whole.log');
    writeFileSync(whole, text(1, 20));
    await importLogFile(reference, whole, { tz: 'Asia/Tokyo', year: 2026 });
    expect(allStored(d)).toEqual(allStored(reference));

    // Both versions are known now: nothing is added for either.
    const shorter = join(dir, 'grow-copy-of-first.log');
    writeFileSync(shorter, text(1, 8));
    expect(await importLogFile(d, shorter)).toMatchObject({ outcome: 'already-imported', importId: first.importId });
    expect(await importLogFile(d, file)).toMatchObject({ outcome: 'already-imported', importId: grown.importId });
    expect(count(d, 'imports')).toBe(2);
    expect(count(d, 'events')).toBe(count(reference, 'events'));
  });

  it('continues the latest continuation when the file grows again, and keeps its lines when the first is removed', async () => {
    const d = db();
    const file = join(dir, 'grow-twice.log');
    writeFileSync(file, text(1, 5));
    const a = await importLogFile(d, file, { tz: 'UTC', year: 2026 });
    appendFileSync(file, text(6, 12));
    const b = await importLogFile(d, file);
    appendFileSync(file, text(13, 20));
    const c = await importLogFile(d, file);
    expect(c.row).toMatchObject({ continues_import: b.importId, lines_before: 12, lines_total: 20 });
    expect(perLine(d).map((l) => l.n)).toEqual(new Array(perLine(d).length).fill(1));
    d.prepare('DELETE FROM imports WHERE id = ?').run(a.importId);
    expect(getImport(d, b.importId)).toMatchObject({ continues_import: null, lines_before: 5, lines_total: 12 });
  });

  it('is a new import when the earlier file ended in the middle of a line', async () => {
    const d = db();
    const file = join(dir, 'mid-line.log');
    const half = text(3, 3).slice(0, 40);
    writeFileSync(file, text(1, 2) + half);
    await importLogFile(d, file, { tz: 'UTC', year: 2026 });
    writeFileSync(file, text(1, 5));
    const again = await importLogFile(d, file, { tz: 'UTC', year: 2026 });
    expect(again.row).toMatchObject({ status: 'done', continues_import: null, lines_before: 0, lines_total: 5 });
  });

  it('is a new import when the file was rewritten, not appended to (rotated, edited)', async () => {
    const d = db();
    const file = join(dir, 'rotated.log');
    writeFileSync(file, text(1, 3));
    await importLogFile(d, file, { tz: 'UTC', year: 2026 });
    writeFileSync(file, text(2, 20));
    const again = await importLogFile(d, file, { tz: 'UTC', year: 2026 });
    expect(again.row).toMatchObject({ continues_import: null, lines_before: 0, lines_total: 19 });
  });

  it('never continues a gzip file: a member appended to it is read as a new import', async () => {
    const d = db();
    const file = join(dir, 'grow.log.gz');
    const head = gzipSync(Buffer.from(text(1, 4)));
    writeFileSync(file, head);
    await importLogFile(d, file, { tz: 'UTC', year: 2026 });
    // `cat more.gz >> grow.log.gz`: the first import's bytes are the start of this file, but they are compressed.
    writeFileSync(file, Buffer.concat([head, gzipSync(Buffer.from(text(5, 6)))]));
    const again = await importLogFile(d, file, { tz: 'UTC', year: 2026 });
    expect(again.row).toMatchObject({ compressed: 1, continues_import: null, lines_before: 0 });
  });

  it('continues a UTF-16 file (Windows pfirewall.log) at its two-byte newlines', async () => {
    const d = db();
    const file = join(dir, 'utf16.log');
    const utf16 = (t: string): Buffer => Buffer.from(t, 'utf16le');
    writeFileSync(file, Buffer.concat([Buffer.of(0xff, 0xfe), utf16(text(1, 3))]));
    const first = await importLogFile(d, file, { tz: 'UTC', year: 2026 });
    expect(first.row.encoding).toBe('utf-16le');
    appendFileSync(file, utf16(text(4, 6)));
    const grown = await importLogFile(d, file);
    expect(grown.row).toMatchObject({ continues_import: first.importId, lines_before: 3, lines_total: 6 });
    expect(perLine(d).every((l) => l.n === 1)).toBe(true);
  });

  it('a log written to while it is imported: the import holds the file as it started, the next one the rest', async () => {
    const full = join(dir, 'live-full.log');
    await generateNetfilterLog(full, 20_000, Number.POSITIVE_INFINITY);
    const bytes = readFileSync(full);
    let cut = 0;
    for (let n = 0; n < 15_000; n++) cut = bytes.indexOf(0x0a, cut) + 1;
    const file = join(dir, 'live.log');
    writeFileSync(file, bytes.subarray(0, cut));
    const d = db();
    let appended = false;
    // Parsed on the worker thread, which opens the file itself: it too stops where the import's snapshot ends.
    const options = {
      tz: 'UTC',
      year: 2026,
      batchLines: 1_000,
      parseWorker: parseWorkerScript(),
      parseWorkerMinBytes: 0,
    };
    const first = await importLogFile(d, file, options, () => {
      if (appended) return;
      appended = true;
      appendFileSync(file, bytes.subarray(cut));
    });
    expect(appended).toBe(true);
    expect(first.row).toMatchObject({ lines_total: 15_000, file_size: cut, bytes_total: cut });
    const next = await importLogFile(d, file, options);
    expect(next.row).toMatchObject({ continues_import: first.importId, lines_before: 15_000, lines_total: 20_000 });
    expect(count(d, 'events')).toBe(20_000);
    expect(perLine(d).every((l) => l.n === 1)).toBe(true);
  }, 60_000);

  it('an interrupted continuation resumes after its last committed line', async () => {
    const full = join(dir, 'grow-big-full.log');
    await generateNetfilterLog(full, 30_000, Number.POSITIVE_INFINITY, true);
    const bytes = readFileSync(full);
    let cut = 0;
    for (let n = 0; n < 5_000; n++) cut = bytes.indexOf(0x0a, cut) + 1;
    const file = join(dir, 'grow-big.log');
    writeFileSync(file, bytes.subarray(0, cut));
    const d = db();
    const first = await importLogFile(d, file, { tz: 'UTC', year: 2026 });
    expect(first.row.lines_total).toBe(5_000);
    appendFileSync(file, bytes.subarray(cut));

    const abort = new AbortController();
    const seen: ImportProgress[] = [];
    const cancelled = await importLogFile(d, file, { signal: abort.signal, batchLines: 1_000 }, (p) => {
      seen.push(p);
      if (p.lines > 5_000) abort.abort();
    });
    expect(cancelled.outcome).toBe('cancelled');
    expect(cancelled.row).toMatchObject({ continues_import: first.importId, lines_before: 5_000 });
    expect(cancelled.row.lines_total).toBeLessThan(30_000);
    // Progress counts the continuation's own lines: from 0, not from line 5,000.
    expect(seen[0]?.lines).toBeLessThan(5_000);

    const resumed = await importLogFile(d, file);
    expect(resumed).toMatchObject({ outcome: 'done', resumed: true, importId: cancelled.importId });
    expect(resumed.row).toMatchObject({ continues_import: first.importId, lines_before: 5_000, lines_total: 30_000 });
    expect(perLine(d).every((l) => l.n === 1)).toBe(true);
    const reference = db();
    await importLogFile(reference, full, { tz: 'UTC', year: 2026 });
    expect(allStored(d)).toEqual(allStored(reference));
  }, 60_000);
});

describe('pasted text and a file dropped without a path (their bytes only) import like a file', () => {
  /** About 3 MB of the netfilter fixture's lines, repeated: a router log page copied whole into the paste box. */
  function bigPaste(): Buffer {
    const text = readFileSync(NETFILTER, 'utf8');
    return Buffer.from(text.repeat(Math.ceil(3_000_000 / text.length)));
  }

  it('reports progress as it goes, lets the window in between, and its Cancel keeps whole committed batches', async () => {
    const data = bigPaste();
    const options = { tz: 'UTC', year: 2026 };
    const reference = db();
    const full = await importLogBytes(reference, 'pasted text', data, 'paste', options);
    expect(full.outcome).toBe('done');

    const d = db();
    const abort = new AbortController();
    // Turns of the event loop: the window's calls (its Cancel, a screen's query) and the progress events sent to it
    // are handled only when the loop turns.
    let turns = 0;
    const ticker = setInterval(() => turns++, 1);
    const seen: { bytesDone: number; lines: number; turns: number }[] = [];
    let cancelAsked = false;
    const cancelled = await importLogBytes(
      d,
      'pasted text',
      data,
      'paste',
      { ...options, signal: abort.signal, progressEveryMs: 0, batchLines: 1_000 },
      (p) => {
        seen.push({ bytesDone: p.bytesDone, lines: p.lines, turns });
        // As the window's Cancel arrives: at the next turn of the loop, not from inside the import.
        if (!cancelAsked && p.bytesDone > data.length / 2) {
          cancelAsked = true;
          setTimeout(() => abort.abort(), 0);
        }
      },
    ).finally(() => clearInterval(ticker));

    expect(cancelled.outcome).toBe('cancelled');
    expect(cancelled.row).toMatchObject({ source: 'paste', file_path: null, status: 'cancelled' });
    // Several reports with growing bytes before it ended, the loop turning between them.
    const before = seen.slice(0, -1);
    expect(before.length).toBeGreaterThanOrEqual(3);
    for (let i = 1; i < before.length; i++) {
      expect(before[i]?.bytesDone).toBeGreaterThan(before[i - 1]?.bytesDone ?? 0);
      expect(before[i]?.turns).toBeGreaterThan(before[i - 1]?.turns ?? 0);
    }
    expect(seen.at(-1)?.bytesDone).toBeLessThan(data.length);

    // Only whole committed batches: every line up to the last committed one, nothing after it, stored as an
    // uninterrupted import stored them.
    const stoppedAfter = cancelled.row.lines_total;
    expect(stoppedAfter).toBeGreaterThan(0);
    expect(stoppedAfter).toBeLessThan(full.row.lines_total);
    const row = cancelled.row;
    expect(row.lines_parsed + row.lines_ignored + row.lines_unknown).toBe(stoppedAfter);
    const kept = storedImport(d, cancelled.importId);
    const upTo = <T extends { line: number }>(rows: unknown[]): T[] =>
      (rows as T[]).filter((r) => r.line <= stoppedAfter);
    const whole = storedImport(reference, full.importId);
    expect(kept.events).toEqual(upTo(whole.events));
    expect(kept.unknown).toEqual(upTo(whole.unknown));

    // Pasting the same text again continues it to exactly the full set; once more adds nothing.
    const resumed = await importLogBytes(d, 'pasted text', data, 'paste', options);
    expect(resumed).toMatchObject({ outcome: 'done', resumed: true, importId: cancelled.importId });
    expect(storedImport(d, resumed.importId)).toEqual(whole);
    const again = await importLogBytes(d, 'pasted text', data, 'paste', options);
    expect(again).toMatchObject({ outcome: 'already-imported', importId: cancelled.importId });
    expect(count(d, 'imports')).toBe(1);
  }, 60_000);
});
