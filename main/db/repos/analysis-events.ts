import type { Database } from 'better-sqlite3';
import type { ConnectionEvent } from '../../core/model/event';
import { eventFromRow, type EventRow } from './event-rows';

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
    .iterate() as IterableIterator<EventRow>;
  const out: ConnectionEvent[] = [];
  for (const r of rows) out.push(eventFromRow(r));
  return out;
}
