import type { Database } from 'better-sqlite3';
import type { ConnectionEvent, TcpFlag } from '../../core/model/event';

interface Row {
  line: number;
  ts_utc: number | null;
  ts_text: string | null;
  zone: string | null;
  proto: string | null;
  src: string | null;
  sport: number | null;
  dst: string | null;
  dport: number | null;
  action: string | null;
  flags: string | null;
  direction: string | null;
  message: string | null;
  format: string | null;
  process: string | null;
  pid: number | null;
  state: string | null;
}

/**
 * Stored events as the verdict rules read them. The raw line is left out: the rules never read it and it is most
 * of a row's size (a million-line import would otherwise be held in memory twice).
 */
export function readEventsForAnalysis(db: Database): ConnectionEvent[] {
  const rows = db
    .prepare(
      `SELECT line, ts_utc, ts_text, zone, proto, src, sport, dst, dport, action, flags, direction, message, format,
              process, pid, state
         FROM events`,
    )
    .iterate() as IterableIterator<Row>;
  const out: ConnectionEvent[] = [];
  for (const r of rows) {
    out.push({
      time: null,
      ts: r.ts_text,
      tsUtc: r.ts_utc,
      zone: r.zone,
      proto: r.proto ?? '',
      src: r.src ?? '',
      sport: r.sport,
      dst: r.dst ?? '',
      dport: r.dport,
      action: (r.action ?? 'unknown') as ConnectionEvent['action'],
      flags: r.flags ? (r.flags.split(',') as TcpFlag[]) : [],
      direction: r.direction === 'in' || r.direction === 'out' ? r.direction : null,
      message: r.message,
      format: r.format ?? '',
      process: r.process,
      pid: r.pid,
      state: r.state,
      line: r.line,
      raw: '',
    });
  }
  return out;
}
