import type { Database } from 'better-sqlite3';
import { VERDICT_IDS } from '../../core/model/verdict';
import { bucketStart, rollupLevelFor } from '../../core/timeline/buckets';
import { LANES } from '../../core/verdicts/lane';
import type {
  BucketsResult,
  LaneMode,
  SourceId,
  TimelineEvent,
  TimelineFilters,
  TimelineRange,
  TimelineTick,
} from '../../../preload/contract/timeline';
import {
  and,
  eventsWhere,
  LANE_SQL,
  liveWhere,
  needsRawEvents,
  rollupWhere,
  wantsImports,
  wantsLive,
} from './timeline-filters';

/** Process lanes beyond this many are summed into one "other programs" lane. */
export const MAX_PROCESS_LANES = 12;
export const OTHER_LANE = '*other';

export interface BucketArgs {
  from: number;
  to: number;
  width: number;
  offsetMs: number;
  laneMode: LaneMode;
  filters: TimelineFilters;
  eventsCap: number;
}

interface Count {
  t: number;
  lane: string;
  n: number;
}

/**
 * Live socket observations as rows (t, lane key …): every state a connection was seen in (its first state at
 * first_seen included) and its closing. `select` uses aliases c (connections), h (hosts), t, state, key.
 */
function liveSql(select: string, filters: TimelineFilters, tail = ''): { sql: string; params: unknown[] } {
  const w = liveWhere(filters);
  const sql =
    `SELECT ${select} FROM (
       SELECT cs.at AS t, cs.state AS state, 'l' || cs.rowid AS key, cs.connection_id AS cid
       FROM connection_states cs WHERE cs.at >= @from AND cs.at < @to
       UNION ALL
       SELECT c2.closed_at, 'CLOSED', 'c' || c2.id, c2.id FROM connections c2
       WHERE c2.closed_at IS NOT NULL AND c2.closed_at >= @from AND c2.closed_at < @to
     ) o JOIN connections c ON c.id = o.cid LEFT JOIN hosts h ON h.ip = c.remote_address` +
    (w.sql ? ` WHERE ${w.sql}` : '') +
    tail;
  return { sql, params: w.params };
}

function fixedLanes(mode: LaneMode): string[] | null {
  if (mode === 'owner') return [...LANES];
  if (mode === 'verdict') return [...VERDICT_IDS];
  return null;
}

/** Counts per bucket and lane over [from, to) widened to whole buckets: rollup when it can, events otherwise. */
export function queryBuckets(db: Database, a: BucketArgs): Omit<BucketsResult, 'queryMs'> {
  const w = a.width;
  const from = bucketStart(a.from, w, a.offsetMs);
  const to = bucketStart(a.to - 1, w, a.offsetMs) + w;
  // Inlined as integer literals: bound JS numbers are REALs to SQLite, and REAL division would not floor.
  const wi = Math.trunc(w);
  const off = Math.trunc(a.offsetMs);
  const tExpr = (col: string): string => `((${col} + ${off}) / ${wi}) * ${wi} - ${off}`;
  const named = { from, to };
  const counts: Count[] = [];
  const level = needsRawEvents(a.filters) ? null : rollupLevelFor(w, a.offsetMs);

  if (wantsImports(a.filters)) {
    if (level !== null) {
      const f = rollupWhere(a.filters);
      const sql = `SELECT ${tExpr('bucket')} AS t, ${LANE_SQL.rollup[a.laneMode]} AS lane, sum(n) AS n
        FROM timeline_rollup WHERE level = @level AND bucket >= @from AND bucket < @to${and(f)}
        GROUP BY 1, 2`;
      counts.push(...(db.prepare(sql).all({ ...named, level }, ...f.params) as Count[]));
    } else {
      const f = eventsWhere(a.filters);
      const sql = `SELECT ${tExpr('e.ts_utc')} AS t, ${LANE_SQL.events[a.laneMode]} AS lane, count(*) AS n
        FROM events e LEFT JOIN hosts h ON h.ip = e.remote
        WHERE e.ts_utc >= @from AND e.ts_utc < @to${and(f)} GROUP BY 1, 2`;
      counts.push(...(db.prepare(sql).all(named, ...f.params) as Count[]));
    }
  }
  if (wantsLive(a.filters)) {
    const q = liveSql(
      `${tExpr('o.t')} AS t, ${LANE_SQL.live[a.laneMode]} AS lane, count(*) AS n`,
      a.filters,
      ' GROUP BY 1, 2',
    );
    counts.push(...(db.prepare(q.sql).all(named, ...q.params) as Count[]));
  }
  return assemble(db, a, from, to, level, counts);
}

function assemble(
  db: Database,
  a: BucketArgs,
  from: number,
  to: number,
  level: number | null,
  counts: Count[],
): Omit<BucketsResult, 'queryMs'> {
  const totals = new Map<string, number>();
  for (const c of counts) totals.set(c.lane, (totals.get(c.lane) ?? 0) + c.n);
  let keys = fixedLanes(a.laneMode);
  if (!keys) {
    const byCount = [...totals.entries()].sort((x, y) => y[1] - x[1] || x[0].localeCompare(y[0])).map(([k]) => k);
    keys = byCount.length > MAX_PROCESS_LANES ? [...byCount.slice(0, MAX_PROCESS_LANES - 1), OTHER_LANE] : byCount;
  }
  const index = new Map(keys.map((k, i) => [k, i]));
  const other = index.get(OTHER_LANE);
  const laneOf = (key: string): number => index.get(key) ?? other ?? index.get('unknown') ?? 0;

  // Merge rows that land on the same (bucket, lane): imports + live, or process lanes folded into "other".
  const merged = new Map<number, number>();
  const laneTotals = new Array<number>(keys.length).fill(0);
  let total = 0;
  for (const c of counts) {
    const li = laneOf(c.lane);
    const k = c.t * 64 + li;
    merged.set(k, (merged.get(k) ?? 0) + c.n);
    laneTotals[li] = (laneTotals[li] ?? 0) + c.n;
    total += c.n;
  }
  const sorted = [...merged.entries()].sort((x, y) => x[0] - y[0]);
  const result: Omit<BucketsResult, 'queryMs'> = {
    from,
    to,
    width: a.width,
    level: level ?? 'raw',
    lanes: keys.map((key, i) => ({ key, total: laneTotals[i] ?? 0 })),
    t: Float64Array.from(sorted, ([k]) => Math.floor(k / 64)),
    lane: Uint8Array.from(sorted, ([k]) => k % 64),
    n: Float64Array.from(sorted, ([, n]) => n),
    total,
    ticks: null,
  };
  if (a.eventsCap > 0 && total <= a.eventsCap) result.ticks = queryTicks(db, a, from, to, laneOf);
  return result;
}

/** Single events of the window, for drawing one tick each once the view is zoomed in far enough. */
function queryTicks(
  db: Database,
  a: BucketArgs,
  from: number,
  to: number,
  laneOf: (key: string) => number,
): TimelineTick[] {
  const rows: { key: string; t: number; lane: string; remote: string | null }[] = [];
  const named = { from, to, cap: a.eventsCap };
  if (wantsImports(a.filters)) {
    const f = eventsWhere(a.filters);
    rows.push(
      ...(db
        .prepare(
          `SELECT 'e' || e.id AS key, e.ts_utc AS t, ${LANE_SQL.events[a.laneMode]} AS lane, e.remote AS remote
           FROM events e LEFT JOIN hosts h ON h.ip = e.remote
           WHERE e.ts_utc >= @from AND e.ts_utc < @to${and(f)} ORDER BY e.ts_utc LIMIT @cap`,
        )
        .all(named, ...f.params) as typeof rows),
    );
  }
  if (wantsLive(a.filters)) {
    const q = liveSql(
      `o.key AS key, o.t AS t, ${LANE_SQL.live[a.laneMode]} AS lane, c.remote_address AS remote`,
      a.filters,
      ' ORDER BY o.t LIMIT @cap',
    );
    rows.push(...(db.prepare(q.sql).all(named, ...q.params) as typeof rows));
  }
  return rows
    .sort((x, y) => x.t - y.t)
    .slice(0, a.eventsCap)
    .map((r) => ({ key: r.key, t: r.t, lane: laneOf(r.lane), remote: r.remote ?? '' }));
}

export interface EventArgs {
  from: number;
  to: number;
  laneMode: LaneMode;
  filters: TimelineFilters;
  lane?: string | undefined;
  limit: number;
}

/** The events of a bucket or selection, oldest first, for the list beside the timeline. */
export function queryEvents(db: Database, a: EventArgs): { total: number; events: TimelineEvent[] } {
  const named = { from: a.from, to: a.to, limit: a.limit };
  const laneParam = a.lane !== undefined && a.lane !== OTHER_LANE ? [a.lane] : [];
  const out: TimelineEvent[] = [];
  let total = 0;
  if (wantsImports(a.filters)) {
    const f = eventsWhere(a.filters);
    const laneSql = laneParam.length ? ` AND ${LANE_SQL.events[a.laneMode]} = ?` : '';
    const base = `FROM events e LEFT JOIN hosts h ON h.ip = e.remote
      WHERE e.ts_utc >= @from AND e.ts_utc < @to${and(f)}${laneSql}`;
    const rows = db
      .prepare(
        `SELECT 'e' || e.id AS key, e.import_id AS source, e.ts_utc AS t, e.proto, e.src, e.sport, e.dst, e.dport,
           e.action, e.flags, e.remote, e.process, e.state, coalesce(h.lane, 'unknown') AS lane,
           coalesce(h.verdict, 'unknown') AS verdict, e.raw ${base} ORDER BY e.ts_utc, e.id LIMIT @limit`,
      )
      .all(named, ...f.params, ...laneParam) as TimelineEvent[];
    out.push(...rows);
    total +=
      rows.length < a.limit
        ? rows.length
        : (db.prepare(`SELECT count(*) AS n ${base}`).get(named, ...f.params, ...laneParam) as { n: number }).n;
  }
  if (wantsLive(a.filters)) {
    const laneSql = laneParam.length ? ` AND ${LANE_SQL.live[a.laneMode]} = ?` : '';
    const w = liveWhere(a.filters);
    const q = liveSql(
      `o.key AS key, 'live' AS source, o.t AS t, c.protocol AS proto, c.local_address AS src, c.local_port AS sport,
       c.remote_address AS dst, c.remote_port AS dport, NULL AS action, NULL AS flags, c.remote_address AS remote,
       c.process_name AS process, o.state AS state, coalesce(h.lane, 'unknown') AS lane,
       coalesce(h.verdict, 'unknown') AS verdict, NULL AS raw`,
      a.filters,
      `${w.sql ? '' : ' WHERE 1'}${laneSql} ORDER BY o.t LIMIT @limit`,
    );
    const rows = db.prepare(q.sql).all(named, ...q.params, ...laneParam) as TimelineEvent[];
    out.push(...rows);
    total += rows.length;
  }
  out.sort((x, y) => x.t - y.t);
  return { total, events: out.slice(0, a.limit).map(normaliseSource) };
}

function normaliseSource(e: TimelineEvent): TimelineEvent {
  return { ...e, source: (e.source === 'live' ? 'live' : Number(e.source)) as SourceId };
}

/** Overall extent for the overview strip and the first view. Reads the rollup, so sync it first. */
export function queryRange(db: Database): TimelineRange {
  // Two subqueries: SQLite answers a lone min() or max() from the index end, but not both in one SELECT (80 ms on
  // a million rows instead of 0.1 ms).
  const ev = db
    .prepare('SELECT (SELECT min(ts_utc) FROM events) AS lo, (SELECT max(ts_utc) FROM events) AS hi')
    .get() as {
    lo: number | null;
    hi: number | null;
  };
  const live = db
    .prepare(
      `SELECT (SELECT min(at) FROM connection_states) AS lo,
              max((SELECT coalesce(max(at), 0) FROM connection_states),
                  (SELECT coalesce(max(closed_at), 0) FROM connections WHERE closed_at IS NOT NULL)) AS hi,
              (SELECT count(*) FROM connection_states) AS n`,
    )
    .get() as { lo: number | null; hi: number; n: number };
  const events = (
    db.prepare('SELECT coalesce(sum(n), 0) AS n FROM timeline_rollup WHERE level = 3600000').get() as { n: number }
  ).n;
  const stamps = db
    .prepare(
      `SELECT (SELECT max(finished_at) FROM imports WHERE status = 'done') AS imported,
              (SELECT max(updated_at) FROM hosts) AS analysed`,
    )
    .get() as { imported: number | null; analysed: number | null };
  const los = [ev.lo, live.lo].filter((v): v is number => v !== null);
  const his = [ev.hi, live.n > 0 ? live.hi : null].filter((v): v is number => v !== null);
  return {
    from: los.length ? Math.min(...los) : null,
    to: his.length ? Math.max(...his) : null,
    events,
    live: live.n,
    hostsStale: events > 0 && (stamps.analysed === null || (stamps.imported ?? 0) > stamps.analysed),
  };
}

/** What the filter menus offer: the imports on the timeline, protocols and actions seen. */
export function queryOptions(db: Database): {
  sources: { id: number; kind: 'file' | 'paste' | 'syslog'; name: string | null }[];
  protos: string[];
  actions: string[];
} {
  const sources = db
    .prepare(
      `SELECT i.id, i.source AS kind, coalesce(i.file_name, i.family) AS name FROM imports i
       WHERE i.id IN (SELECT import_id FROM timeline_sources) ORDER BY i.started_at DESC`,
    )
    .all() as { id: number; kind: 'file' | 'paste' | 'syslog'; name: string | null }[];
  const distinct = (col: string, extra = ''): string[] =>
    (
      db
        .prepare(
          `SELECT DISTINCT ${col} AS v FROM timeline_rollup WHERE level = 3600000 AND ${col} <> ''${extra} ORDER BY 1`,
        )
        .all() as { v: string }[]
    ).map((r) => r.v);
  const liveProtos = (db.prepare('SELECT DISTINCT protocol AS v FROM connections').all() as { v: string }[]).map(
    (r) => r.v,
  );
  return {
    sources,
    protos: [...new Set([...distinct('proto'), ...liveProtos])].sort(),
    actions: distinct('action'),
  };
}
