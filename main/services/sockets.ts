import type { Database } from 'better-sqlite3';
import { socketKey, type SocketObservation } from '../core/model/socket';
import type { SocketSource } from '../adapters/sockets/systeminformation';
import {
  changeConnectionState,
  closeAllOpenConnections,
  closeConnections,
  insertConnection,
  listCurrentConnections,
  listOpenConnectionKeys,
  touchOpenConnections,
  type ConnectionRow,
} from '../db/repos/connections';
import type { Connection, ConnectionsView } from '../../preload/contract/sockets';

export interface SnapshotChanges {
  opened: number;
  closed: number;
  stateChanged: number;
}

/**
 * Records one poll: new sockets open a row, vanished ones are closed, state changes (ESTABLISHED -> CLOSE_WAIT …)
 * are written with their time. One transaction per poll, and one statement for the common case (nothing changed:
 * every open row's last_seen moves forward), keep a 500-socket poll well under a millisecond of SQLite time.
 */
export function recordSocketSnapshot(db: Database, sockets: readonly SocketObservation[], at: number): SnapshotChanges {
  return db.transaction(() => {
    const open = new Map(listOpenConnectionKeys(db).map((r) => [r.key, r]));
    const changes: SnapshotChanges = { opened: 0, closed: 0, stateChanged: 0 };
    const fresh: { key: string; socket: SocketObservation }[] = [];
    const keys = new Set<string>();
    for (const s of sockets) {
      const key = socketKey(s);
      if (keys.has(key)) continue; // the OS can list one socket twice (dual-stack); keep the first
      keys.add(key);
      const row = open.get(key);
      if (!row) fresh.push({ key, socket: s });
      else {
        if (row.state !== s.state) {
          changeConnectionState(db, { id: row.id, state: s.state, at });
          changes.stateChanged++;
        }
        open.delete(key);
      }
    }
    // What is left in `open` was not seen in this poll: closed. Close them before touching the rest.
    const gone = [...open.values()].map((r) => r.id);
    closeConnections(db, { ids: gone, at });
    changes.closed = gone.length;
    touchOpenConnections(db, { at });
    for (const f of fresh) insertConnection(db, { key: f.key, socket: f.socket, at });
    changes.opened = fresh.length;
    return changes;
  })();
}

export interface ViewOptions {
  closeWaitStuckSec: number;
  closedGraceSec: number;
}

export function toConnectionDto(row: ConnectionRow, at: number, options: ViewOptions): Connection {
  const stuck =
    row.closedAt === null && row.state === 'CLOSE_WAIT' && at - row.stateSince >= options.closeWaitStuckSec * 1000;
  return {
    id: row.id,
    protocol: row.protocol,
    family: row.family,
    localAddress: row.localAddress,
    localPort: row.localPort,
    remoteAddress: row.remoteAddress,
    remotePort: row.remotePort,
    pid: row.pid,
    processName: row.processName,
    processPath: row.processPath,
    state: row.state,
    stateSince: row.stateSince,
    firstSeen: row.firstSeen,
    lastSeen: row.lastSeen,
    closedAt: row.closedAt,
    stuck,
  };
}

/** What the Connections screen shows: open sockets plus those closed within the grace period. */
export function currentConnections(
  db: Database,
  at: number,
  options: ViewOptions,
  error: string | null = null,
): ConnectionsView {
  const rows = listCurrentConnections(db, { closedSince: at - options.closedGraceSec * 1000 });
  return { at, error, connections: rows.map((r) => toConnectionDto(r, at, options)) };
}

export interface SocketMonitor {
  /** Polls the OS once, records the snapshot and returns the view. Failures keep the last data and say why. */
  pollOnce(): Promise<ConnectionsView>;
  current(): ConnectionsView;
  /** Starts polling every `intervalMs`; `onView` receives each new view. Returns a stop function. */
  start(intervalMs: () => number, onView: (view: ConnectionsView) => void): () => void;
}

export function createSocketMonitor(
  db: Database,
  source: SocketSource,
  options: () => ViewOptions,
  now: () => number = Date.now,
): SocketMonitor {
  // Sockets listed by an earlier run cannot be assumed alive: close them before the first poll.
  closeAllOpenConnections(db);
  let lastError: string | null = null;
  // Set once polling stops: a poll still in flight must not touch the database, which may be closed by then.
  let stopped = false;

  const monitor: SocketMonitor = {
    async pollOnce() {
      try {
        const sockets = await source.poll();
        if (stopped) return { at: now(), error: null, connections: [] };
        recordSocketSnapshot(db, sockets, now());
        lastError = null;
      } catch (e) {
        lastError = e instanceof Error ? e.message : String(e);
      }
      return monitor.current();
    },
    current() {
      return currentConnections(db, now(), options(), lastError);
    },
    start(intervalMs, onView) {
      let timer: ReturnType<typeof setTimeout> | undefined;
      const tick = async (): Promise<void> => {
        const view = await monitor.pollOnce();
        if (stopped) return;
        onView(view);
        timer = setTimeout(() => void tick(), intervalMs());
      };
      void tick();
      return () => {
        stopped = true;
        if (timer) clearTimeout(timer);
      };
    },
  };
  return monitor;
}
