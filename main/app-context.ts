import type { Database } from 'better-sqlite3';
import type { AppInfo } from '../preload/contract/app';
import type { EventChannel, EventPayload } from '../preload/contract';
import { openDatabase } from './db/open';
import { createSocketMonitor, type SocketMonitor } from './services/sockets';
import { readSettings } from './services/settings';
import type { SocketSource } from './adapters/sockets/systeminformation';

/** Everything the ipc handlers need, built once. No 'electron' here: the browser test harness builds it too. */
export interface AppContext {
  db: Database;
  info: AppInfo;
  sockets: SocketMonitor;
  now: () => number;
  emit<E extends EventChannel>(event: E, payload: EventPayload<E>): void;
  /** Stops background work (polling, receivers) and closes the database. */
  close(): void;
}

export interface AppContextOptions {
  databasePath: string;
  nativeBinding?: string;
  info: Omit<AppInfo, 'databasePath'>;
  socketSource: SocketSource;
  emit: AppContext['emit'];
  now?: () => number;
}

export function createAppContext(options: AppContextOptions): AppContext {
  const db = openDatabase(options.databasePath, options.nativeBinding ? { nativeBinding: options.nativeBinding } : {});
  const now = options.now ?? Date.now;
  const sockets = createSocketMonitor(db, options.socketSource, () => readSettings(db), now);
  const stops: (() => void)[] = [];
  const ctx: AppContext = {
    db,
    info: { ...options.info, databasePath: options.databasePath },
    sockets,
    now,
    emit: options.emit,
    close() {
      for (const stop of stops.splice(0)) stop();
      db.close();
    },
  };
  stops.push(
    sockets.start(
      () => readSettings(db).pollIntervalMs,
      (view) => ctx.emit('sockets.changed', view),
    ),
  );
  return ctx;
}
