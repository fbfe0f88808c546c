import { z } from 'zod';
import { IMPORT_ERROR_CODES, LOG_FILE_ERROR_CODES } from '../../main/core/model/import-errors';
import { invoke } from './define';

/** Dropped or pasted content travels as base64 (a browser has no file path); about 100 MB at most. */
const MAX_BASE64 = 140_000_000;

export const ImportOptions = z.object({
  /** Family id; absent = detect. */
  format: z.string().max(64).optional(),
  /** IANA zone; absent = this PC's. */
  tz: z.string().max(64).optional(),
  year: z.number().int().min(1970).max(9999).optional(),
});

export const ImportSummary = z.object({
  id: z.number().int(),
  source: z.enum(['file', 'paste', 'syslog']),
  fileName: z.string().nullable(),
  filePath: z.string().nullable(),
  family: z.string().nullable(),
  confidence: z.number().nullable(),
  encoding: z.string().nullable(),
  compressed: z.boolean(),
  zone: z.string().nullable(),
  year: z.number().nullable(),
  status: z.enum(['running', 'done', 'cancelled', 'failed']),
  startedAt: z.number(),
  finishedAt: z.number().nullable(),
  bytesTotal: z.number().nullable(),
  /** Lines this import read itself: for a continuation (see firstLine), only those from firstLine on. */
  lines: z.number(),
  parsed: z.number(),
  ignored: z.number(),
  unknown: z.number(),
  firstTs: z.number().nullable(),
  lastTs: z.number().nullable(),
  error: z.string().nullable(),
  /** Why it failed, as a code the screen words in the user's language (fileError.<code>); null for older rows. */
  errorCode: z.enum(IMPORT_ERROR_CODES).nullable(),
  /**
   * The file's first line this import holds: 1, or for a file that grew since an earlier import the line after
   * those that import holds (it stored only the new ones).
   */
  firstLine: z.number().int().positive(),
  /** That earlier import, which holds lines 1 .. firstLine - 1; null when there is none or it was removed. */
  continuesImport: z.number().int().nullable(),
});
export type ImportSummary = z.infer<typeof ImportSummary>;

export const Detection = z.object({
  name: z.string(),
  size: z.number(),
  family: z.string().nullable(),
  confidence: z.number(),
  encoding: z.string().nullable(),
  compressed: z.boolean(),
  scores: z.array(z.object({ id: z.string(), name: z.string(), score: z.number() })),
  sample: z.array(z.string()),
  /** Why the file cannot be imported (empty, binary, unknown format …), in English with details. */
  error: z.string().nullable(),
  /** The same as a code: the screen says it in the user's language (fileError.<code>). */
  errorCode: z.enum(LOG_FILE_ERROR_CODES).nullable(),
  /**
   * Importing this file continues an unfinished import of it, from the line after `afterLine`, with that import's
   * format, zone and year (whatever is picked now). Null for a new file, and always for bytes without a path.
   */
  resume: z
    .object({
      importId: z.number().int(),
      afterLine: z.number().int().nonnegative(),
      status: z.enum(['running', 'cancelled', 'failed']),
      format: z.string().nullable(),
      zone: z.string().nullable(),
      year: z.number().int().nullable(),
    })
    .nullable(),
});
export type Detection = z.infer<typeof Detection>;

export const FamilyInfo = z.object({ id: z.string(), name: z.string(), example: z.string() });
export type FamilyInfo = z.infer<typeof FamilyInfo>;

export const ImportProgressEvent = z.object({
  jobId: z.number().int(),
  importId: z.number().int(),
  fileName: z.string(),
  family: z.string().nullable(),
  confidence: z.number(),
  bytesDone: z.number(),
  bytesTotal: z.number(),
  lines: z.number(),
  parsed: z.number(),
  ignored: z.number(),
  unknown: z.number(),
  linesPerSec: z.number(),
  secondsLeft: z.number().nullable(),
  /**
   * 'redating': all lines are stored; those before a year-less log's years moved back are re-read a year earlier
   * (main/services/import-redate.ts). 'indexing': a big import is building its address index (main/db/bulk-indexes.ts).
   */
  phase: z.enum(['reading', 'redating', 'indexing']),
});
export type ImportProgressEvent = z.infer<typeof ImportProgressEvent>;

export const ImportFinishedEvent = z.object({
  jobId: z.number().int(),
  outcome: z.enum(['done', 'cancelled', 'already-imported', 'failed']),
  importId: z.number().int().nullable(),
  message: z.string().nullable(),
  /** Set when the failure is a known kind: the screen says it in the user's language (fileError.<code>). */
  errorCode: z.enum(IMPORT_ERROR_CODES).nullable(),
  summary: ImportSummary.nullable(),
});
export type ImportFinishedEvent = z.infer<typeof ImportFinishedEvent>;

export const SkippedLine = z.object({ line: z.number().int(), reason: z.string(), raw: z.string() });
export type SkippedLine = z.infer<typeof SkippedLine>;

export const SyslogStatus = z.object({
  running: z.boolean(),
  port: z.number().int().nullable(),
  importId: z.number().int().nullable(),
  received: z.number(),
  parsed: z.number(),
  unknown: z.number(),
  error: z.string().nullable(),
});
export type SyslogStatus = z.infer<typeof SyslogStatus>;

export const SyslogEventItem = z.object({
  line: z.number().int(),
  ts: z.string().nullable(),
  proto: z.string(),
  src: z.string(),
  sport: z.number().nullable(),
  dst: z.string(),
  dport: z.number().nullable(),
  action: z.string(),
  format: z.string(),
});

export const importsInvoke = {
  'imports.formats': invoke(z.undefined(), z.array(FamilyInfo)),
  'imports.detect': invoke(
    z.union([
      z.object({ path: z.string().min(1).max(4096) }),
      z.object({ name: z.string().max(512), dataBase64: z.string().max(MAX_BASE64) }),
    ]),
    Detection,
  ),
  /** Import a file by path (Electron: from the file picker or a drop, via netwhy.pathForFile). */
  'imports.start': invoke(ImportOptions.extend({ path: z.string().min(1).max(4096) }), z.object({ jobId: z.number() })),
  /** Import bytes: a dropped file without a path (browser), or pasted text (source 'paste'). */
  'imports.startBytes': invoke(
    ImportOptions.extend({
      name: z.string().max(512),
      dataBase64: z.string().max(MAX_BASE64),
      source: z.enum(['file', 'paste']),
    }),
    z.object({ jobId: z.number() }),
  ),
  'imports.cancel': invoke(z.object({ jobId: z.number().int() }), z.boolean()),
  'imports.list': invoke(z.undefined(), z.array(ImportSummary)),
  'imports.skipped': invoke(
    z.object({
      importId: z.number().int(),
      offset: z.number().int().min(0).default(0),
      limit: z.number().int().min(1).max(5_000).default(500),
    }),
    z.object({ total: z.number(), lines: z.array(SkippedLine) }),
  ),
  'imports.remove': invoke(z.object({ importId: z.number().int() }), z.boolean()),
  'syslog.start': invoke(z.object({ port: z.number().int().min(1).max(65_535).optional() }).optional(), SyslogStatus),
  'syslog.stop': invoke(z.undefined(), SyslogStatus),
  'syslog.status': invoke(z.undefined(), SyslogStatus),
};

export const importsEvents = {
  'imports.progress': ImportProgressEvent,
  'imports.finished': ImportFinishedEvent,
  'syslog.event': z.object({
    importId: z.number().int(),
    received: z.number(),
    parsed: z.number(),
    unknown: z.number(),
    latest: z.array(SyslogEventItem),
  }),
};
