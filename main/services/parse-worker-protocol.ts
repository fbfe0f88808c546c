import { z } from 'zod';
import { LOG_ENCODINGS } from '../adapters/files/encoding';
import { LOG_FILE_ERROR_CODES } from '../adapters/files/source';
import { EVENT_VALUES_WIDTH } from '../db/repos/imports';

/**
 * Messages between an import (main/services/parsed-log.ts) and the parse worker (main/import-worker.ts), which reads
 * and parses a big log on the machine's other core while the import writes what it sends. Both ends check what they
 * receive: a worker built from other sources (a stale out/ folder) must fail loudly, not store nonsense.
 */

/**
 * How an import reads its log (--format/--tz/--year and the "now" of year inference), stored with the import
 * (imports.options, JSON) so that a resume reads it the same way, and handed to the worker.
 */
export const StoredOptions = z.object({
  format: z.string().optional(),
  tz: z.string().optional(),
  year: z.number().int().optional(),
  now: z.number(),
  /**
   * The year the first year-less date gets: set when a finished import's dates moved back (its log would have
   * ended in the future), so that a continuation reads its lines as they are stored, and by the re-dating read.
   */
  seedYear: z.number().int().optional(),
  /** A continuation's own "now": its new lines may lie after the continued import's (main/core/import/time.ts). */
  until: z.number().optional(),
});
export type StoredOptions = z.infer<typeof StoredOptions>;

/** What the worker reads: the file's first `size` bytes (the import's snapshot of it), as its import stored how. */
export const ParseWorkerData = z.object({
  path: z.string().min(1),
  size: z.number().int().nonnegative(),
  options: StoredOptions,
});
export type ParseWorkerData = z.infer<typeof ParseWorkerData>;

export const ToWorker = z.discriminatedUnion('type', [
  /** Parse from the start, yield lines after `committedLine`, at most `window` batches not yet taken. */
  z.object({
    type: z.literal('start'),
    importId: z.number().int().positive(),
    committedLine: z.number().int().nonnegative(),
    batchLines: z.number().int().positive(),
    window: z.number().int().positive(),
  }),
  /** The import took a batch: one more may be sent. */
  z.object({ type: z.literal('credit') }),
]);
export type ToWorker = z.infer<typeof ToWorker>;

export const LogHeader = z.object({
  family: z.string().nullable(),
  /** 1 when the user chose the format, else the detection's confidence. */
  confidence: z.number().min(0).max(1),
  encoding: z.enum(LOG_ENCODINGS),
  compressed: z.boolean(),
});
export type LogHeader = z.infer<typeof LogHeader>;

const Batch = z
  .object({
    // Checked by length only: validating each of ~46,000 values per batch would cost what the worker saves.
    flat: z.custom<unknown[]>((v) => Array.isArray(v)),
    rows: z.number().int().nonnegative(),
    unknowns: z.array(z.object({ line: z.number().int().positive(), reason: z.string(), raw: z.string() })),
    ignored: z.number().int().nonnegative(),
    upTo: z.number().int().nonnegative(),
    bytes: z.number().nonnegative(),
    final: z.boolean(),
    dating: z.object({
      seed: z.number().int().nullable(),
      redateBelow: z.number().int().nonnegative(),
    }),
  })
  .refine((b) => b.flat.length === b.rows * EVENT_VALUES_WIDTH, 'a batch holds rows * EVENT_VALUES_WIDTH values');

export const FromWorker = z.discriminatedUnion('type', [
  z.object({ type: z.literal('ready'), header: LogHeader }),
  z.object({ type: z.literal('batch'), batch: Batch }),
  /** The file could not be read (LogFileError fields when it was one), or the worker itself failed. */
  z.object({
    type: z.literal('failed'),
    message: z.string(),
    code: z.enum(LOG_FILE_ERROR_CODES).nullable(),
    fileName: z.string().nullable(),
  }),
]);
export type FromWorker = z.infer<typeof FromWorker>;
