import type { Database } from 'better-sqlite3';
import { createPipeline, type Pipeline } from '../core/import/pipeline';
import { createTimeResolver } from '../core/import/time';
import type { ConnectionEvent, TimeParts } from '../core/model/event';
import { FAMILIES } from '../core/parsers/registry';
import { offsetAt, systemZone, wallTimeAt } from '../core/time/zone';
import { listenUdp, type UdpListener } from '../adapters/syslog/udp';
import {
  createImport,
  eventWriter,
  getImport,
  saveProgress,
  setImportStatus,
  type Progress,
} from '../db/repos/imports';
import { pushEventRow } from './import-batches';

export interface SyslogStatus {
  running: boolean;
  port: number | null;
  importId: number | null;
  received: number;
  parsed: number;
  unknown: number;
  /** Why the receiver could not start: 'port-needs-admin' (514 without rights), 'port-in-use', or a message. */
  error: string | null;
}

export interface SyslogBatch {
  importId: number;
  received: number;
  parsed: number;
  unknown: number;
  latest: ConnectionEvent[];
}

export interface SyslogReceiver {
  start(port: number, host?: string): Promise<SyslogStatus>;
  stop(): Promise<SyslogStatus>;
  /** Stores what arrived and closes the session synchronously (app shutdown, before the database closes). */
  stopNow(): void;
  status(): SyslogStatus;
}

export interface SyslogOptions {
  db: Database;
  now: () => number;
  /** Zone of senders' year-less, zone-less timestamps ('' = this PC's). */
  zone: () => string;
  /** Called after each stored batch (at most every flushMs). */
  onBatch: (batch: SyslogBatch) => void;
  flushMs?: number;
}

/**
 * A live syslog receiver: RFC 3164 and RFC 5424 messages over UDP (RFC 5426), each line read by the family that
 * sniffs best, stored as they arrive in one standing import row per session (source 'syslog').
 */
export function createSyslogReceiver(options: SyslogOptions): SyslogReceiver {
  const { db, now } = options;
  let listener: UdpListener | null = null;
  let importId: number | null = null;
  let pipeline: Pipeline | null = null;
  let timer: NodeJS.Timeout | null = null;
  let received = 0;
  let error: string | null = null;
  let pending: ConnectionEvent[] = [];
  let unknowns: { line: number; reason: string; raw: string }[] = [];
  let ignored = 0;
  const progress: Progress = {
    bytes_done: 0,
    lines_total: 0,
    lines_parsed: 0,
    lines_ignored: 0,
    lines_unknown: 0,
    first_ts: null,
    last_ts: null,
    updated_at: 0,
  };

  const status = (): SyslogStatus => ({
    running: listener !== null,
    port: listener?.port ?? null,
    importId,
    received,
    parsed: progress.lines_parsed + pending.length,
    unknown: progress.lines_unknown + unknowns.length,
    error,
  });

  const flush = (): void => {
    if (importId === null || (pending.length === 0 && unknowns.length === 0 && ignored === 0)) return;
    const id = importId;
    const events = pending;
    const writer = eventWriter(db);
    db.transaction(() => {
      const flat: unknown[] = [];
      for (const e of events) {
        pushEventRow(flat, id, e);
        if (e.tsUtc !== null) {
          if (progress.first_ts === null || e.tsUtc < progress.first_ts) progress.first_ts = e.tsUtc;
          if (progress.last_ts === null || e.tsUtc > progress.last_ts) progress.last_ts = e.tsUtc;
        }
      }
      writer.insertEvents(flat, events.length);
      for (const u of unknowns) writer.insertUnknown(id, u.line, u.reason, u.raw);
      progress.lines_parsed += events.length;
      progress.lines_unknown += unknowns.length;
      progress.lines_ignored += ignored;
      progress.updated_at = now();
      saveProgress(db, id, progress);
    })();
    pending = [];
    unknowns = [];
    ignored = 0;
    options.onBatch({
      importId: id,
      received,
      parsed: progress.lines_parsed,
      unknown: progress.lines_unknown,
      latest: events.slice(-20),
    });
  };

  return {
    async start(port, host = '0.0.0.0') {
      if (listener) return status();
      error = null;
      const zone = options.zone() || systemZone();
      const time = createTimeResolver({ zone, defaultZone: zone, now: now() });
      // A message without any timestamp is dated by its arrival (RFC 3164 §4.3.2: a relay adds one).
      const arrivalTime = (): TimeParts => {
        const at = now();
        const w = wallTimeAt(at, zone);
        return { ...w, millisecond: at % 1000, offsetMinutes: offsetAt(at, zone) };
      };
      pipeline = createPipeline(
        { family: null, fallback: FAMILIES, time, arrivalTime },
        {
          event: (e) => void pending.push(e),
          unknown: (line, raw, reason) => void unknowns.push({ line, raw, reason }),
          ignored: () => void ignored++,
        },
      );
      let line = 0;
      Object.assign(progress, { bytes_done: 0, lines_total: 0, lines_parsed: 0, lines_unknown: 0, lines_ignored: 0 });
      Object.assign(progress, { first_ts: null, last_ts: null });
      received = 0;
      try {
        listener = await listenUdp(port, host, (data) => {
          received++;
          progress.bytes_done += data.length;
          // One message per datagram (RFC 5426 §3.1); some senders still pack several lines into one.
          for (const text of data.toString('utf8').split('\n')) {
            const clean = text.replace(/[\r\0]+$/, '');
            if (clean.trim() === '') continue;
            line++;
            progress.lines_total = line;
            pipeline?.push(clean, line);
          }
          pipeline?.end();
        });
      } catch (e) {
        const code = (e as NodeJS.ErrnoException).code;
        // Codes the screen translates; anything else is the system's own message.
        error = code === 'EACCES' ? 'port-needs-admin' : code === 'EADDRINUSE' ? 'port-in-use' : (e as Error).message;
        pipeline = null;
        return status();
      }
      const started = now();
      importId = createImport(db, {
        source: 'syslog',
        started_at: started,
        file_name: `syslog udp/${listener.port}`,
        zone,
        family: null,
        encoding: 'utf-8',
      });
      timer = setInterval(flush, options.flushMs ?? 250);
      return status();
    },
    async stop() {
      const l = listener;
      stopNow();
      if (l) await l.close();
      return status();
    },
    stopNow,
    status,
  };

  function stopNow(): void {
    if (!listener) return;
    void listener.close().catch(() => undefined);
    listener = null;
    if (timer) clearInterval(timer);
    timer = null;
    pipeline?.end();
    flush();
    if (importId !== null && getImport(db, importId)) setImportStatus(db, importId, 'done', now());
    pipeline = null;
  }
}
