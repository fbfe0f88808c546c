import type { Database } from 'better-sqlite3';
import type { SocketObservation } from '../../core/model/socket';

export interface ConnectionRow {
  id: number;
  key: string;
  protocol: 'tcp' | 'udp';
  family: 4 | 6;
  localAddress: string;
  localPort: number;
  remoteAddress: string;
  remotePort: number | null;
  pid: number | null;
  processName: string | null;
  processPath: string | null;
  state: string;
  stateSince: number;
  firstSeen: number;
  lastSeen: number;
  closedAt: number | null;
}

const COLUMNS = `id, key, protocol, family, local_address AS localAddress, local_port AS localPort,
  remote_address AS remoteAddress, remote_port AS remotePort, pid, process_name AS processName,
  process_path AS processPath, state, state_since AS stateSince, first_seen AS firstSeen,
  last_seen AS lastSeen, closed_at AS closedAt`;

/** Identity and state of the open connections: all a poll needs to compare against. */
export function listOpenConnectionKeys(db: Database): { id: number; key: string; state: string }[] {
  return db.prepare('SELECT id, key, state FROM connections WHERE closed_at IS NULL').all() as {
    id: number;
    key: string;
    state: string;
  }[];
}

export function listOpenConnections(db: Database): ConnectionRow[] {
  return db.prepare(`SELECT ${COLUMNS} FROM connections WHERE closed_at IS NULL`).all() as ConnectionRow[];
}

/** Open connections plus those closed at or after `closedSince` (shown greyed, TCPView-style). */
export function listCurrentConnections(db: Database, args: { closedSince: number }): ConnectionRow[] {
  return db
    .prepare(
      `SELECT ${COLUMNS} FROM connections WHERE closed_at IS NULL
       UNION ALL SELECT ${COLUMNS} FROM connections WHERE closed_at >= ?`,
    )
    .all(args.closedSince) as ConnectionRow[];
}

/** Closed connections seen in [from, to), newest first. */
export function listConnectionHistory(
  db: Database,
  args: { from: number; to: number; limit: number },
): ConnectionRow[] {
  return db
    .prepare(
      `SELECT ${COLUMNS} FROM connections
       WHERE last_seen >= ? AND first_seen < ? AND closed_at IS NOT NULL
       ORDER BY last_seen DESC LIMIT ?`,
    )
    .all(args.from, args.to, args.limit) as ConnectionRow[];
}

export function insertConnection(db: Database, args: { key: string; socket: SocketObservation; at: number }): number {
  const s = args.socket;
  const info = db
    .prepare(
      `INSERT INTO connections (key, protocol, family, local_address, local_port, remote_address, remote_port,
         pid, process_name, process_path, state, state_since, first_seen, last_seen)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    )
    .run(
      args.key,
      s.protocol,
      s.family,
      s.localAddress,
      s.localPort,
      s.remoteAddress,
      s.remotePort,
      s.pid,
      s.processName,
      s.processPath,
      s.state,
      args.at,
      args.at,
      args.at,
    );
  const id = Number(info.lastInsertRowid);
  insertStateChange(db, { connectionId: id, state: s.state, at: args.at });
  return id;
}

/** Moves last_seen forward for every open connection (the poll saw them all). */
export function touchOpenConnections(db: Database, args: { at: number }): void {
  db.prepare('UPDATE connections SET last_seen = ? WHERE closed_at IS NULL').run(args.at);
}

export function changeConnectionState(db: Database, args: { id: number; state: string; at: number }): void {
  db.prepare('UPDATE connections SET state = ?, state_since = ?, last_seen = ? WHERE id = ?').run(
    args.state,
    args.at,
    args.at,
    args.id,
  );
  insertStateChange(db, { connectionId: args.id, state: args.state, at: args.at });
}

export function closeConnections(db: Database, args: { ids: readonly number[]; at: number }): void {
  const stmt = db.prepare('UPDATE connections SET closed_at = ? WHERE id = ?');
  for (const id of args.ids) stmt.run(args.at, id);
}

/**
 * Marks every still-open row closed at the last time it was seen: used at start-up, since sockets from a previous
 * run cannot be assumed alive, and when they really closed is unknown beyond that.
 */
export function closeAllOpenConnections(db: Database): number {
  return db.prepare('UPDATE connections SET closed_at = last_seen WHERE closed_at IS NULL').run().changes;
}

function insertStateChange(db: Database, args: { connectionId: number; state: string; at: number }): void {
  db.prepare('INSERT INTO connection_states (connection_id, state, at) VALUES (?, ?, ?)').run(
    args.connectionId,
    args.state,
    args.at,
  );
}

export interface StateChangeRow {
  state: string;
  at: number;
}

export function listStateChanges(db: Database, args: { connectionId: number }): StateChangeRow[] {
  return db
    .prepare('SELECT state, at FROM connection_states WHERE connection_id = ? ORDER BY at, rowid')
    .all(args.connectionId) as StateChangeRow[];
}
