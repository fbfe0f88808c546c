import type { Database } from 'better-sqlite3';
import { ROLLUP_LEVELS } from '../../core/timeline/buckets';

/**
 * Keeps timeline_rollup in step with `events` and `hosts` (migration 0006 says why the rollup exists).
 * Cheap when nothing changed (a handful of indexed reads), so every timeline query calls it first.
 */

const MINUTE = ROLLUP_LEVELS[0] ?? 60_000;

function state(db: Database, key: string): number {
  const row = db.prepare('SELECT value FROM timeline_state WHERE key = ?').get(key) as { value: number } | undefined;
  return row?.value ?? 0;
}

function setState(db: Database, key: string, value: number): void {
  db.prepare(
    'INSERT INTO timeline_state (key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value',
  ).run(key, value);
}

/** Changes whenever the hosts table is rebuilt (replaceHosts rewrites every row with a new updated_at). */
function hostsStamp(db: Database): number {
  const r = db.prepare('SELECT count(*) AS n, coalesce(max(updated_at), 0) AS at FROM hosts').get() as {
    n: number;
    at: number;
  };
  return r.at * 1_000_003 + r.n;
}

/**
 * Adds the minute-level counts in temp table `delta` to every rollup level. `delta` rows carry a sign in `n`, so
 * the same upsert moves counts out of an old lane (negative) and into a new one.
 */
function applyDelta(db: Database): void {
  for (const level of ROLLUP_LEVELS) {
    db.prepare(
      `INSERT INTO timeline_rollup (level, bucket, import_id, lane, verdict, proto, action, process, n)
       SELECT ${level}, bucket / ${level} * ${level}, import_id, lane, verdict, proto, action, process, sum(n)
       FROM temp.timeline_delta WHERE true
       GROUP BY 2, import_id, lane, verdict, proto, action, process
       ON CONFLICT DO UPDATE SET n = n + excluded.n`,
    ).run();
  }
  db.prepare('DELETE FROM timeline_rollup WHERE n = 0').run();
  db.prepare('DELETE FROM temp.timeline_delta').run();
}

function ensureDeltaTable(db: Database): void {
  db.exec(`CREATE TEMP TABLE IF NOT EXISTS timeline_delta (
    bucket INTEGER, import_id INTEGER, lane TEXT, verdict TEXT, proto TEXT, action TEXT, process TEXT, n INTEGER)`);
}

/** Minute counts of the events selected by `where` (over alias e), under the lanes of the snapshot. */
function rollEvents(db: Database, where: string, params: unknown[]): void {
  db.prepare(
    `INSERT INTO temp.timeline_delta
     SELECT e.ts_utc / ${MINUTE} * ${MINUTE}, e.import_id, coalesce(s.lane, 'unknown'), coalesce(s.verdict, 'unknown'),
            coalesce(e.proto, ''), coalesce(e.action, ''), coalesce(e.process, ''), count(*)
     FROM events e LEFT JOIN timeline_host_lanes s ON s.ip = e.remote
     WHERE e.ts_utc IS NOT NULL AND ${where}
     GROUP BY 1, 2, 3, 4, 5, 6, 7`,
  ).run(...params);
}

export interface SyncReport {
  rebuilt: boolean;
  newEvents: number;
  movedHosts: number;
}

/** Brings the rollup up to date; returns what it did (tests and the benchmark read it). */
export function syncTimelineRollup(db: Database): SyncReport {
  ensureDeltaTable(db);
  return db.transaction((): SyncReport => {
    const report: SyncReport = { rebuilt: false, newEvents: 0, movedHosts: 0 };
    const maxId = (db.prepare('SELECT coalesce(max(id), 0) AS m FROM events').get() as { m: number }).m;
    const removed = db
      .prepare('SELECT import_id FROM timeline_sources WHERE import_id NOT IN (SELECT id FROM imports)')
      .all() as { import_id: number }[];
    const stamp = hostsStamp(db);
    const hostsChanged = stamp !== state(db, 'hosts_stamp');

    if (hostsChanged) {
      report.movedHosts = moveChangedHosts(db);
      setState(db, 'hosts_stamp', stamp);
    }
    let watermark = state(db, 'max_event_id');
    // A removed import may have held the highest ids, which SQLite then hands out again: start over rather than
    // trust the watermark.
    if (removed.length > 0 || maxId < watermark) {
      db.prepare('DELETE FROM timeline_rollup').run();
      db.prepare('DELETE FROM timeline_sources').run();
      watermark = 0;
      report.rebuilt = true;
    }
    if (maxId > watermark) {
      rollEvents(db, 'e.id > ?', [watermark]);
      report.newEvents = maxId - watermark;
      applyDelta(db);
      db.prepare(
        'INSERT OR IGNORE INTO timeline_sources (import_id) SELECT DISTINCT import_id FROM events WHERE id > ?',
      ).run(watermark);
      setState(db, 'max_event_id', maxId);
    }
    return report;
  })();
}

/**
 * An import's events changed times after the rollup may have counted them (an import re-dated: a year-less log
 * that would have ended in the future): its counts are taken out and those of its events up to the watermark
 * counted again at their new times; later events are counted by the next sync as usual. Call it inside the
 * transaction that makes the new times final.
 */
export function recountImportInRollup(db: Database, importId: number): void {
  const watermark = state(db, 'max_event_id');
  ensureDeltaTable(db);
  db.prepare('DELETE FROM timeline_rollup WHERE import_id = ?').run(importId);
  if (watermark > 0) {
    rollEvents(db, 'e.import_id = ? AND e.id <= ?', [importId, watermark]);
    applyDelta(db);
  }
}

/**
 * Moves the counts of addresses whose lane or verdict changed in `hosts` since the snapshot, then takes the new
 * snapshot. When most addresses changed (the first analysis after an import) a rebuild from scratch is cheaper.
 */
function moveChangedHosts(db: Database): number {
  db.exec(`DROP TABLE IF EXISTS temp.timeline_changed;
    CREATE TEMP TABLE timeline_changed AS
      SELECT h.ip, coalesce(s.lane, 'unknown') AS old_lane, coalesce(s.verdict, 'unknown') AS old_verdict,
             h.lane AS new_lane, h.verdict AS new_verdict
      FROM hosts h LEFT JOIN timeline_host_lanes s ON s.ip = h.ip
      WHERE coalesce(s.lane, 'unknown') <> h.lane OR coalesce(s.verdict, 'unknown') <> h.verdict
      UNION ALL
      SELECT s.ip, s.lane, s.verdict, 'unknown', 'unknown' FROM timeline_host_lanes s
      WHERE NOT EXISTS (SELECT 1 FROM hosts h WHERE h.ip = s.ip) AND (s.lane <> 'unknown' OR s.verdict <> 'unknown');`);
  const changed = (db.prepare('SELECT count(*) AS n FROM temp.timeline_changed').get() as { n: number }).n;
  const watermark = state(db, 'max_event_id');
  const hosts = (db.prepare('SELECT count(*) AS n FROM hosts').get() as { n: number }).n;
  const replaceSnapshot = (): void => {
    db.prepare('DELETE FROM timeline_host_lanes').run();
    db.prepare('INSERT INTO timeline_host_lanes (ip, lane, verdict) SELECT ip, lane, verdict FROM hosts').run();
  };
  if (changed === 0) return 0;
  if (changed > 200 && changed * 2 > hosts) {
    replaceSnapshot();
    db.prepare('DELETE FROM timeline_rollup').run();
    if (watermark > 0) {
      rollEvents(db, 'e.id <= ?', [watermark]);
      applyDelta(db);
    }
    return changed;
  }
  // Out of the old lane (negative counts), into the new one, for the events already rolled up.
  for (const [lane, verdict, sign] of [
    ['old_lane', 'old_verdict', -1],
    ['new_lane', 'new_verdict', 1],
  ] as const) {
    db.prepare(
      `INSERT INTO temp.timeline_delta
       SELECT e.ts_utc / ${MINUTE} * ${MINUTE}, e.import_id, c.${lane}, c.${verdict}, coalesce(e.proto, ''),
              coalesce(e.action, ''), coalesce(e.process, ''), ${sign} * count(*)
       FROM temp.timeline_changed c JOIN events e ON e.remote = c.ip
       WHERE e.ts_utc IS NOT NULL AND e.id <= ?
       GROUP BY 1, 2, 3, 4, 5, 6, 7`,
    ).run(watermark);
  }
  applyDelta(db);
  replaceSnapshot();
  return changed;
}
