import { importErrorCode, type ImportErrorCode, type LogFileErrorCode } from '../core/model/import-errors';
import type { Database } from 'better-sqlite3';
import { FAMILIES } from '../core/parsers/registry';
import { bytesSource, fileSource, LogFileError, type LogSource } from '../adapters/files/source';
import { deleteImport, getImport, listImports, listUnknownLines, type ImportRow } from '../db/repos/imports';
import {
  findResumable,
  importLogBytes,
  importLogFile,
  type ImportProgress,
  type ImportResult,
  type ResumeInfo,
} from './import';
import { prepareLog, ReadOptionsError } from './read-log';

export interface DetectResult {
  name: string;
  size: number;
  family: string | null;
  confidence: number;
  encoding: string | null;
  compressed: boolean;
  scores: { id: string; name: string; score: number }[];
  /** The first few lines, so the user can see what was read. */
  sample: string[];
  error: string | null;
  errorCode: LogFileErrorCode | null;
  /**
   * The unfinished import of this file that importing it continues, reading it as that one did; null for a new
   * file and for dropped or pasted bytes (no path: they are never hashed before Import).
   */
  resume: ResumeInfo | null;
}

export interface JobOptions {
  format?: string | undefined;
  tz?: string | undefined;
  year?: number | undefined;
}

export type JobOutcome = 'done' | 'cancelled' | 'already-imported' | 'failed';

export interface JobFinished {
  jobId: number;
  outcome: JobOutcome;
  importId: number | null;
  message: string | null;
  /** What kind of failure (the screen says it in the user's language); null for an unexpected one. */
  errorCode: ImportErrorCode | null;
  row: ImportRow | null;
}

export interface ImportJobs {
  detect(input: { path: string } | { name: string; data: Uint8Array }): Promise<DetectResult>;
  startFile(path: string, options: JobOptions): number;
  startBytes(name: string, data: Uint8Array, source: 'file' | 'paste', options: JobOptions): number;
  cancel(jobId: number): boolean;
  list(): ImportRow[];
  skipped(
    importId: number,
    offset: number,
    limit: number,
  ): { total: number; lines: ReturnType<typeof listUnknownLines> };
  remove(importId: number): boolean;
  /** Resolves when every running job has ended (tests, shutdown). */
  idle(): Promise<void>;
}

export interface ImportJobEvents {
  progress(jobId: number, p: ImportProgress): void;
  finished(f: JobFinished): void;
}

/**
 * Runs imports in the background for the window: one job per file, progress and the end pushed as events.
 * `parseWorker`: the built parse worker for big files (ImportOptions.parseWorker); unset = one thread.
 */
export function createImportJobs(
  db: Database,
  events: ImportJobEvents,
  now: () => number,
  parseWorker?: string,
): ImportJobs {
  let nextId = 1;
  const running = new Map<number, { abort: AbortController; done: Promise<void> }>();

  function run(start: (signal: AbortSignal, onProgress: (p: ImportProgress) => void) => Promise<ImportResult>): number {
    const jobId = nextId++;
    const abort = new AbortController();
    const done = (async () => {
      // Let the caller receive the job id before the first progress event.
      await new Promise((r) => setImmediate(r));
      try {
        const result = await start(abort.signal, (p) => events.progress(jobId, p));
        const { outcome, importId, row } = result;
        events.finished({ jobId, outcome, importId, message: null, errorCode: null, row });
      } catch (e) {
        // Cancelled before the import had a row (while hashing or opening the file): nothing stored, and no failure.
        if (abort.signal.aborted) {
          events.finished({ jobId, outcome: 'cancelled', importId: null, message: null, errorCode: null, row: null });
          return;
        }
        const message = (e as Error).message;
        events.finished({
          jobId,
          outcome: 'failed',
          importId: null,
          message,
          errorCode: importErrorCode(e),
          row: null,
        });
      } finally {
        running.delete(jobId);
      }
    })();
    running.set(jobId, { abort, done });
    return jobId;
  }

  const opts = (o: JobOptions, signal: AbortSignal) => ({ ...o, signal, now, progressEveryMs: 150, parseWorker });

  return {
    async detect(input) {
      let source: LogSource;
      try {
        source = 'path' in input ? await fileSource(input.path) : bytesSource(input.name, input.data);
        const log = await prepareLog(source, { families: FAMILIES });
        const sample: string[] = [];
        for await (const b of log.batches()) {
          sample.push(...b.lines.filter((l) => l.trim() !== '').slice(0, 5 - sample.length));
          if (sample.length >= 5) break;
        }
        const names = new Map(FAMILIES.map((f) => [f.id, f.name]));
        const resume = 'path' in input ? await findResumable(db, source, now) : null;
        return {
          name: source.name,
          size: source.size,
          family: log.family?.id ?? null,
          confidence: log.detection.confidence,
          encoding: log.stream.encoding,
          compressed: log.stream.compressed,
          scores: log.detection.scores.map((s) => ({ id: s.id, name: names.get(s.id) ?? s.id, score: s.score })),
          sample,
          error: null,
          errorCode: null,
          resume,
        };
      } catch (e) {
        if (!(e instanceof LogFileError || e instanceof ReadOptionsError)) throw e;
        const name = 'path' in input ? (input.path.split(/[\\/]/).pop() ?? input.path) : input.name;
        return {
          name,
          size: 0,
          family: null,
          confidence: 0,
          encoding: null,
          compressed: false,
          scores: [],
          sample: [],
          error: e.message,
          errorCode: e instanceof LogFileError ? e.code : null,
          resume: null,
        };
      }
    },
    startFile(path, o) {
      return run((signal, onProgress) => importLogFile(db, path, opts(o, signal), onProgress));
    },
    startBytes(name, data, source, o) {
      return run((signal, onProgress) => importLogBytes(db, name, data, source, opts(o, signal), onProgress));
    },
    cancel(jobId) {
      const job = running.get(jobId);
      if (!job) return false;
      job.abort.abort();
      return true;
    },
    list: () => listImports(db),
    skipped(importId, offset, limit) {
      const row = getImport(db, importId);
      return { total: row?.lines_unknown ?? 0, lines: listUnknownLines(db, importId, offset, limit) };
    },
    remove(importId) {
      if (!getImport(db, importId)) return false;
      deleteImport(db, importId);
      return true;
    },
    async idle() {
      await Promise.all([...running.values()].map((j) => j.done));
    },
  };
}
