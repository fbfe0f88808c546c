import { createPipeline, REASON, type PipelineSink } from '../core/import/pipeline';
import { createTimeResolver } from '../core/import/time';
import type { ConnectionEvent } from '../core/model/event';
import { storedRemote } from '../core/verdicts/packets';
import { EVENT_VALUES_WIDTH } from '../db/repos/imports';
import type { PreparedLog } from './read-log';

/** Lines ready to be committed in one transaction (everything up to `upTo`, nothing after). */
export interface CommitBatch {
  /** Event rows flattened in the events table's column order (EVENT_VALUES_WIDTH values each). */
  flat: unknown[];
  rows: number;
  unknowns: { line: number; reason: string; raw: string }[];
  ignored: number;
  /** Every line up to this one is in this batch or an earlier one. */
  upTo: number;
  /** Raw bytes read so far (progress). */
  bytes: number;
  final: boolean;
  /** How the years of year-less dates stand after this batch's lines (see BatchDating). */
  dating: BatchDating;
}

/**
 * The year inference of an import so far. When the last year-less date so far lies in the future (the log would
 * end there), the events of lines before `redateBelow` (every line so far) were given years too late: at its end
 * the import reads them again from `seed` (main/services/import-redate.ts). 0 while the last date is not ahead.
 */
export interface BatchDating {
  seed: number | null;
  redateBelow: number;
}

export function pushEventRow(flat: unknown[], importId: number, e: ConnectionEvent): void {
  flat.push(
    importId,
    e.line,
    e.tsUtc,
    e.ts,
    e.zone,
    e.proto,
    e.src,
    e.sport,
    e.dst,
    e.dport,
    e.action,
    e.flags.join(','),
    e.direction,
    e.iface ?? null,
    e.rule ?? null,
    e.length ?? null,
    e.message ?? null,
    e.format,
    e.process ?? null,
    e.pid ?? null,
    e.state ?? null,
    storedRemote(e),
    e.raw,
  );
}

/**
 * Reads a prepared log and yields commit-ready batches of about `batchLines` lines. Lines up to `committedLine`
 * (stored by an interrupted run) are read again, to rebuild parser and year state, but not yielded. An event held
 * back (netstat -b waits for its owner line) keeps later lines out of a batch until it is emitted, so a batch never
 * claims a line it does not hold.
 */
export async function* produceBatches(
  log: PreparedLog,
  importId: number,
  committedLine: number,
  batchLines: number,
): AsyncGenerator<CommitBatch> {
  let flat: unknown[] = [];
  let eventLines: number[] = [];
  let unknowns: CommitBatch['unknowns'] = [];
  let ignored: number[] = [];
  const sink: PipelineSink = {
    event(e) {
      if (e.line <= committedLine) return;
      eventLines.push(e.line);
      pushEventRow(flat, importId, e);
    },
    unknown(line, raw, reason) {
      if (line > committedLine) unknowns.push({ line, reason, raw });
    },
    ignored(line) {
      if (line > committedLine) ignored.push(line);
    },
  };
  const take = (upTo: number, final: boolean): CommitBatch => {
    let rows = eventLines.length;
    let keepFlat: unknown[] = [];
    let keepLines: number[] = [];
    if (rows && (eventLines[rows - 1] as number) > upTo) {
      const cut = eventLines.findIndex((l) => l > upTo);
      keepFlat = flat.slice(cut * EVENT_VALUES_WIDTH);
      keepLines = eventLines.slice(cut);
      flat.length = cut * EVENT_VALUES_WIDTH;
      rows = cut;
    }
    const laterUnknown = unknowns.filter((u) => u.line > upTo);
    const laterIgnored = ignored.filter((l) => l > upTo);
    const batch: CommitBatch = {
      flat,
      rows,
      unknowns: unknowns.filter((u) => u.line <= upTo),
      ignored: ignored.length - laterIgnored.length,
      upTo,
      bytes: log.stream.bytesRead(),
      final,
      dating: { seed: time.dating().seed, redateBelow },
    };
    flat = keepFlat;
    eventLines = keepLines;
    unknowns = laterUnknown;
    ignored = laterIgnored;
    return batch;
  };

  // An import dates a year-less log in the past (a "Dec 26" line imported in November is last December's);
  // `netwhy parse` keeps its contract's current year. A resume or continuation passes the first run's "now", so it
  // picks the same year.
  const time = createTimeResolver({ ...log.time, pastYear: true });
  const pipeline = createPipeline({ family: log.family, fallback: log.fallback, time }, sink);
  // Whether the log so far would end in the future is asked once per line batch, not per line; only the final
  // batch's answer counts (a boot-time "Jan 1" part-way is undone by the next line).
  let redateBelow = 0;
  const redateAfter = (end: number): number => (time.dating().moves > 0 ? end + 1 : 0);
  let last = committedLine;
  let fileLast = 0;
  let handled = 0;
  for await (const { lines, firstLine, cut } of log.batches()) {
    let c = 0;
    for (let i = 0; i < lines.length; i++) {
      if (cut !== null && cut[c] === i) {
        c++;
        sink.unknown(firstLine + i, lines[i] as string, REASON.tooLong);
        continue;
      }
      pipeline.push(lines[i] as string, firstLine + i);
    }
    const end = firstLine + lines.length - 1;
    fileLast = end;
    redateBelow = redateAfter(end);
    const held = pipeline.heldFrom();
    const done = held === null ? end : held - 1;
    handled += Math.max(0, done - last);
    last = Math.max(last, done);
    if (handled >= batchLines) {
      handled = 0;
      yield take(last, false);
    }
  }
  pipeline.end();
  redateBelow = redateAfter(Math.max(last, fileLast));
  yield take(Math.max(last, fileLast), true);
}
