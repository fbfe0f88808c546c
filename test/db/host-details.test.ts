import BetterSqlite3, { type Database } from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { migrate } from '../../main/db/migrate';
import { MIGRATIONS } from '../../main/db/migrations';
import { openDatabase } from '../../main/db/open';
import {
  abandonHostsRebuild,
  beginHostsRebuild,
  dropRetiredHostDetails,
  finishHostsRebuild,
  getHost,
  hostsRebuildIndexes,
  listHosts,
  replaceHosts,
  type HostRecord,
} from '../../main/db/repos/hosts';
import {
  byIp,
  columnsOf,
  HOST_INDEXES,
  indexesOf,
  indexShapes,
  insertOldHosts,
  openAtVersion,
  OLD_HOSTS,
  SCAN_DETAIL,
  tableList,
  tempDbFiles,
} from '../helpers/host-rows';

const files = tempDbFiles();
afterEach(() => files.cleanup());

describe('migration 0008_host_details', () => {
  it('moves each host detail of a version 7 database to host_details and keeps every other value and index', () => {
    const file = files.file();
    const old = new BetterSqlite3(file);
    migrate(
      old,
      MIGRATIONS.filter((m) => m.version <= 7),
    );
    expect(old.pragma('user_version', { simple: true })).toBe(7);
    insertOldHosts(old);
    const columnsBefore = columnsOf(old, 'hosts');
    const indexesBefore = indexesOf(old, 'hosts');
    expect(indexesBefore.map((i) => i.name)).toEqual(HOST_INDEXES);
    old.close();

    // The path a user takes: the app opens the old file (WAL, foreign keys on) and migrates it (0009 then marks
    // the summary out of date, which event-remote.test.ts covers).
    const db = openAtVersion(file, 8);
    expect(db.pragma('user_version', { simple: true })).toBe(8);
    expect(db.prepare('SELECT * FROM hosts ORDER BY ip').all()).toEqual(
      byIp(OLD_HOSTS).map(({ detail: _detail, ...row }) => row),
    );
    expect(db.prepare('SELECT * FROM host_details ORDER BY ip').all()).toEqual(
      byIp(OLD_HOSTS).map(({ ip, detail }) => ({ ip, detail })),
    );
    // Same columns in the same order, types, NOT NULLs and key, less `detail` (the last one); same indexes.
    expect(columnsOf(db, 'hosts')).toEqual(columnsBefore.filter((c) => c.name !== 'detail'));
    expect(columnsOf(db, 'hosts').map((c) => c.name)).not.toContain('detail');
    expect(indexesOf(db, 'hosts')).toEqual(indexesBefore);
    expect(indexesOf(db, 'host_details')).toEqual([]);
    expect(tableList(db, 'hosts')).toEqual({ wr: 0, strict: 1 });
    expect(tableList(db, 'host_details')).toEqual({ wr: 0, strict: 1 });
    expect(db.prepare("SELECT name FROM sqlite_master WHERE name = 'hosts_new'").get()).toBeUndefined();
    expect(db.pragma('foreign_key_check')).toEqual([]);
    expect(db.pragma('integrity_check', { simple: true })).toBe('ok');

    // What the user sees afterwards: the list, and the host panel's explanation in both languages.
    expect(listHosts(db, { sort: 'ip', dir: 'asc' }).hosts.map((h) => h.ip)).toEqual([
      '192.0.2.200',
      '203.0.113.7',
      '2001:db8::1',
    ]);
    const scan = getHost(db, '2001:db8::1');
    expect(scan?.verdictDetail.explanation).toEqual({ en: 'Scanned 30 ports', ja: '30 個のポートを走査' });
    expect(scan).toMatchObject({ ip: '2001:db8::1', verdict: 'scan', events: 30, owner: null });
    db.close();
  });

  it('reads a host without a details row as one with no verdict detail, not as a made-up explanation', () => {
    const db = openDatabase(':memory:');
    const insertHost = db.prepare(
      `INSERT INTO hosts VALUES (@ip, @owner, @owner_name, @role, @asn, @as_org, @country, @confidence, @verdict,
        @severity, @lane, @events, @first_seen, @last_seen, @title_en, @title_ja, @ip_key, @updated_at)`,
    );
    for (const { detail: _detail, ...row } of OLD_HOSTS) insertHost.run(row);
    db.prepare('INSERT INTO host_details (ip, detail) VALUES (?, ?)').run('2001:db8::1', SCAN_DETAIL);

    expect(getHost(db, '2001:db8::1')?.verdictDetail.title.ja).toBe('ポートスキャン');
    // Listed with its verdict, but the panel gets null and says NetWhy has no verdict for it yet.
    expect(listHosts(db, {}).hosts.map((h) => h.ip)).toContain('203.0.113.7');
    expect(getHost(db, '203.0.113.7')).toBeNull();
    expect(getHost(db, '198.51.100.9')).toBeNull();
    db.close();
  });

  it('keeps one details row per address, STRICT types and a NOT NULL detail', () => {
    const db = openDatabase(':memory:');
    const insert = db.prepare('INSERT INTO host_details (ip, detail) VALUES (?, ?)');
    insert.run('203.0.113.7', '{}');
    expect(() => insert.run('203.0.113.7', '{}')).toThrow(/UNIQUE/);
    expect(() => insert.run('203.0.113.8', null)).toThrow(/NOT NULL/);
    expect(() => insert.run('203.0.113.9', Buffer.from('{}'))).toThrow(/cannot store BLOB/);
    db.close();
  });
});

/**
 * A host as the analysis hands it to the writer: the verdict as its rule id and fill values (the panel's texts are
 * written from them on reading), `label` standing in for the address in the texts.
 */
function record(ip: string, label: string): HostRecord {
  const detail = JSON.parse(SCAN_DETAIL) as HostRecord['detail'] & { verdictDetail: Record<string, unknown> };
  const { title: _t, explanation: _e, advice: _a, ...verdict } = detail.verdictDetail;
  const vars = {
    remote: label,
    owner: 'AS64500',
    ownerJa: 'AS64500',
    count: 30,
    ports: 30,
    hosts: '',
    hostsJa: '',
    when: ' between 10:00 and 10:01',
    whenJa: '10:00 から 10:01 までの間に、',
    stealth: '',
    stealthJa: '',
    cloud: '',
    cloudJa: '',
  };
  detail.verdictDetail = { ...(verdict as HostRecord['detail']['verdictDetail']), rule: 'scan.psad-thresholds', vars };
  return {
    row: {
      ip,
      owner: null,
      role: null,
      asn: null,
      asOrg: null,
      country: null,
      verdict: 'scan',
      severity: 'warning',
      lane: 'unknown',
      title: { en: 'Port scan', ja: 'ポートスキャン' },
      events: 30,
      firstSeen: 1,
      lastSeen: 2,
    },
    ownerId: null,
    confidence: null,
    ipKey: ip,
    detail,
  };
}

/** The panel's title, written from the stored rule id and values: "Port scan from <label>". */
const explanation = (db: Database, ip: string): string | undefined =>
  getHost(db, ip)?.verdictDetail.title.en.replace('Port scan from ', '');
const staging = (db: Database): unknown[] =>
  db.prepare("SELECT name FROM sqlite_master WHERE name LIKE '%\\_next' ESCAPE '\\' ORDER BY name").all();

describe('hosts rebuild with details', () => {
  it('shows the old details until the rebuild is swapped in, then the new ones; a stopped rebuild leaves the old', () => {
    const db = openDatabase(':memory:');
    replaceHosts(db, [record('198.51.100.1', 'old one'), record('198.51.100.2', 'old two')], 1);
    const shapesBefore = indexShapes(db, 'hosts');

    const writer = beginHostsRebuild(db, 2);
    expect(staging(db)).toEqual([{ name: 'host_details_next' }, { name: 'hosts_next' }]);
    writer.put(record('198.51.100.1', 'new one'));
    writer.put(record('198.51.100.3', 'new three'));
    // A screen reading mid-rebuild sees the previous summary, details included.
    expect(explanation(db, '198.51.100.1')).toBe('old one');
    expect(explanation(db, '198.51.100.3')).toBeUndefined();
    finishHostsRebuild(db);
    expect(staging(db)).toEqual([]);
    expect(explanation(db, '198.51.100.1')).toBe('new one');
    expect(explanation(db, '198.51.100.3')).toBe('new three');
    // Gone from the list and from the panel: no details left behind for an address no longer summarised.
    expect(getHost(db, '198.51.100.2')).toBeNull();
    expect(db.prepare('SELECT count(*) AS n FROM host_details').get()).toEqual({ n: 2 });
    // The same indexes, built on the new table before the swap under the other name of each pair.
    expect(indexShapes(db, 'hosts')).toEqual(shapesBefore);
    expect(indexesOf(db, 'hosts').map((i) => i.name)).toEqual(HOST_INDEXES.map((n) => `${n}_b`));

    beginHostsRebuild(db, 3).put(record('198.51.100.1', 'abandoned'));
    abandonHostsRebuild(db);
    expect(staging(db)).toEqual([]);
    expect(explanation(db, '198.51.100.1')).toBe('new one');

    // The in-memory path replaces both tables too.
    replaceHosts(db, [record('198.51.100.4', 'replaced')], 4);
    expect(db.prepare('SELECT ip FROM host_details').all()).toEqual([{ ip: '198.51.100.4' }]);
    expect(explanation(db, '198.51.100.4')).toBe('replaced');
    expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
    db.close();
  });
});

describe('hosts rebuild: index names across rebuilds and interruptions', () => {
  const plan = (db: Database, sql: string): string =>
    (db.prepare(`EXPLAIN QUERY PLAN ${sql}`).all() as { detail: string }[]).map((r) => r.detail).join('\n');
  /** A whole rebuild as the app runs it: writes, the index steps, the swap, the drop a pause later. */
  const rebuild = (db: Database, at: number, label: string): void => {
    const writer = beginHostsRebuild(db, at);
    writer.put(record('198.51.100.1', label));
    for (const step of hostsRebuildIndexes(db)) step();
    finishHostsRebuild(db);
    dropRetiredHostDetails(db);
  };

  it('a third rebuild takes the first names back, and the Hosts sorts still use an index each time', () => {
    const db = openDatabase(':memory:');
    const names: string[][] = [];
    for (let i = 1; i <= 3; i++) {
      rebuild(db, i, `rebuild ${i}`);
      names.push(indexesOf(db, 'hosts').map((x) => x.name));
      expect(plan(db, 'SELECT * FROM hosts ORDER BY events DESC LIMIT 500')).toMatch(/USING INDEX hosts_events/);
      expect(explanation(db, '198.51.100.1')).toBe(`rebuild ${i}`);
    }
    expect(names[0]).toEqual(HOST_INDEXES.map((n) => `${n}_b`));
    expect(names[1]).toEqual([...HOST_INDEXES]);
    expect(names[2]).toEqual(names[0]);
    db.close();
  });

  it('the app killed between index steps, or between the swap and the drop: the next start and rebuild are whole', () => {
    const file = files.file();
    let db = openDatabase(file);
    rebuild(db, 1, 'first');
    // Killed after two of the five index steps.
    const writer = beginHostsRebuild(db, 2);
    writer.put(record('198.51.100.1', 'killed mid-index'));
    for (const step of hostsRebuildIndexes(db).slice(0, 2)) step();
    db.close();
    db = openDatabase(file);
    expect(explanation(db, '198.51.100.1')).toBe('first');
    rebuild(db, 3, 'after the kill');
    expect(explanation(db, '198.51.100.1')).toBe('after the kill');
    expect(indexShapes(db, 'hosts')).toHaveLength(HOST_INDEXES.length);
    // Killed after the swap, before the replaced tables were dropped: the next open drops them.
    const w2 = beginHostsRebuild(db, 4);
    w2.put(record('198.51.100.1', 'swapped'));
    for (const step of hostsRebuildIndexes(db)) step();
    finishHostsRebuild(db);
    expect(db.prepare("SELECT count(*) AS n FROM sqlite_master WHERE name LIKE '%retired'").get()).toEqual({ n: 2 });
    db.close();
    db = openDatabase(file);
    expect(explanation(db, '198.51.100.1')).toBe('swapped');
    expect(staging(db)).toEqual([]);
    expect(db.prepare("SELECT name FROM sqlite_master WHERE name LIKE '%retired%'").all()).toEqual([]);
    rebuild(db, 5, 'fifth');
    expect(explanation(db, '198.51.100.1')).toBe('fifth');
    expect(plan(db, "SELECT * FROM hosts WHERE verdict = 'scan' ORDER BY events DESC")).toMatch(
      /USING INDEX hosts_verdict/,
    );
    expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
    db.close();
  });
});
