import { join } from 'node:path';
import type { Database } from 'better-sqlite3';
import type { AppInfo } from '../preload/contract/app';
import type { EventChannel, EventPayload } from '../preload/contract';
import { LIVE_IMPORT_MS, repairBulkIndexes } from './db/bulk-indexes';
import { openDatabase } from './db/open';
import { createSocketMonitor, type SocketMonitor } from './services/sockets';
import { readSettings } from './services/settings';
import { createImportServices, type ImportJobs, type SyslogReceiver } from './services/import-services';
import { createHostsAutoRefresh, socketsFromConnections, type HostsAutoRefresh } from './services/analysis';
import type { SocketSource } from './adapters/sockets/systeminformation';
import { createIntel, type Intel, type IntelOptions } from './services/intel';
import { ipDatabaseFor } from './services/ip-database';
import { createHeadlessDesktop } from './adapters/desktop/headless';
import type { DesktopBridge } from './adapters/desktop/types';
import { createReportService, type ReportService } from './services/reports';
import { createTimelineService, type TimelineService } from './services/timeline';

/** Everything the ipc handlers need, built once. No 'electron' here: the browser test harness builds it too. */
export interface AppContext {
  db: Database;
  info: AppInfo;
  sockets: SocketMonitor;
  /** Who an address belongs to (issue 4): offline database, plus reverse DNS / RDAP while onlineLookups is on. */
  intel: Intel;
  /** Log imports running in the background (issue 3). */
  imports: ImportJobs;
  /** Rebuilds the host summary soon (and again while an import keeps it put off). */
  hostsAuto: HostsAutoRefresh;
  /** The live syslog receiver (issue 3). */
  syslog: SyslogReceiver;
  reports: ReportService;
  /** The timeline's queries and its live-mode pushes (issue 6). */
  timeline: TimelineService;
  /** Save dialog, mail program, clipboard (Electron's in the app, a headless one in tests). */
  desktop: DesktopBridge;
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
  /** Overrides for the intel service: tests point DNS and RDAP at 127.0.0.1 or pass their own IP database. */
  intel?: Partial<Omit<IntelOptions, 'db'>>;
  /** Default: headless (files saved into <dataDir>/exports, links recorded). */
  desktop?: DesktopBridge;
  /**
   * Check the RDAP registry list this long after start (the app: 20 s, out of the way of first paint) and download
   * IANA's current one when the copy is missing or older than BOOTSTRAP_MAX_AGE_MS (only while online lookups are
   * on). Unset = never (tests, the CLI).
   */
  refreshBootstrapAfterMs?: number;
  /** The built parse worker big file imports hand their parsing to (out/main/import-worker.js); unset = no worker. */
  parseWorker?: string;
}

/** The RDAP registry list changes a few times a year (new allocations, a registry moving its server). */
export const BOOTSTRAP_MAX_AGE_MS = 30 * 24 * 3_600_000;

export function createAppContext(options: AppContextOptions): AppContext {
  const db = openDatabase(options.databasePath, options.nativeBinding ? { nativeBinding: options.nativeBinding } : {});
  const now = options.now ?? Date.now;
  const sockets = createSocketMonitor(db, options.socketSource, () => readSettings(db), now);
  const stops: (() => void)[] = [];
  const intel = createIntel({
    db,
    online: () => readSettings(db).onlineLookups,
    // The user's CSV/MMDB (settings) over the bundled data, reloaded when the setting changes.
    ipdb: { lookup: (ip) => ipDatabaseFor(readSettings(db).ipDatabasePath).loaded?.db.lookup(ip) ?? null },
    bootstrapDir: join(options.info.dataDir, 'rdap'),
    now,
    ...options.intel,
  });
  // Reports take the intel service's attribution: offline data, plus PTR and the RDAP abuse contact when online.
  const reports = createReportService({
    db,
    attribute: (ip) => intel.attribute(ip),
    now,
    generator: `NetWhy ${options.info.version}`,
  });
  const timeline = createTimelineService({ db, now, emit: (event, payload) => options.emit(event, payload) });
  // Verdicts and lanes follow imports: the hosts table is rebuilt shortly after each one finishes (issue 5).
  const hostsAuto = createHostsAutoRefresh({
    db,
    attributor: () => intel,
    sockets: () => socketsFromConnections(sockets.current().connections),
    now,
    onRefreshed: (r) => ctx.emit('hosts.changed', r),
  });
  const importServices = createImportServices(db, now, options.parseWorker, (event, payload) => {
    ctx.emit(event, payload);
    if (event === 'imports.finished') hostsAuto.schedule();
  });
  const ctx: AppContext = {
    db,
    info: { ...options.info, databasePath: options.databasePath },
    sockets,
    intel,
    ...importServices,
    imports: {
      ...importServices.imports,
      // The removed import's events leave the summary (their hosts, counts and verdicts) only by a rebuild.
      remove(importId) {
        const removed = importServices.imports.remove(importId);
        if (removed) hostsAuto.schedule();
        return removed;
      },
    },
    reports,
    timeline,
    hostsAuto,
    desktop: options.desktop ?? createHeadlessDesktop(join(options.info.dataDir, 'exports')),
    now,
    emit(event, payload) {
      options.emit(event, payload);
      // Live mode: new sockets, syslog lines and finished imports wake the timeline (throttled there).
      timeline.observe(event);
    },
    close() {
      for (const stop of stops.splice(0)) stop();
      db.close();
    },
  };
  stops.push(importServices.stop, timeline.stop, hostsAuto.stop);
  // An import killed moments before this start still looked alive when the database was opened, so the index it had
  // dropped was left alone (main/db/bulk-indexes.ts); once it is surely dead, build it, and then the host summary
  // (put off without the index) can be rebuilt.
  const repair = setTimeout(() => {
    if (repairBulkIndexes(db, now()) === 'built') hostsAuto.schedule();
  }, 2 * LIVE_IMPORT_MS);
  repair.unref();
  stops.push(() => clearTimeout(repair));
  if (options.refreshBootstrapAfterMs !== undefined) {
    const timer = setTimeout(() => {
      // Not before the user has read the first-run notice that names this download (and could turn lookups off).
      if (!readSettings(db).onlineNoticeSeen) return;
      void intel.refreshBootstrap({ ifOlderThanMs: BOOTSTRAP_MAX_AGE_MS });
    }, options.refreshBootstrapAfterMs);
    timer.unref();
    stops.push(() => clearTimeout(timer));
  }
  stops.push(
    sockets.start(
      () => readSettings(db).pollIntervalMs,
      (view) => ctx.emit('sockets.changed', view),
    ),
  );
  return ctx;
}
