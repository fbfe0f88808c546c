import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadBundledIpDatabase } from '../../main/adapters/ipdb/load';
import { attributeAddress } from '../../main/core/intel/attribute';
import { parseDnsCacheText } from '../../main/core/verdicts/dns-cache';
import { dropBulkIndexes } from '../../main/db/bulk-indexes';
import { createImport, setImportStatus } from '../../main/db/repos/imports';
import { openDatabase, type Database } from '../../main/db/open';
import { isLocalAddress } from '../../main/core/net/scope';
import { analyzeEvents } from '../../main/core/verdicts/analyze';
import { readEventsForAnalysis } from '../../main/db/repos/analysis-events';
import { getHost } from '../../main/db/repos/hosts';
import {
  attributeAll,
  createHostsAutoRefresh,
  refreshHosts,
  type Attributor,
  type RefreshOptions,
} from '../../main/services/analysis';
import { importLogFile } from '../../main/services/import';
import { refreshHostsInMemory } from '../helpers/hosts-in-memory';
import { indexShapes } from '../helpers/host-rows';
import { NETSESSION_CLOSE_WAIT, NETSESSION_LISTENER } from '../helpers/sockets';

/**
 * refreshHosts walks the stored log host by host (bounded memory); the verdicts must be exactly those of judging
 * every event at once (refreshHostsInMemory, analyzeEvents). Every fixture log, pasted socket tables (whose rows the
 * rules place by foreign address, not by the stored remote) and live sockets go in together.
 */
const fixtures = (dir: string): string[] =>
  readdirSync(join(__dirname, '../fixtures', dir))
    .filter((f) => !f.endsWith('.md'))
    .map((f) => join(__dirname, '../fixtures', dir, f));

const ipdb = loadBundledIpDatabase().db;
const attributor: Attributor = {
  attributeOffline: (ip) => attributeAddress({ ip, ipdb: ipdb.lookup(ip), online: false }),
};

async function everyFixture(): Promise<Database> {
  const db = openDatabase(':memory:');
  for (const file of [
    ...fixtures('logs'),
    ...fixtures('scenarios'),
    ...fixtures('sockets').filter((f) => /(netstat|ss)-/.test(f)),
  ]) {
    await importLogFile(db, file, { tz: 'UTC', year: 2024 });
  }
  return db;
}

const table = (db: Database): unknown[] =>
  db.prepare('SELECT h.*, d.detail FROM hosts h LEFT JOIN host_details d USING (ip) ORDER BY ip').all();

const options = (): RefreshOptions => ({
  attributor,
  now: Date.UTC(2024, 2, 13),
  sockets: [
    { ...NETSESSION_CLOSE_WAIT, stateSince: Date.UTC(2024, 2, 12), source: 'live' },
    { ...NETSESSION_LISTENER, source: 'live' },
    // A live connection to an address no log mentions: listed with no events.
    { ...NETSESSION_CLOSE_WAIT, remoteAddress: '104.64.0.1', remotePort: 443, stateSince: null, source: 'live' },
  ],
  dnsCache: parseDnsCacheText(readFileSync(join(__dirname, '../fixtures/dns/displaydns-en.txt'), 'utf8')),
});

describe('host walk', () => {
  it('gives every host the same verdict, counts and explanation as judging all events at once', async () => {
    const db = await everyFixture();
    const events = (db.prepare('SELECT count(*) AS n FROM events').get() as { n: number }).n;
    // Rows an address-based walk could misplace: drops at a router's own public WAN address (both ends public, no
    // direction: the sender is the host) and socket-table rows (the foreign address is). Present, or this proves
    // little; stored under the address the rules judge them by.
    const tricky = (
      db.prepare('SELECT src, dst, direction, state, remote FROM events').all() as {
        src: string;
        dst: string;
        direction: string | null;
        state: string | null;
        remote: string | null;
      }[]
    ).filter(
      (e) =>
        (e.state ?? '') !== '' ||
        (e.direction === null && e.src && e.dst && !isLocalAddress(e.src) && !isLocalAddress(e.dst)),
    );
    expect(tricky.filter((e) => (e.state ?? '') === '').length).toBeGreaterThan(5);
    expect(tricky.filter((e) => (e.state ?? '') !== '').length).toBeGreaterThan(5);
    for (const e of tricky) {
      const placed = (e.state ?? '') !== '' ? e.dst : e.src;
      expect(e.remote).toBe(placed && !isLocalAddress(placed) ? placed : null);
    }

    const expected = refreshHostsInMemory(db, options());
    const before = table(db);
    expect(before.length).toBeGreaterThan(30);
    expect(before).toContainEqual(expect.objectContaining({ ip: '104.64.0.1', events: 0 }));

    for (const chunkEvents of [20_000, 7, 1]) {
      db.prepare('DELETE FROM hosts').run();
      const walked = await refreshHosts(db, { ...options(), chunkEvents });
      expect(walked).toEqual({ ...expected });
      expect(walked.events).toBe(events);
      expect(table(db)).toEqual(before);
    }
  });

  it('puts the rebuild off while another import keeps the address index dropped, leaving the table as it was', async () => {
    const db = await everyFixture();
    await refreshHosts(db, { ...options(), now: 1 });
    const before = table(db);
    dropBulkIndexes(db);
    // Another import, still writing (updated just now): its end asks for a rebuild.
    db.prepare("INSERT INTO imports (source, status, started_at, updated_at) VALUES ('file', 'running', ?, ?)").run(
      Date.now(),
      Date.now(),
    );
    const r = await refreshHosts(db, { ...options(), now: 2 });
    expect(r).toMatchObject({ deferred: true, hosts: before.length, at: 2 });
    expect(table(db)).toEqual(before);
    // Not judged in memory instead, and the import's index is left for it to build.
    expect(db.prepare("SELECT 1 FROM sqlite_master WHERE name = 'events_remote_ts'").get()).toBeUndefined();
    expect(db.prepare("SELECT count(*) AS n FROM sqlite_master WHERE name LIKE 'host%next'").get()).toEqual({ n: 0 });
  });

  it('stops and keeps the previous table when an import drops the address index during the walk', async () => {
    const db = await everyFixture();
    await refreshHosts(db, { ...options(), now: 1 });
    const before = table(db);
    const staging = (): number =>
      (db.prepare("SELECT count(*) AS n FROM sqlite_master WHERE name LIKE 'host%next'").get() as { n: number }).n;

    const running = refreshHosts(db, { ...options(), now: 2, chunkEvents: 1 });
    // An import starting between two steps of the walk, once it writes hosts_next.
    let steps = 0;
    while (staging() === 0) {
      await new Promise((r) => setImmediate(r));
      expect(++steps).toBeLessThan(1_000);
    }
    await new Promise<void>((r) =>
      setImmediate(() => {
        dropBulkIndexes(db);
        r();
      }),
    );
    expect(await running).toMatchObject({ deferred: true, hosts: before.length, at: 2 });
    expect(table(db)).toEqual(before);
    expect(staging()).toBe(0);
  });

  it('keeps the previous table readable until the new one is complete, then swaps it in whole', async () => {
    const db = await everyFixture();
    await refreshHosts(db, { ...options(), now: 1 });
    const indexes = (): unknown[] => indexShapes(db, 'hosts');
    const before = indexes();
    expect(before).toHaveLength(5);
    const old = table(db);

    const running = refreshHosts(db, { ...options(), now: 2, chunkEvents: 5 });
    // A screen asking between steps of the walk gets the previous table, whole.
    await new Promise((r) => setImmediate(r));
    await new Promise((r) => setImmediate(r));
    expect(db.prepare("SELECT count(*) AS n FROM sqlite_master WHERE name = 'hosts_next'").get()).toEqual({ n: 1 });
    expect(table(db)).toEqual(old);
    await running;
    const now = table(db) as { updated_at: number }[];
    expect(now).toHaveLength(old.length);
    expect(now.every((h) => h.updated_at === 2)).toBe(true);
    expect(indexes()).toEqual(before);
    // Built before the swap under the other name of each pair; the Hosts list's sorts still use them.
    const plan = (sql: string): string =>
      (db.prepare(`EXPLAIN QUERY PLAN ${sql}`).all() as { detail: string }[]).map((r) => r.detail).join('\n');
    expect(plan('SELECT * FROM hosts ORDER BY events DESC LIMIT 500')).toMatch(/USING INDEX hosts_events/);
    expect(plan("SELECT * FROM hosts WHERE verdict = 'scan' ORDER BY events DESC")).toMatch(
      /USING INDEX hosts_verdict/,
    );
    // The replaced tables are dropped a step later, not inside the swap.
    expect(db.prepare("SELECT name FROM sqlite_master WHERE name LIKE '%retired%'").all()).toEqual([]);
    expect(db.prepare("SELECT count(*) AS n FROM sqlite_master WHERE name = 'hosts_next'").get()).toEqual({ n: 0 });
  });

  it('merges requests made while one waits into one rebuild, with the latest options, taking its time when it starts', async () => {
    const db = await everyFixture();
    let walks = 0;
    let time = 100;
    const clock = (): number => {
      walks++;
      return ++time;
    };
    const first = refreshHosts(db, { ...options(), chunkEvents: 5, clock });
    await new Promise((r) => setImmediate(r));
    // The Hosts screen opening, the Timeline seeing a stale summary and an import ending, while the first one walks.
    const later = [10, 20, 30].map((now) =>
      refreshHosts(db, { ...options(), now, chunkEvents: 5, clock: () => clock() + now }),
    );
    const [a, ...rest] = await Promise.all([first, ...later]);
    expect(walks).toBe(2);
    expect(a).toMatchObject({ at: 101, deferred: false });
    // Every caller gets the merged rebuild's result; the last caller's clock was read when it started.
    for (const r of rest) expect(r).toEqual({ ...a, at: 102 + 30 });
    expect(new Set(table(db).map((h) => (h as { updated_at: number }).updated_at))).toEqual(new Set([132]));
  });

  it('runs one rebuild at a time and leaves the previous table when stopped', async () => {
    const db = await everyFixture();
    const [a, b] = await Promise.all([
      refreshHosts(db, { ...options(), now: 1, chunkEvents: 5 }),
      refreshHosts(db, { ...options(), now: 2, chunkEvents: 5 }),
    ]);
    expect(a.hosts).toBe(b.hosts);
    expect(new Set(table(db).map((h) => (h as { updated_at: number }).updated_at))).toEqual(new Set([2]));

    const stop = new AbortController();
    const stopped = refreshHosts(db, { ...options(), now: 3, chunkEvents: 5, signal: stop.signal });
    await new Promise((r) => setImmediate(r));
    stop.abort();
    await expect(stopped).rejects.toThrow();
    expect(new Set(table(db).map((h) => (h as { updated_at: number }).updated_at))).toEqual(new Set([2]));
    expect(db.prepare("SELECT count(*) AS n FROM sqlite_master WHERE name = 'hosts_next'").get()).toEqual({ n: 0 });
  });

  it("shows each host's explanation exactly as the analysis wrote it, though only the rule and its values are stored", async () => {
    const db = await everyFixture();
    const o = options();
    await refreshHosts(db, o);
    const events = readEventsForAnalysis(db);
    const { hosts } = analyzeEvents(events, {
      attributions: attributeAll(events, o.sockets ?? [], attributor),
      sockets: o.sockets ?? [],
      dnsCache: o.dnsCache ?? [],
      now: o.now,
    });
    expect(hosts.length).toBeGreaterThan(30);
    for (const h of hosts) {
      const shown = getHost(db, h.ip)?.verdictDetail;
      expect(shown).toEqual({
        ...h.verdict,
        evidence: h.verdict.evidence.map((e) => ({
          kind: e.kind,
          detail: e.detail,
          ...(e.detailJa ? { detailJa: e.detailJa } : {}),
        })),
      });
    }
    // Stored: the rule id and the values, not the texts.
    const stored = db.prepare('SELECT detail FROM host_details LIMIT 1').get() as { detail: string };
    expect(JSON.parse(stored.detail).verdictDetail).toEqual(expect.objectContaining({ vars: expect.any(Object) }));
    expect(JSON.parse(stored.detail).verdictDetail.explanation).toBeUndefined();
  });
});

describe('host summary put off by an import', () => {
  it('is rebuilt once the import that holds the address index back is over, even if nobody asks again', async () => {
    const db = await everyFixture();
    // An import of another process (the CLI), writing with the index dropped: its end tells this app nothing.
    const id = createImport(db, { source: 'file', started_at: Date.now() });
    dropBulkIndexes(db);
    const refreshed: number[] = [];
    const auto = createHostsAutoRefresh({
      db,
      attributor: () => attributor,
      sockets: () => [],
      now: () => Date.now(),
      onRefreshed: (r) => refreshed.push(r.hosts),
      delayMs: 1,
      retryMs: 20,
    });
    auto.schedule();
    await new Promise((r) => setTimeout(r, 100));
    expect(refreshed).toEqual([]);
    expect(table(db)).toEqual([]);
    // The import ends (its process builds the index as it ends).
    setImportStatus(db, id, 'done', Date.now());
    for (let i = 0; i < 100 && !refreshed.length; i++) await new Promise((r) => setTimeout(r, 20));
    auto.stop();
    expect(refreshed).toHaveLength(1);
    expect(table(db).length).toBe(refreshed[0]);
  });
});
