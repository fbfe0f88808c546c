import type { ImportErrorCode } from '../../core/model/import-errors';
import type { Database, Statement } from 'better-sqlite3';

export type ImportSource = 'file' | 'paste' | 'syslog';
export type ImportStatus = 'running' | 'done' | 'cancelled' | 'failed';

export interface ImportRow {
  id: number;
  source: ImportSource;
  file_name: string | null;
  file_path: string | null;
  file_size: number | null;
  content_hash: string | null;
  family: string | null;
  family_confidence: number | null;
  encoding: string | null;
  compressed: number;
  zone: string | null;
  assumed_year: number | null;
  options: string | null;
  status: ImportStatus;
  started_at: number;
  finished_at: number | null;
  updated_at: number | null;
  bytes_total: number | null;
  bytes_done: number;
  lines_total: number;
  lines_parsed: number;
  lines_ignored: number;
  lines_unknown: number;
  first_ts: number | null;
  last_ts: number | null;
  error: string | null;
  /** core/model/import-errors.ts (migration 0010); null for older rows and unexpected failures. */
  error_code: string | null;
  /**
   * The import this one continues (migration 0011): the file grew since that import, which holds its first
   * `lines_before` lines; this one holds lines_before + 1 .. lines_total. NULL when it continues none, or once the
   * user removed the one it continued.
   */
  continues_import: number | null;
  lines_before: number;
}

export type NewImport = Pick<ImportRow, 'source' | 'started_at'> &
  Partial<Omit<ImportRow, 'id' | 'source' | 'started_at' | 'status'>>;

export function createImport(db: Database, row: NewImport): number {
  const cols = Object.keys(row).filter((k) => row[k as keyof NewImport] !== undefined);
  const sql = `INSERT INTO imports (status, updated_at, ${cols.join(', ')}) VALUES ('running', @started_at, ${cols
    .map((c) => `@${c}`)
    .join(', ')})`;
  return Number(db.prepare(sql).run(row).lastInsertRowid);
}

export function getImport(db: Database, id: number): ImportRow | undefined {
  return db.prepare('SELECT * FROM imports WHERE id = ?').get(id) as ImportRow | undefined;
}

/** Imports of the same content, newest first (re-import and resume look here). */
export function findImportsByHash(db: Database, hash: string): ImportRow[] {
  return db.prepare('SELECT * FROM imports WHERE content_hash = ? ORDER BY id DESC').all(hash) as ImportRow[];
}

/**
 * Unfinished imports of files of exactly `size` bytes: only when one exists is a file worth hashing to tell the user
 * that importing it resumes that one (findResumable in main/services/import.ts).
 */
export function hasUnfinishedOfSize(db: Database, size: number): boolean {
  return (
    db
      .prepare(`SELECT 1 FROM imports WHERE status != 'done' AND content_hash IS NOT NULL AND file_size = ? LIMIT 1`)
      .get(size) !== undefined
  );
}

/**
 * Finished imports a file of `size` bytes might continue (see continuationChecks in main/services/import.ts):
 * smaller uncompressed content with a hash, newest first, those of the same file name ahead of the rest. Only the
 * first `limit` are checked, so a database of many imports keeps the check cheap.
 */
export function findContinuationCandidates(db: Database, size: number, name: string, limit: number): ImportRow[] {
  return db
    .prepare(
      `SELECT * FROM imports
       WHERE status = 'done' AND compressed = 0 AND content_hash IS NOT NULL AND file_size > 0 AND file_size < ?
       ORDER BY (file_name IS ?) DESC, id DESC LIMIT ?`,
    )
    .all(size, name, limit) as ImportRow[];
}

export function listImports(db: Database, limit = 200): ImportRow[] {
  return db.prepare('SELECT * FROM imports ORDER BY started_at DESC, id DESC LIMIT ?').all(limit) as ImportRow[];
}

export interface Progress {
  bytes_done: number;
  lines_total: number;
  lines_parsed: number;
  lines_ignored: number;
  lines_unknown: number;
  first_ts: number | null;
  last_ts: number | null;
  updated_at: number;
}

export function saveProgress(db: Database, id: number, p: Progress): void {
  db.prepare(
    `UPDATE imports SET bytes_done = @bytes_done, lines_total = @lines_total, lines_parsed = @lines_parsed,
       lines_ignored = @lines_ignored, lines_unknown = @lines_unknown, first_ts = @first_ts, last_ts = @last_ts,
       updated_at = @updated_at WHERE id = @id`,
  ).run({ ...p, id });
}

/** The year an import's first year-less date got (shown nowhere yet; a continuation's reading starts from it). */
export function setAssumedYear(db: Database, id: number, year: number): void {
  db.prepare('UPDATE imports SET assumed_year = ? WHERE id = ?').run(year, id);
}

export function setImportStatus(
  db: Database,
  id: number,
  status: ImportStatus,
  at: number,
  error: string | null = null,
  errorCode: ImportErrorCode | null = null,
): void {
  db.prepare(
    'UPDATE imports SET status = ?, finished_at = ?, updated_at = ?, error = ?, error_code = ? WHERE id = ?',
  ).run(status, status === 'running' ? null : at, at, error, errorCode, id);
}

/** Re-opens an interrupted import for resuming (keeps what was committed). */
export function reopenImport(db: Database, id: number, at: number, fields: Partial<ImportRow>): void {
  const sets = Object.keys(fields).map((k) => `${k} = @${k}`);
  db.prepare(
    `UPDATE imports SET status = 'running', finished_at = NULL, error = NULL, updated_at = @at${
      sets.length ? ', ' + sets.join(', ') : ''
    } WHERE id = @id`,
  ).run({ ...fields, at, id });
}

export function deleteImport(db: Database, id: number): void {
  db.prepare('DELETE FROM imports WHERE id = ?').run(id);
}

export interface UnknownLineRow {
  line: number;
  reason: string;
  raw: string;
}

export function listUnknownLines(db: Database, importId: number, offset: number, limit: number): UnknownLineRow[] {
  return db
    .prepare('SELECT line, reason, raw FROM unknown_lines WHERE import_id = ? ORDER BY line LIMIT ? OFFSET ?')
    .all(importId, limit, offset) as UnknownLineRow[];
}

/** One event as stored (contract column order; flags as 'SYN,ACK'). */
export type EventValues = [
  importId: number,
  line: number,
  tsUtc: number | null,
  tsText: string | null,
  zone: string | null,
  proto: string,
  src: string,
  sport: number | null,
  dst: string,
  dport: number | null,
  action: string,
  flags: string,
  direction: string | null,
  iface: string | null,
  rule: string | null,
  length: number | null,
  message: string | null,
  format: string,
  process: string | null,
  pid: number | null,
  state: string | null,
  remote: string | null,
  raw: string,
];

const EVENT_COLUMNS =
  'import_id, line, ts_utc, ts_text, zone, proto, src, sport, dst, dport, action, flags, direction, iface, rule, ' +
  'length, message, format, process, pid, state, remote, raw';
const EVENT_WIDTH = 23;
/** Rows per INSERT statement: one multi-row statement costs far less than as many single-row ones. */
export const ROWS_PER_INSERT = 40;

export interface EventWriter {
  /** Inserts rows (already flattened, EVENT_WIDTH values each); existing (import_id, line) pairs are skipped. */
  insertEvents(flat: unknown[], rows: number): void;
  insertUnknown(importId: number, line: number, reason: string, raw: string): void;
}

export function eventWriter(db: Database): EventWriter {
  const row = `(${new Array(EVENT_WIDTH).fill('?').join(',')})`;
  const many: Statement = db.prepare(
    `INSERT OR IGNORE INTO events (${EVENT_COLUMNS}) VALUES ${new Array(ROWS_PER_INSERT).fill(row).join(',')}`,
  );
  const one: Statement = db.prepare(`INSERT OR IGNORE INTO events (${EVENT_COLUMNS}) VALUES ${row}`);
  const unknown = db.prepare('INSERT OR IGNORE INTO unknown_lines (import_id, line, reason, raw) VALUES (?, ?, ?, ?)');
  return {
    insertEvents(flat, rows) {
      let r = 0;
      // Values as arguments, not one array: better-sqlite3 reads an array element by element through V8's API,
      // measurably slower (1M rows: 6.9 -> 5.8 s of commit time with parsing on another thread).
      for (; r + ROWS_PER_INSERT <= rows; r += ROWS_PER_INSERT) {
        many.run(...flat.slice(r * EVENT_WIDTH, (r + ROWS_PER_INSERT) * EVENT_WIDTH));
      }
      for (; r < rows; r++) one.run(flat.slice(r * EVENT_WIDTH, (r + 1) * EVENT_WIDTH));
    },
    insertUnknown(importId, line, reason, raw) {
      unknown.run(importId, line, reason, raw);
    },
  };
}

export const EVENT_VALUES_WIDTH = EVENT_WIDTH;
