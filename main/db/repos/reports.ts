import type { Database } from 'better-sqlite3';
import type { ConnectionEvent } from '../../core/model/event';
import { eventFromRow, type EventRow } from './event-rows';

export interface ReportRow {
  id: number;
  uuid: string;
  createdAt: number;
  updatedAt: number;
  host: string;
  recipient: string | null;
  verdict: string | null;
  eventCount: number;
  firstTs: number | null;
  lastTs: number | null;
  /** JSON texts; the service parses them with zod. */
  eventIds: string;
  options: string;
  snapshot: string;
}

const COLUMNS = `id, uuid, created_at AS createdAt, updated_at AS updatedAt, host, recipient, verdict,
  event_count AS eventCount, first_ts AS firstTs, last_ts AS lastTs, event_ids AS eventIds, options, snapshot`;

export type NewReport = Omit<ReportRow, 'id' | 'updatedAt'>;

export function insertReport(db: Database, r: NewReport): number {
  const info = db
    .prepare(
      `INSERT INTO reports (uuid, created_at, updated_at, host, recipient, verdict, event_count, first_ts, last_ts,
         event_ids, options, snapshot)
       VALUES (@uuid, @createdAt, @createdAt, @host, @recipient, @verdict, @eventCount, @firstTs, @lastTs,
         @eventIds, @options, @snapshot)`,
    )
    .run(r);
  return Number(info.lastInsertRowid);
}

export function updateReportOptions(
  db: Database,
  args: { id: number; options: string; recipient: string | null; at: number },
): void {
  db.prepare('UPDATE reports SET options = ?, recipient = ?, updated_at = ? WHERE id = ?').run(
    args.options,
    args.recipient,
    args.at,
    args.id,
  );
}

export function getReport(db: Database, id: number): ReportRow | undefined {
  return db.prepare(`SELECT ${COLUMNS} FROM reports WHERE id = ?`).get(id) as ReportRow | undefined;
}

/** Newest first, for the Reports screen. */
export function listReports(db: Database, args: { limit: number }): Omit<ReportRow, 'snapshot' | 'eventIds'>[] {
  return db
    .prepare(
      `SELECT id, uuid, created_at AS createdAt, updated_at AS updatedAt, host, recipient, verdict,
         event_count AS eventCount, first_ts AS firstTs, last_ts AS lastTs, options
       FROM reports ORDER BY created_at DESC, id DESC LIMIT ?`,
    )
    .all(args.limit) as Omit<ReportRow, 'snapshot' | 'eventIds'>[];
}

export function deleteReport(db: Database, id: number): void {
  db.prepare('DELETE FROM reports WHERE id = ?').run(id);
}

/** An events-table row with the columns a report needs besides the event itself. */
interface ReportEventRow extends EventRow {
  id: number;
  remote: string | null;
  raw: string;
}

export type StoredEvent = ConnectionEvent & { id: number; remote: string | null };

function toEvent(r: ReportEventRow): StoredEvent {
  return { ...eventFromRow(r), id: r.id, remote: r.remote };
}

const EVENT_COLUMNS = `id, line, ts_utc, ts_text, zone, proto, src, sport, dst, dport, action, flags, direction, iface,
  rule, length, message, format, process, pid, state, remote, raw`;

export function eventsByIds(db: Database, ids: readonly number[]): StoredEvent[] {
  if (!ids.length) return [];
  const rows = db
    .prepare(`SELECT ${EVENT_COLUMNS} FROM events WHERE id IN (SELECT value FROM json_each(?)) ORDER BY ts_utc, id`)
    .all(JSON.stringify(ids)) as ReportEventRow[];
  return rows.map(toEvent);
}

/** Events in [from, to) grouped by their internet address, busiest first (a timeline selection). */
export function busiestRemote(db: Database, args: { from: number; to: number }): string | null {
  const row = db
    .prepare(
      `SELECT remote FROM events WHERE ts_utc >= ? AND ts_utc < ? AND remote IS NOT NULL
       GROUP BY remote ORDER BY COUNT(*) DESC LIMIT 1`,
    )
    .get(args.from, args.to) as { remote: string } | undefined;
  return row?.remote ?? null;
}
