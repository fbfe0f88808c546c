import { importErrorCode } from '../core/model/import-errors';
import type { Database } from 'better-sqlite3';
import type { EventChannel, EventPayload } from '../../preload/contract';
import type { ImportSummary } from '../../preload/contract/imports';
import type { ImportRow } from '../db/repos/imports';
import { createImportJobs, type ImportJobs } from './import-jobs';
import { readSettings } from './settings';
import { createSyslogReceiver, type SyslogReceiver } from './syslog';

export type { ImportJobs, SyslogReceiver };

type Emit = <E extends EventChannel>(event: E, payload: EventPayload<E>) => void;

export function toImportSummary(r: ImportRow): ImportSummary {
  return {
    id: r.id,
    source: r.source,
    fileName: r.file_name,
    filePath: r.file_path,
    family: r.family,
    confidence: r.family_confidence,
    encoding: r.encoding,
    compressed: r.compressed === 1,
    zone: r.zone,
    year: r.assumed_year,
    status: r.status,
    startedAt: r.started_at,
    finishedAt: r.finished_at,
    bytesTotal: r.bytes_total,
    // lines_total is the file's last line covered; a continuation's own lines start after lines_before.
    lines: r.lines_total - r.lines_before,
    parsed: r.lines_parsed,
    ignored: r.lines_ignored,
    unknown: r.lines_unknown,
    firstTs: r.first_ts,
    lastTs: r.last_ts,
    error: r.error,
    errorCode: importErrorCode(r.error_code),
    firstLine: r.lines_before + 1,
    continuesImport: r.continues_import,
  };
}

/**
 * The import side of the app (issue 3): background file/paste imports and the live syslog receiver, their
 * progress pushed to the window as events. Starts the receiver if Settings say it was on.
 */
export function createImportServices(
  db: Database,
  now: () => number,
  parseWorker: string | undefined,
  emit: Emit,
): { imports: ImportJobs; syslog: SyslogReceiver; stop: () => void } {
  const imports = createImportJobs(
    db,
    {
      progress: (jobId, p) => emit('imports.progress', { jobId, ...p }),
      finished: (f) =>
        emit('imports.finished', {
          jobId: f.jobId,
          outcome: f.outcome,
          importId: f.importId,
          message: f.message,
          errorCode: f.errorCode,
          summary: f.row ? toImportSummary(f.row) : null,
        }),
    },
    now,
    parseWorker,
  );
  const syslog = createSyslogReceiver({
    db,
    now,
    zone: () => readSettings(db).importZone,
    onBatch: (b) =>
      emit('syslog.event', {
        importId: b.importId,
        received: b.received,
        parsed: b.parsed,
        unknown: b.unknown,
        latest: b.latest.map((e) => ({
          line: e.line,
          ts: e.ts,
          proto: e.proto,
          src: e.src,
          sport: e.sport,
          dst: e.dst,
          dport: e.dport,
          action: e.action,
          format: e.format,
        })),
      }),
  });
  const settings = readSettings(db);
  if (settings.syslogEnabled) void syslog.start(settings.syslogPort);
  return { imports, syslog, stop: () => syslog.stopNow() };
}
