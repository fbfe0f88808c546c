import { beforeEach, describe, expect, it } from 'vitest';
import type { Database } from 'better-sqlite3';
import { openDatabase } from '../../../main/db/open';
import { queryBuckets, queryEvents, queryRange, type BucketArgs } from '../../../main/db/repos/timeline';
import { syncTimelineRollup } from '../../../main/db/repos/timeline-rollup';
import { addEvents, addImport, addLiveConnection, setHost, type EventSpec } from '../../helpers/timeline-db';

const T0 = Date.UTC(2024, 0, 1);
const S = 1_000;
const M = 60 * S;
const H = 60 * M;
const EDGE = '23.1.1.1';
const PEER = '24.1.1.1';
const STRANGER = '198.51.100.7';

function buckets(db: Database, a: Partial<BucketArgs> & Pick<BucketArgs, 'from' | 'to' | 'width'>) {
  syncTimelineRollup(db);
  const r = queryBuckets(db, { offsetMs: 0, laneMode: 'owner', filters: {}, eventsCap: 0, ...a });
  // As {bucket offset from T0 -> {lane: count}} so expectations read like the picture.
  const byBucket: Record<string, Record<string, number>> = {};
  r.t.forEach((t, i) => {
    const key = String((t - T0) / a.width);
    const lane = r.lanes[r.lane[i] ?? 0]?.key ?? '?';
    byBucket[key] = { ...byBucket[key], [lane]: r.n[i] ?? 0 };
  });
  return { ...r, byBucket };
}

function seed(db: Database): void {
  addImport(db, 1);
  addEvents(db, [
    { importId: 1, line: 1, ts: T0 + 10 * S, remote: EDGE },
    { importId: 1, line: 2, ts: T0 + 70 * S, remote: EDGE, proto: 'UDP' },
    { importId: 1, line: 3, ts: T0 + H, remote: STRANGER, dport: 22, action: 'accept', raw: 'SSH attempt' },
    { importId: 1, line: 4, ts: T0 + 3 * H + 5 * M, remote: PEER, process: 'netsession_win.exe' },
    { importId: 1, line: 5, ts: null, remote: EDGE },
  ]);
  setHost(db, EDGE, 'akamai-edge', 'cdn-reply');
  setHost(db, PEER, 'akamai-netsession', 'p2p-download');
  addLiveConnection(db, {
    id: 1,
    remote: EDGE,
    process: 'weather.exe',
    states: [
      ['ESTABLISHED', T0 + 30 * S],
      ['CLOSE_WAIT', T0 + 90 * S],
    ],
    closedAt: T0 + 100 * S,
  });
}

describe('timeline bucket query', () => {
  let db: Database;
  beforeEach(() => {
    db = openDatabase(':memory:');
    seed(db);
  });

  it('counts events and live observations per hour and owner lane, from the hour rollup', () => {
    const r = buckets(db, { from: T0, to: T0 + 4 * H, width: H });
    expect(r.level).toBe(H);
    expect(r.byBucket).toEqual({
      '0': { 'akamai-edge': 5 }, // 2 log lines + established, close-wait, closed
      '1': { unknown: 1 },
      '3': { 'akamai-netsession': 1 },
    });
    expect(r.lanes.map((l) => l.key)).toEqual([
      'akamai-edge',
      'akamai-netsession',
      'akamai-cloud',
      'other-cdn',
      'isp',
      'unknown',
    ]);
    expect(r.total).toBe(7); // the line without a time is not on the timeline
  });

  it('splits the first minutes exactly, and reads raw events below a minute', () => {
    expect(buckets(db, { from: T0, to: T0 + 2 * M, width: M }).byBucket).toEqual({
      '0': { 'akamai-edge': 2 },
      '1': { 'akamai-edge': 3 },
    });
    const raw = buckets(db, { from: T0, to: T0 + 2 * M, width: 10 * S });
    expect(raw.level).toBe('raw');
    expect(raw.byBucket).toEqual({
      '1': { 'akamai-edge': 1 },
      '3': { 'akamai-edge': 1 },
      '7': { 'akamai-edge': 1 },
      '9': { 'akamai-edge': 1 },
      '10': { 'akamai-edge': 1 },
    });
  });

  it('widens the window to whole buckets and aligns day buckets to local midnight', () => {
    const r = buckets(db, { from: T0 + 20 * M, to: T0 + 40 * M, width: H });
    expect([r.from, r.to]).toEqual([T0, T0 + H]);
    // JST (+9 h): the local day of 2024-01-01 starts at 2023-12-31T15:00Z and holds all seven.
    const jst = buckets(db, { from: T0, to: T0 + 4 * H, width: 24 * H, offsetMs: 9 * H });
    expect(Array.from(jst.t)).toEqual(Array(jst.t.length).fill(T0 - 9 * H));
    expect(jst.total).toBe(7);
  });

  it('groups by verdict or by local program', () => {
    const v = buckets(db, { from: T0, to: T0 + 4 * H, width: H, laneMode: 'verdict' });
    expect(v.byBucket['0']).toEqual({ 'cdn-reply': 5 });
    expect(v.byBucket['3']).toEqual({ 'p2p-download': 1 });
    const p = buckets(db, { from: T0, to: T0 + 4 * H, width: H, laneMode: 'process' });
    expect(p.byBucket['0']).toEqual({ '': 2, 'weather.exe': 3 });
    expect(p.byBucket['3']).toEqual({ 'netsession_win.exe': 1 });
  });

  it('applies filters: owner, protocol, action, source, port and text', () => {
    const all = { from: T0, to: T0 + 4 * H, width: H };
    expect(buckets(db, { ...all, filters: { owners: ['akamai-netsession'] } }).total).toBe(1);
    expect(buckets(db, { ...all, filters: { protos: ['UDP'] } }).total).toBe(1);
    // An action is a firewall's word: live sockets drop out.
    expect(buckets(db, { ...all, filters: { actions: ['drop'] } }).total).toBe(3);
    expect(buckets(db, { ...all, filters: { sources: ['live'] } }).total).toBe(3);
    expect(buckets(db, { ...all, filters: { sources: [1] } }).total).toBe(4);
    const port = buckets(db, { ...all, filters: { port: 22 } });
    expect([port.level, port.total]).toEqual(['raw', 1]);
    expect(buckets(db, { ...all, filters: { text: 'ssh' } }).total).toBe(1);
    expect(buckets(db, { ...all, filters: { text: 'weather' } }).total).toBe(3);
    expect(buckets(db, { ...all, filters: { text: '100%' } }).total).toBe(0);
  });

  it('returns single events for ticks only when the window holds few enough', () => {
    const few = buckets(db, { from: T0, to: T0 + 2 * M, width: 10 * S, eventsCap: 10 });
    expect(few.ticks?.map((t) => t.t - T0)).toEqual([10 * S, 30 * S, 70 * S, 90 * S, 100 * S]);
    expect(buckets(db, { from: T0, to: T0 + 2 * M, width: 10 * S, eventsCap: 4 }).ticks).toBeNull();
  });

  it('moves counts to the new lane when the host summary is rebuilt, and drops a removed import', () => {
    expect(buckets(db, { from: T0, to: T0 + 4 * H, width: H }).byBucket['1']).toEqual({ unknown: 1 });
    setHost(db, STRANGER, 'akamai-cloud', 'scan', 3);
    const moved = syncTimelineRollup(db);
    expect(moved.movedHosts).toBe(1);
    expect(buckets(db, { from: T0, to: T0 + 4 * H, width: H }).byBucket['1']).toEqual({ 'akamai-cloud': 1 });
    db.prepare('DELETE FROM imports WHERE id = 1').run();
    expect(syncTimelineRollup(db).rebuilt).toBe(true);
    expect(buckets(db, { from: T0, to: T0 + 4 * H, width: H }).total).toBe(3); // live only
  });

  it('agrees with a brute-force count on a random dataset at every rollup level', () => {
    const fresh = openDatabase(':memory:');
    addImport(fresh, 1);
    addImport(fresh, 2, 'syslog', 'syslog');
    const ips = ['23.1.1.1', '23.1.1.2', '24.1.1.1', '45.33.32.156', '8.8.8.8', '203.0.113.9'];
    const lanes = ['akamai-edge', 'akamai-edge', 'akamai-netsession', 'akamai-cloud', 'other-cdn', 'unknown'];
    let seedN = 7;
    const rnd = (n: number): number => ((seedN = (seedN * 1_103_515_245 + 12_345) % 2 ** 31), seedN % n);
    const events: EventSpec[] = [];
    for (let i = 0; i < 3_000; i++) {
      events.push({ importId: 1 + rnd(2), line: i, ts: T0 + rnd(2 * 24 * H), remote: ips[rnd(ips.length)] ?? null });
    }
    addEvents(fresh, events.slice(0, 2_000));
    ips.slice(0, 4).forEach((ip, i) => setHost(fresh, ip, lanes[i] ?? 'unknown', 'cdn-reply'));
    syncTimelineRollup(fresh); // roll some, then add more and re-judge one host: the incremental paths
    addEvents(fresh, events.slice(2_000));
    setHost(fresh, '8.8.8.8', 'other-cdn', 'cdn-connection', 5);
    for (const width of [M, 10 * M, H, 6 * H, 24 * H]) {
      const r = buckets(fresh, { from: T0, to: T0 + 2 * 24 * H, width });
      const expected = new Map<string, number>();
      for (const e of events) {
        const lane = lanes[ips.indexOf(e.remote ?? '')] ?? 'unknown';
        const key = `${Math.floor(((e.ts ?? 0) - T0) / width)}/${lane}`;
        expected.set(key, (expected.get(key) ?? 0) + 1);
      }
      const got = new Map<string, number>();
      r.t.forEach((t, i) => got.set(`${(t - T0) / width}/${r.lanes[r.lane[i] ?? 0]?.key}`, r.n[i] ?? 0));
      expect(r.level).not.toBe('raw');
      expect(got).toEqual(expected);
    }
  });

  it('uses indexes: the rollup primary key, events(ts_utc), the live state and close times', () => {
    syncTimelineRollup(db);
    const plan = (sql: string): string =>
      (db.prepare(`EXPLAIN QUERY PLAN ${sql}`).all() as { detail: string }[]).map((r) => r.detail).join('\n');
    expect(
      plan(
        'SELECT bucket, lane, sum(n) FROM timeline_rollup WHERE level = 3600000 AND bucket >= 0 AND bucket < 9 GROUP BY 1, 2',
      ),
    ).toMatch(/SEARCH timeline_rollup USING PRIMARY KEY \(level=\? AND bucket>\? AND bucket<\?\)/);
    expect(
      plan('SELECT count(*) FROM events e LEFT JOIN hosts h ON h.ip = e.remote WHERE e.ts_utc >= 0 AND e.ts_utc < 9'),
    ).toMatch(
      // hosts is a rowid table (migration 0007): its ip primary key is the unique index SQLite names autoindex_1.
      /SEARCH e USING INDEX events_ts \(ts_utc>\? AND ts_utc<\?\)[\s\S]*SEARCH h USING (COVERING )?INDEX sqlite_autoindex_hosts_1 \(ip=\?\)/,
    );
    expect(plan('SELECT * FROM connection_states WHERE at >= 0 AND at < 9')).toContain('connection_states_at');
    // The overall range reads the two ends of the index, never the whole of it.
    expect(plan('SELECT (SELECT min(ts_utc) FROM events) AS lo, (SELECT max(ts_utc) FROM events) AS hi')).not.toContain(
      'SCAN events',
    );
    expect(
      plan('SELECT * FROM connections WHERE closed_at IS NOT NULL AND closed_at >= 0 AND closed_at < 9'),
    ).toContain('connections_closed_at');
  });
});

describe('timeline events and range', () => {
  it('lists the events of one bucket and lane, oldest first, live observations included', () => {
    const db = openDatabase(':memory:');
    seed(db);
    const r = queryEvents(db, {
      from: T0,
      to: T0 + H,
      laneMode: 'owner',
      filters: {},
      lane: 'akamai-edge',
      limit: 100,
    });
    expect(r.total).toBe(5);
    expect(r.events.map((e) => [e.t - T0, e.source, e.state ?? e.action])).toEqual([
      [10 * S, 1, 'drop'],
      [30 * S, 'live', 'ESTABLISHED'],
      [70 * S, 1, 'drop'],
      [90 * S, 'live', 'CLOSE_WAIT'],
      [100 * S, 'live', 'CLOSED'],
    ]);
    expect(r.events[0]?.verdict).toBe('cdn-reply');
    const limited = queryEvents(db, {
      from: T0,
      to: T0 + 4 * H,
      laneMode: 'owner',
      filters: { sources: [1] },
      limit: 2,
    });
    expect([limited.total, limited.events.length]).toEqual([4, 2]);
  });

  it('spans events and live observations, and says when hosts need re-analysis', () => {
    const db = openDatabase(':memory:');
    seed(db);
    syncTimelineRollup(db);
    const range = queryRange(db);
    expect([range.from, range.to, range.events, range.live]).toEqual([T0 + 10 * S, T0 + 3 * H + 5 * M, 4, 2]);
    expect(range.hostsStale).toBe(false);
    db.prepare('UPDATE imports SET finished_at = 99').run();
    expect(queryRange(db).hostsStale).toBe(true);
  });
});
