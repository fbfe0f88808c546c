import type { Database } from 'better-sqlite3';
import type { ConnectionEvent } from '../../core/model/event';
import { eventFromRow, type EventRow } from './event-rows';

/** The columns the verdict rules read. The raw line is left out: the rules never read it and it is most of a row. */
const RULE_COLUMNS = `line, ts_utc, ts_text, zone, proto, src, sport, dst, dport, action, flags, direction, message, format,
  process, pid, state`;

/** A socket-table row (netstat, ss): the rules place it by its foreign address, whatever its direction says. */
const SOCKET_ROW = "(state IS NOT NULL AND state <> '')";

/**
 * Every stored event as the verdict rules read it, at once: memory in proportion to the log. The app walks hosts
 * instead (readHostChunk); this is the all-at-once reference the walk is tested against.
 */
export function readEventsForAnalysis(db: Database): ConnectionEvent[] {
  const rows = db.prepare(`SELECT ${RULE_COLUMNS} FROM events`).iterate() as IterableIterator<EventRow>;
  const out: ConnectionEvent[] = [];
  for (const r of rows) out.push(eventFromRow(r));
  return out;
}

/** A stored event with the row id (input order) and the stored internet-side address. */
export interface StoredEvent {
  id: number;
  remote: string | null;
  event: ConnectionEvent;
}

type Row = EventRow & { id: number; remote: string | null };
const stored = (r: Row): StoredEvent => ({ id: r.id, remote: r.remote, event: eventFromRow(r) });

export function countEvents(db: Database): number {
  return (db.prepare('SELECT count(*) AS n FROM events').get() as { n: number }).n;
}

/** Rows of a pasted socket table (a state or an owning program), in input order: the rules' local sockets. */
export function readSocketEvents(db: Database): ConnectionEvent[] {
  return (
    db
      .prepare(
        `SELECT ${RULE_COLUMNS} FROM events WHERE ${SOCKET_ROW} OR (process IS NOT NULL AND process <> '') ORDER BY id`,
      )
      .all() as EventRow[]
  ).map(eventFromRow);
}

/** The next `limit` UDP events after row `afterId`, in input order. */
export function readUdpEvents(db: Database, afterId: number, limit: number): StoredEvent[] {
  return (
    db
      .prepare(`SELECT id, remote, ${RULE_COLUMNS} FROM events WHERE proto = 'udp' AND id > ? ORDER BY id LIMIT ?`)
      .all(afterId, limit) as Row[]
  ).map(stored);
}

/**
 * The next whole hosts after `after` in stored-remote order, about `limit` events in all: a host is never split
 * across two steps. A host with more than `limit` events comes back as `big` instead (read it in pages with
 * readHostEvents). Events of one host are in input order; no hosts and no big one means the walk is done. Needs the
 * events(remote, ts_utc) index to be fast.
 */
export function readHostChunk(
  db: Database,
  after: string,
  limit: number,
): { hosts: { remote: string; events: StoredEvent[] }[]; big: string | null } {
  const rows = db
    .prepare(`SELECT id, remote, ${RULE_COLUMNS} FROM events WHERE remote > ? ORDER BY remote LIMIT ?`)
    .all(after, limit) as Row[];
  let whole = rows;
  if (rows.length === limit) {
    const last = (rows[rows.length - 1] as Row).remote as string;
    whole = rows.filter((r) => r.remote !== last);
    if (!whole.length) return { hosts: [], big: last };
  }
  const hosts: { remote: string; events: StoredEvent[] }[] = [];
  for (const r of whole) {
    const current = hosts[hosts.length - 1];
    if (current?.remote === r.remote) current.events.push(stored(r));
    else hosts.push({ remote: r.remote as string, events: [stored(r)] });
  }
  for (const h of hosts) h.events.sort((a, b) => a.id - b.id);
  return { hosts, big: null };
}

/** Where a page of a big host's events ended: the (ts_utc, id) of its last event along the address index. */
export type HostPageCursor = { ts: number | null; id: number } | null;

/**
 * One page of a big host's events after `cursor`, along the events(remote, ts_utc) index (its entries end with the
 * row id): events without a time first, then by time. Paging by id alone made SQLite sort all of the host's events
 * for every page (a million events of one address: 107 s instead of 30). The caller restores input order.
 */
export function readHostEvents(
  db: Database,
  remote: string,
  cursor: HostPageCursor,
  limit: number,
): { events: StoredEvent[]; next: HostPageCursor } {
  const select = `SELECT id, remote, ${RULE_COLUMNS} FROM events WHERE remote = ?`;
  const timed = cursor !== null && cursor.ts !== null;
  // Untimed events after the cursor's, or the rest of the cursor's instant; then later instants. A single
  // (ts_utc, id) > (?, ?) range would scan every event of an instant shared by many (100,000 at one second:
  // 0.7 s instead of 0.08 per page).
  let rows = (
    timed
      ? db.prepare(`${select} AND ts_utc = ? AND id > ? ORDER BY id LIMIT ?`).all(remote, cursor.ts, cursor.id, limit)
      : db.prepare(`${select} AND ts_utc IS NULL AND id > ? ORDER BY id LIMIT ?`).all(remote, cursor?.id ?? 0, limit)
  ) as Row[];
  if (rows.length < limit) {
    rows = rows.concat(
      db
        .prepare(`${select} AND ts_utc ${timed ? '> ?' : 'IS NOT NULL'} ORDER BY ts_utc, id LIMIT ?`)
        .all(...(timed ? [remote, cursor.ts] : [remote]), limit - rows.length) as Row[],
    );
  }
  const last = rows[rows.length - 1];
  return {
    events: rows.map(stored),
    next: rows.length < limit || !last ? null : { ts: last.ts_utc, id: last.id },
  };
}
