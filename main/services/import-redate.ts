import type { Database } from 'better-sqlite3';
import type { LogSource } from '../adapters/files/source';
import { EVENT_VALUES_WIDTH } from '../db/repos/imports';
import { recountImportInRollup } from '../db/repos/timeline-rollup';
import type { BatchDating, CommitBatch } from './import-batches';
import type { StoredOptions } from './parse-worker-protocol';
import { openParsedLog, type ParseOptions } from './parsed-log';
import { MAX_DATING_READS } from './read-log';

/**
 * Re-dating an import whose year-less log ended in the future (main/core/import/time.ts): the year of such a log is
 * inferred as it streams in, from its first date, and a log that started before today's date and ran over New Year
 * (Oct -> Feb imported in November) ends at a date that would lie in the future, so every event stored carries
 * years one too late. They are read again here, from the seed year that dates them right, and their stored times
 * replaced; lines a year states itself, a router's "today" and lines without a date come out of the read unchanged
 * and are left alone. Only the last date decides: a router's boot-time "Jan 1" part-way through a November log
 * rolls back with the next line and moves nothing.
 *
 * Reading the file again rather than shifting the stored times: a year-less Feb 29 pins the year to a leap year and
 * the lines after it follow, DST depends on the date, and which lines stated their own year is known only to the
 * parser. The read is the import's own (the worker thread for a big file), costs a second parse only for such a
 * log, and holds one batch at a time.
 *
 * Crash safety: each batch of new times is written in a transaction, as absolute values, while the import is still
 * 'running' with the options it started with. Killed part-way, the resumed import reads the log from the same seed,
 * finds the same move and re-dates again; rows already re-dated get the same values.
 */

export interface RedateContext {
  importId: number;
  /** A continuation's lines up to here are the continued import's, which keeps its dates. */
  linesBefore: number;
  batchLines: number;
  parse: ParseOptions;
  clock: () => number;
  /** After each batch of new times is written (the progress bar's sign of life; a Cancel is noticed after it). */
  onBatch?: () => void;
}

export interface RedateResult {
  /** False when the user cancelled the import while its lines were re-dated. */
  finished: boolean;
  /** The seed year the import's lines are now dated from. */
  seed: number | null;
}

/** Whether the import holds lines of its own dated too late (a continuation's earlier lines are not its). */
export function needsRedating(dating: BatchDating, linesBefore: number): boolean {
  return dating.seed !== null && dating.redateBelow - 1 > linesBefore;
}

export async function redateImport(
  db: Database,
  source: LogSource,
  stored: StoredOptions,
  dating: BatchDating,
  ctx: RedateContext,
): Promise<RedateResult> {
  const update = db.prepare(
    // Only rows whose time changes; the raw text guards against a file changed since it was read.
    `UPDATE events SET ts_utc = ?, ts_text = ?
     WHERE import_id = ? AND line = ? AND raw = ? AND ts_text IS NOT ?`,
  );
  const touch = db.prepare('UPDATE imports SET updated_at = ? WHERE id = ?');
  const write = db.transaction((b: CommitBatch, upTo: number) => {
    for (let r = 0; r < b.rows; r++) {
      const at = r * EVENT_VALUES_WIDTH;
      const line = b.flat[at + 1] as number;
      if (line > upTo) continue;
      const tsText = b.flat[at + 3] as string | null;
      if (tsText === null) continue;
      update.run(b.flat[at + 2], tsText, ctx.importId, line, b.flat[at + EVENT_VALUES_WIDTH - 1], tsText);
    }
    // Still alive for an app or CLI sharing the database (a 'running' import untouched for 15 s is not).
    touch.run(ctx.clock(), ctx.importId);
  });

  let target = dating;
  // Each read starts a year or more earlier; a Feb 29 pinning the year can make a read move back again.
  for (let read = 1; read < MAX_DATING_READS && needsRedating(target, ctx.linesBefore); read++) {
    const upTo = target.redateBelow - 1;
    const log = await openParsedLog(source, { ...stored, seedYear: target.seed as number }, ctx.parse);
    let moved: BatchDating | null = null;
    try {
      for await (const b of log.batches(ctx.importId, ctx.linesBefore, ctx.batchLines)) {
        write(b, upTo);
        ctx.onBatch?.();
        // The last batch read decides (its dating covers every line up to it).
        moved = b.dating.redateBelow > 0 ? b.dating : null;
        if (b.final || b.upTo >= upTo) break;
        if (ctx.parse.signal?.aborted) return { finished: false, seed: target.seed };
      }
    } finally {
      await log.close();
    }
    if (!moved) return { finished: true, seed: target.seed };
    target = { seed: moved.seed, redateBelow: Math.max(target.redateBelow, moved.redateBelow) };
  }
  return { finished: true, seed: target.seed };
}

/**
 * The seed year a re-dated import's lines ended up read from, in its stored options: a continuation reads the
 * earlier lines as they are stored. (Its time range and the timeline's counts follow by refreshImportTimes; the host
 * summary goes stale by the import's finish, its updated_at, as after any import.)
 */
export function recordSeedYear(db: Database, importId: number, stored: StoredOptions, seed: number): void {
  db.prepare('UPDATE imports SET options = ? WHERE id = ?').run(
    JSON.stringify({ ...stored, seedYear: seed } satisfies StoredOptions),
    importId,
  );
}

/**
 * An import's time range and the timeline's counts of its events, after some of its times changed: at the end of a
 * re-dating, and when one was cancelled part-way (the rest is re-dated when the import is resumed).
 */
export function refreshImportTimes(db: Database, importId: number): void {
  const range = db
    .prepare('SELECT min(ts_utc) AS first, max(ts_utc) AS last FROM events WHERE import_id = ?')
    .get(importId) as { first: number | null; last: number | null };
  db.prepare('UPDATE imports SET first_ts = ?, last_ts = ? WHERE id = ?').run(range.first, range.last, importId);
  recountImportInRollup(db, importId);
}
