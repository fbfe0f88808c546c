import type { Database } from 'better-sqlite3';
import type { Detection } from '../../preload/contract/imports';
import { importErrorCode } from '../core/model/import-errors';
import { systemZone } from '../core/time/zone';
import { bytesSource, fileSource, hashSource, type LogSource, type PrefixCheck } from '../adapters/files/source';
import {
  createImport,
  EVENT_VALUES_WIDTH,
  eventWriter,
  findContinuationCandidates,
  findImportsByHash,
  getImport,
  hasUnfinishedOfSize,
  reopenImport,
  saveProgress,
  setAssumedYear,
  setImportStatus,
  type ImportRow,
  type ImportSource,
  type Progress,
} from '../db/repos/imports';
import { dropBulkIndexes, LIVE_IMPORT_MS, repairBulkIndexes, worthDroppingBulkIndexes } from '../db/bulk-indexes';
import type { BatchDating, CommitBatch } from './import-batches';
import { needsRedating, recordSeedYear, redateImport, refreshImportTimes } from './import-redate';
import { StoredOptions } from './parse-worker-protocol';
import { openParsedLog, type ParsedLog } from './parsed-log';
import { checkReadOptions, type ReadLogOptions } from './read-log';

export interface ImportOptions {
  format?: string | undefined;
  tz?: string | undefined;
  year?: number | undefined;
  now?: () => number;
  signal?: AbortSignal | undefined;
  /**
   * Lines per transaction (default 2 000). Each commit holds the main process: 10 000 lines held it ~90-100 ms,
   * 2 000 ~40 ms, at the same speed (300,000-line log: 70-72k vs 73k lines/s), so the window stays smooth.
   */
  batchLines?: number;
  /** Progress callbacks at most this often (ms). */
  progressEveryMs?: number;
  /**
   * Estimated rows from which an import drops the randomly-written index while it writes and builds it at the end
   * (main/db/bulk-indexes.ts); default 200 000. 0 = always (the kill-mid-import test).
   */
  bulkIndexRows?: number;
  /**
   * The built parse worker (out/main/import-worker.js): a file of `parseWorkerMinBytes` (default 1 MiB) or more is
   * then parsed on another thread while this one stores (main/services/parsed-log.ts). Without it, one thread does
   * both.
   */
  parseWorker?: string | undefined;
  parseWorkerMinBytes?: number | undefined;
}

/**
 * Finished imports a bigger file is checked against as its possible start (newest first, same file name first).
 * Each costs a copy of the running hash at its size; a bound keeps a database of thousands of imports as fast.
 */
const CONTINUATION_CANDIDATES = 20;

/** Bytes per stored event, low end (netfilter lines are ~250, pfSense CSV ~150, ASA ~120): a file's row estimate. */
const BYTES_PER_ROW_ESTIMATE = 120;

export interface ImportProgress {
  importId: number;
  fileName: string;
  family: string | null;
  confidence: number;
  encoding: string | null;
  bytesDone: number;
  bytesTotal: number;
  lines: number;
  parsed: number;
  ignored: number;
  unknown: number;
  linesPerSec: number;
  /** Estimated from bytes left at the current byte rate; null until there is a rate. */
  secondsLeft: number | null;
  /**
   * 'redating': every line is stored, and a year-less log that ended in the future is being read again from the year
   * before (import-redate.ts); 'indexing': the index dropped for a big import is being built (seconds per million).
   */
  phase: 'reading' | 'redating' | 'indexing';
}

export type ImportOutcome = 'done' | 'cancelled' | 'already-imported';

export interface ImportResult {
  outcome: ImportOutcome;
  importId: number;
  /** True when an interrupted import of the same content was continued instead of started anew. */
  resumed: boolean;
  row: ImportRow;
}

export class ImportInProgressError extends Error {
  readonly code = 'in-progress';
}

export async function importLogFile(
  db: Database,
  path: string,
  options: ImportOptions = {},
  onProgress?: (p: ImportProgress) => void,
): Promise<ImportResult> {
  return importSource(db, await fileSource(path), 'file', options, onProgress);
}

/** Text the user pasted, or the bytes of a file dropped where no path is available. */
export async function importLogBytes(
  db: Database,
  name: string,
  data: Uint8Array,
  source: 'file' | 'paste',
  options: ImportOptions = {},
  onProgress?: (p: ImportProgress) => void,
): Promise<ImportResult> {
  return importSource(db, bytesSource(name, data), source, options, onProgress);
}

async function importSource(
  db: Database,
  source: LogSource,
  kind: ImportSource,
  options: ImportOptions,
  onProgress?: (p: ImportProgress) => void,
): Promise<ImportResult> {
  const read: ReadLogOptions = { format: options.format, tz: options.tz, year: options.year };
  checkReadOptions(read);
  const { hash, prefixes } = await hashSource(source, options.signal, continuationChecks(db, source));
  // Claimed synchronously, before any await: two starts of the same content at once (a double-click, the same file
  // dropped twice) would otherwise both pass the check below, since the row it looks for is created only later.
  const release = claimContent(db, hash);
  if (!release) throw new ImportInProgressError(`${source.name} is being imported already.`);
  try {
    return await importHashed(db, source, kind, options, onProgress, read, hash, prefixes);
  } finally {
    release();
  }
}

/** The unfinished import that importing a file would resume, and how it reads the file (the IPC contract's shape). */
export type ResumeInfo = NonNullable<Detection['resume']>;

/**
 * What importSource would resume for this source (its `interrupted`), so that the preview says so before the
 * user picks a format, zone or year that would not be used. Cheap for a new file: it is hashed only when an
 * unfinished import of the same size exists. Null too when that import is still running (the import refuses it)
 * or the same content was finished since (nothing would be added).
 */
export async function findResumable(
  db: Database,
  source: LogSource,
  now: () => number,
  signal?: AbortSignal,
): Promise<ResumeInfo | null> {
  if (!hasUnfinishedOfSize(db, source.size)) return null;
  const { hash } = await hashSource(source, signal);
  const { done, interrupted: row, live } = priorImports(db, hash, now());
  // Content finished since: the import adds nothing ('already-imported'), it resumes none.
  if (done || !row || live) return null;
  return {
    importId: row.id,
    afterLine: row.lines_total,
    status: row.status,
    format: row.family,
    zone: row.zone,
    year: row.assumed_year,
  };
}

type UnfinishedImport = ImportRow & { status: Exclude<ImportRow['status'], 'done'> };

/**
 * What the database holds of this content: a finished import, else an unfinished one (to resume) and whether that
 * one is still being written — a 'running' row updated this recently belongs to an import in progress (another
 * window or the CLI). The import and the preview's findResumable decide by this one rule.
 */
function priorImports(
  db: Database,
  hash: string,
  now: number,
): { done: ImportRow | undefined; interrupted: UnfinishedImport | undefined; live: boolean } {
  const previous = findImportsByHash(db, hash);
  const done = previous.find((r) => r.status === 'done');
  const interrupted = previous.find((r): r is UnfinishedImport => r.status !== 'done');
  const live = interrupted?.status === 'running' && now - (interrupted.updated_at ?? 0) < LIVE_IMPORT_MS;
  return { done, interrupted, live };
}

/**
 * Contents being imported by this process, per database: `db.name` is the file, so two connections to one file
 * share a set; an in-memory database is only itself.
 */
const importing = new Map<Database | string, Set<string>>();

/** Marks the content as being imported into this database; null when it already is. The result releases it. */
function claimContent(db: Database, hash: string): (() => void) | null {
  const key = db.memory ? db : db.name;
  let set = importing.get(key);
  if (set?.has(hash)) return null;
  if (!set) importing.set(key, (set = new Set()));
  set.add(hash);
  return () => {
    set.delete(hash);
    if (set.size === 0) importing.delete(key);
  };
}

async function importHashed(
  db: Database,
  source: LogSource,
  kind: ImportSource,
  options: ImportOptions,
  onProgress: ((p: ImportProgress) => void) | undefined,
  read: ReadLogOptions,
  hash: string,
  prefixes: (PrefixCheck & { row: ImportRow })[],
): Promise<ImportResult> {
  const clock = options.now ?? Date.now;
  const { done, interrupted, live } = priorImports(db, hash, clock());
  if (done) return { outcome: 'already-imported', importId: done.id, resumed: false, row: done };
  if (interrupted && live) {
    throw new ImportInProgressError(`${source.name} is being imported already (import #${interrupted.id}).`);
  }
  // The file grew since a finished import (a live log): only the lines after that import's are new.
  let continues = interrupted ? undefined : prefixes[0]?.row;
  // A resume reads the file exactly as the first run did: same format, zone, year and "now" (year inference). A
  // continuation reads it as the import it continues did, so the lines it re-reads (not stored) rebuild the same
  // parser and year state and its own lines get the years and zone an import of the whole file would give them.
  const own: StoredOptions = { ...definedOnly(read), now: clock() };
  const openAs = (stored: StoredOptions): Promise<ParsedLog> =>
    openParsedLog(source, stored, {
      worker: options.parseWorker,
      workerMinBytes: options.parseWorkerMinBytes,
      signal: options.signal,
    });
  // A continuation's new lines may lie after the continued import's "now": they are held against this one's.
  let stored = interrupted
    ? (storedOptionsOf(interrupted) ?? own)
    : continues
      ? { ...(storedOptionsOf(continues) ?? own), until: own.now }
      : own;
  let log = await openAs(stored);
  if (continues && (log.header.compressed || log.header.encoding !== continues.encoding)) {
    // Same bytes read another way (the encoding guessed differently from more text): the line numbers of the
    // import it would continue may not be this file's; import it whole, as before continuations existed.
    await log.close();
    continues = undefined;
    stored = own;
    log = await openAs(stored);
  }
  const batchLines = options.batchLines ?? 2_000;
  try {
    return await storeLog(db, source, kind, options, onProgress, {
      hash,
      interrupted,
      continues,
      stored,
      log,
      batchLines,
    });
  } finally {
    await log.close();
  }
}

/**
 * The finished imports the source may be a grown copy of: smaller, uncompressed (a gzip stream's bytes are no
 * prefix of anything useful), and each to be matched only if its bytes end with a newline in its encoding, so that
 * its last line was complete and line numbers after it are the same in the bigger file.
 */
function continuationChecks(db: Database, source: LogSource): (PrefixCheck & { row: ImportRow })[] {
  return findContinuationCandidates(db, source.size, source.name, CONTINUATION_CANDIDATES).flatMap((row) => {
    const newline = newlineBytes(row.encoding);
    if (!newline || row.file_size === null || row.content_hash === null || row.lines_total < 1) return [];
    // UTF-16 text is whole code units: an odd size cannot end with a newline character.
    if (newline.length === 2 && row.file_size % 2 !== 0) return [];
    return [{ size: row.file_size, hash: row.content_hash, endsWith: newline, row }];
  });
}

function newlineBytes(encoding: string | null): Uint8Array | null {
  switch (encoding) {
    // 0x0A is never part of a two-byte Shift_JIS or EUC-JP character (their bytes are 0x40 and above).
    case 'utf-8':
    case 'shift_jis':
    case 'euc-jp':
      return Uint8Array.of(0x0a);
    case 'utf-16le':
      return Uint8Array.of(0x0a, 0x00);
    case 'utf-16be':
      return Uint8Array.of(0x00, 0x0a);
    default:
      return null;
  }
}

function storedOptionsOf(row: ImportRow | undefined): StoredOptions | undefined {
  return row?.options ? StoredOptions.parse(JSON.parse(row.options)) : undefined;
}

async function storeLog(
  db: Database,
  source: LogSource,
  kind: ImportSource,
  options: ImportOptions,
  onProgress: ((p: ImportProgress) => void) | undefined,
  opened: {
    hash: string;
    interrupted: ImportRow | undefined;
    /** The finished import whose lines the file starts with (it grew since); only later lines are stored. */
    continues: ImportRow | undefined;
    stored: StoredOptions;
    log: ParsedLog;
    batchLines: number;
  },
): Promise<ImportResult> {
  const clock = options.now ?? Date.now;
  const { hash, interrupted, continues, stored, log, batchLines } = opened;
  const parseOptions = {
    worker: options.parseWorker,
    workerMinBytes: options.parseWorkerMinBytes,
    signal: options.signal,
  };
  const startedAt = clock();
  const zone = stored.tz ?? systemZone();
  const header = {
    family: log.header.family,
    family_confidence: log.header.confidence,
    encoding: log.header.encoding,
    compressed: log.header.compressed ? 1 : 0,
    zone,
    assumed_year: stored.year ?? stored.seedYear ?? new Date(stored.now).getFullYear(),
    bytes_total: source.size,
  };
  let id: number;
  if (interrupted) {
    id = interrupted.id;
    reopenImport(db, id, startedAt, header);
  } else {
    id = createImport(db, {
      source: kind,
      started_at: startedAt,
      file_name: source.name,
      file_path: source.path,
      file_size: source.size,
      content_hash: hash,
      options: JSON.stringify(stored),
      ...header,
      // Lines up to lines_before are the continued import's: as for a resume, they are read again but not
      // stored, and lines_total (the last line covered) starts there, so a kill before the first commit resumes
      // after them too.
      ...(continues
        ? { continues_import: continues.id, lines_before: continues.lines_total, lines_total: continues.lines_total }
        : {}),
    });
  }
  const base = getImport(db, id) as ImportRow;
  // Lines this import does not hold itself: those of the import it continues. Its counts are its own lines'.
  const linesBefore = base.lines_before;
  const committedLine = base.lines_total;
  const progress: Progress = {
    bytes_done: base.bytes_done,
    lines_total: committedLine,
    lines_parsed: base.lines_parsed,
    lines_ignored: base.lines_ignored,
    lines_unknown: base.lines_unknown,
    first_ts: base.first_ts,
    last_ts: base.last_ts,
    updated_at: startedAt,
  };

  const writer = eventWriter(db);
  const newRows = (source.size * (log.header.compressed ? 8 : 1)) / BYTES_PER_ROW_ESTIMATE;
  const storedRows = (db.prepare('SELECT coalesce(max(id), 0) AS n FROM events').get() as { n: number }).n;
  const dropped = worthDroppingBulkIndexes(newRows, storedRows, options.bulkIndexRows ?? 200_000)
    ? dropBulkIndexes(db)
    : [];
  // The (remote, ts_utc) index takes inserts in random order: a 2 MB page cache (SQLite's default) turns that into
  // disk reads once the index outgrows it. 24 MB keeps big imports fast while staying inside the memory budget.
  const cacheBefore = db.pragma('cache_size', { simple: true }) as number;
  db.pragma('cache_size = -24576');

  const commit = db.transaction((b: CommitBatch) => {
    for (let r = 0; r < b.rows; r++) {
      const ts = b.flat[r * EVENT_VALUES_WIDTH + 2] as number | null;
      if (ts !== null) {
        if (progress.first_ts === null || ts < progress.first_ts) progress.first_ts = ts;
        if (progress.last_ts === null || ts > progress.last_ts) progress.last_ts = ts;
      }
    }
    writer.insertEvents(b.flat, b.rows);
    for (const u of b.unknowns) writer.insertUnknown(id, u.line, u.reason, u.raw);
    progress.lines_parsed += b.rows;
    progress.lines_unknown += b.unknowns.length;
    progress.lines_ignored += b.ignored;
    progress.lines_total = Math.max(progress.lines_total, b.upTo);
    progress.bytes_done = b.bytes;
    progress.updated_at = clock();
    saveProgress(db, id, progress);
  });

  const every = options.progressEveryMs ?? 200;
  // Rates are measured from `rateFrom`: the start, or for a resume or continuation the first commit, since the lines
  // it re-reads without storing go much faster than stored ones (counted in, they gave a bogus lines/s and a time
  // left far too short, then a jump).
  let rateFrom: { at: number; bytes: number; lines: number } | null =
    committedLine > 0 ? null : { at: clock(), bytes: 0, lines: 0 };
  let lastReport = 0;
  const report = (final: boolean, phase: ImportProgress['phase'] = 'reading', force = final): void => {
    if (!onProgress) return;
    const now = clock();
    if (!force && now - lastReport < every) return;
    lastReport = now;
    const bytesDone = final ? source.size : progress.bytes_done;
    // No rate until some time has passed since rateFrom: 0 lines/s and no time left rather than a guess.
    const from = rateFrom;
    const secs = from ? (now - from.at) / 1000 : 0;
    const timed = from !== null && secs >= 0.05;
    const byteRate = timed ? (bytesDone - from.bytes) / secs : 0;
    onProgress({
      importId: id,
      fileName: source.name,
      family: header.family,
      confidence: header.family_confidence,
      encoding: header.encoding,
      bytesDone,
      bytesTotal: source.size,
      lines: progress.lines_total - linesBefore,
      parsed: progress.lines_parsed,
      ignored: progress.lines_ignored,
      unknown: progress.lines_unknown,
      linesPerSec: timed ? Math.round((progress.lines_total - from.lines) / secs) : 0,
      secondsLeft: final ? 0 : byteRate > 0 ? Math.max(0, (source.size - bytesDone) / byteRate) : null,
      phase,
    });
  };

  const restore = (): void => {
    db.pragma(`cache_size = ${cacheBefore}`);
    // The index this import dropped, or one a killed run of it left missing (a resume), unless another process's
    // import is still writing without it. Never throws: busy or out of space, the next open builds it.
    repairBulkIndexes(db, clock(), id);
  };

  let cancelled = false;
  // The seed year the lines ended up dated from, when the years moved back (see import-redate.ts).
  let redatedSeed: number | null = null;
  // Some stored times were rewritten (the range and the timeline's counts must follow, even after a cancel).
  let redated = false;
  let dating: BatchDating = { seed: null, redateBelow: 0 };
  try {
    for await (const batch of log.batches(id, committedLine, batchLines)) {
      commit(batch);
      dating = batch.dating;
      rateFrom ??= { at: clock(), bytes: progress.bytes_done, lines: progress.lines_total };
      report(batch.final);
      if (options.signal?.aborted && !batch.final) {
        cancelled = true;
        break;
      }
    }
    // A year-less log that would have ended in the future: its lines are read again from the year before and
    // re-dated. Not for a cancelled import (its resume re-reads the log and finds the same).
    if (!cancelled && dating.redateBelow > 0 && dating.seed !== null && stored.year === undefined) {
      redatedSeed = dating.seed;
      if (needsRedating(dating, linesBefore)) {
        report(false, 'redating', true);
        redated = true;
        const r = await redateImport(db, source, stored, dating, {
          importId: id,
          linesBefore,
          batchLines,
          parse: parseOptions,
          clock,
          onBatch: () => report(false, 'redating'),
        });
        cancelled = !r.finished;
        redatedSeed = r.seed;
      }
    }
  } catch (e) {
    // Keep what was committed; the import is marked with the reason (a later run resumes it).
    const aborted = options.signal?.aborted || (e as Error).name === 'AbortError';
    if (aborted) setImportStatus(db, id, 'cancelled', clock());
    else setImportStatus(db, id, 'failed', clock(), (e as Error).message, importErrorCode(e));
    cancelled = aborted;
    if (!aborted) {
      restore();
      throw e;
    }
  }
  // A cancelled import builds the index too (what it stored stays usable); its bar keeps the bytes it reached.
  if (dropped.length) report(!cancelled, 'indexing', true);
  // Still 'running' (and just touched) while the index is built: an app or CLI sharing the database waits for the
  // end instead of starting the same build and blocking on the lock; 'done' then means the index is back too.
  setImportStatus(db, id, 'running', clock());
  restore();
  db.transaction(() => {
    // Stored times changed: the range and the timeline's counts follow, also after a cancel part-way.
    if (redated) refreshImportTimes(db, id);
    if (!cancelled && stored.year === undefined) {
      // The year the first year-less date got (last year's for a "Dec 26" imported in November), not this year's.
      const seed = redatedSeed ?? dating.seed;
      if (seed !== null) setAssumedYear(db, id, seed);
      if (redatedSeed !== null) recordSeedYear(db, id, stored, redatedSeed);
    }
    setImportStatus(db, id, cancelled ? 'cancelled' : 'done', clock());
  })();
  // The last word on where it ended: all bytes only when all were read; a cancelled bar stays where it stopped.
  report(!cancelled, 'reading', true);
  const row = getImport(db, id) as ImportRow;
  return { outcome: cancelled ? 'cancelled' : 'done', importId: id, resumed: !!interrupted, row };
}

function definedOnly(o: ReadLogOptions): Omit<StoredOptions, 'now'> {
  const out: Omit<StoredOptions, 'now'> = {};
  if (o.format !== undefined) out.format = o.format;
  if (o.tz !== undefined) out.tz = o.tz;
  if (o.year !== undefined) out.year = o.year;
  return out;
}
