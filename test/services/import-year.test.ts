import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Database } from 'better-sqlite3';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase } from '../../main/db/open';
import { attributeAddress } from '../../main/core/intel/attribute';
import { loadBundledIpDatabase } from '../../main/adapters/ipdb/load';
import { getImport } from '../../main/db/repos/imports';
import { getHost } from '../../main/db/repos/hosts';
import { queryBuckets } from '../../main/db/repos/timeline';
import { syncTimelineRollup } from '../../main/db/repos/timeline-rollup';
import { refreshHosts } from '../../main/services/analysis';
import { importLogBytes, importLogFile } from '../../main/services/import';
import { parseWorkerScript } from '../helpers/parse-worker';

/**
 * The year an import gives a log that prints none. Logs are about the past: a year-less date more than two days
 * after the import's "now" is last year's, and a Dec -> Jan log rolls over from there.
 */

const ROOT = join(__dirname, '../..');
const NETFILTER = join(ROOT, 'test/fixtures/logs/netfilter.log');
// Real UFW lines (the netfilter fixture's first line, askubuntu / Wazuh sources named there), re-dated.
const UFW =
  'server01 kernel: [126140.629122] [UFW BLOCK] IN=eth0 OUT= MAC=00:11:22:33:44:55:66:77:88:99:aa:bb:cc:dd ' +
  'SRC=254.253.252.251 DST=191.192.193.194 LEN=52 TOS=0x02 PREC=0x00 TTL=128 ID=9209 DF PROTO=TCP SPT=17833 ' +
  'DPT=22 WINDOW=8192 RES=0x00 CWR ECE SYN URGP=0';
const DEC_TO_JAN = ['Dec 30 22:10:01', 'Dec 31 23:59:58', 'Jan  1 00:00:03', 'Jan  2 07:45:12']
  .map((t) => `${t} ${UFW}`)
  .join('\n');

let dir: string;
const open: Database[] = [];
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'netwhy-import-year-'));
});
afterEach(() => {
  for (const d of open.splice(0)) if (d.open) d.close();
});

function db(): Database {
  const d = openDatabase(join(dir, `db-${Math.random().toString(36).slice(2)}.sqlite`));
  open.push(d);
  return d;
}

const stored = (d: Database, importId: number): { line: number; ts_text: string }[] =>
  d.prepare('SELECT line, ts_text FROM events WHERE import_id = ? ORDER BY line').all(importId) as {
    line: number;
    ts_text: string;
  }[];

describe('import: the year of dates without one', () => {
  it('stores a "Dec 26" netfilter line imported on 2026-11-21 as 2025-12-26, not next month', async () => {
    const d = db();
    const now = () => Date.UTC(2026, 10, 21, 12);
    const r = await importLogFile(d, NETFILTER, { tz: 'UTC', now });
    const events = stored(d, r.importId);
    expect(events[0]).toEqual({ line: 1, ts_text: '2025-12-26T09:05:47Z' });
    // The import records the year its first date got, last year's (it said this year's).
    expect(getImport(d, r.importId)?.assumed_year).toBe(2025);
    // Nothing the import stores lies in the future (the fixture's lines roll on from Dec 26 as before).
    const last = d.prepare('SELECT max(ts_utc) AS t FROM events').get() as { t: number };
    expect(last.t).toBeLessThanOrEqual(now());
    // A pasted line goes the same way.
    const pasted = await importLogBytes(d, 'pasted text', Buffer.from(`Dec 26 09:05:47 ${UFW}\n`), 'paste', { now });
    expect(stored(d, pasted.importId)[0]?.ts_text).toBe('2025-12-26T09:05:47');
  });

  it('puts a Dec -> Jan log imported on 2027-01-10 into Dec 2026 and Jan 2027, on either thread', async () => {
    const file = join(dir, 'dec-jan.log');
    writeFileSync(file, `${DEC_TO_JAN}\n`);
    const now = () => Date.UTC(2027, 0, 10, 8);
    const expected = ['2026-12-30T22:10:01Z', '2026-12-31T23:59:58Z', '2027-01-01T00:00:03Z', '2027-01-02T07:45:12Z'];
    const d = db();
    const here = await importLogFile(d, file, { tz: 'UTC', now });
    expect(stored(d, here.importId).map((e) => e.ts_text)).toEqual(expected);
    const w = db();
    const worker = await importLogFile(w, file, {
      tz: 'UTC',
      now,
      parseWorker: parseWorkerScript(),
      parseWorkerMinBytes: 0,
    });
    expect(stored(w, worker.importId).map((e) => e.ts_text)).toEqual(expected);
  });

  it('keeps --year, and this year for a date up to two days ahead (a router clock or zone ahead of this PC)', async () => {
    const d = db();
    const now = () => Date.UTC(2026, 10, 21, 12);
    const withYear = await importLogFile(d, NETFILTER, { tz: 'UTC', year: 2026, now });
    expect(stored(d, withYear.importId)[0]?.ts_text).toBe('2026-12-26T09:05:47Z');
    const ahead = await importLogBytes(d, 'ahead', Buffer.from(`Nov 22 23:00:00 ${UFW}\n`), 'paste', {
      tz: 'UTC',
      now,
    });
    expect(stored(d, ahead.importId)[0]?.ts_text).toBe('2026-11-22T23:00:00Z');
  });
});

// A UFW scan line from the report fixture (test/fixtures/report/ufw-scan.log, line 1), re-dated below.
const SCAN =
  'kaito-pc kernel: [3217949.737464] [UFW BLOCK] IN=eth0 OUT= MAC=52:54:00:7c:d8:0f:fe:54:00:7c:d8:0f:08:00 ' +
  'SRC=45.155.205.10 DST=198.51.100.7 LEN=40 TOS=0x00 PREC=0x00 TTL=240 ID=57645 PROTO=TCP SPT=51638 DPT=22 ' +
  'WINDOW=1024 RES=0x00 SYN URGP=0';
// A router log written from October 2025 to February 2026, without years, imported on 2026-11-21.
const OCT_TO_FEB = [
  'Oct  3 08:00:01',
  'Oct 29 12:00:00',
  'Nov 20 23:59:59',
  'Nov 27 10:00:00',
  'Dec 31 23:59:58',
  'Jan  1 00:00:03',
  'Feb 14 18:30:00',
];
const OCT_TO_FEB_DATED = [
  '2025-10-03T08:00:01Z',
  '2025-10-29T12:00:00Z',
  '2025-11-20T23:59:59Z',
  '2025-11-27T10:00:00Z',
  '2025-12-31T23:59:58Z',
  '2026-01-01T00:00:03Z',
  '2026-02-14T18:30:00Z',
];
const NOV_21 = () => Date.UTC(2026, 10, 21, 12);
const logOf = (stamps: readonly string[]): string => stamps.map((t) => `${t} ${SCAN}\n`).join('');

function writeLog(name: string, stamps: readonly string[]): string {
  const file = join(dir, name);
  writeFileSync(file, logOf(stamps));
  return file;
}

const ipdb = loadBundledIpDatabase().db;
const attributor = { attributeOffline: (ip: string) => attributeAddress({ ip, ipdb: ipdb.lookup(ip), online: false }) };
const DAY = 86_400_000;

describe('import: a year-less log that runs over New Year ends in the past', () => {
  it('dates an Oct -> Feb log imported in November Oct 2025 -> Feb 2026, on either thread', async () => {
    const file = writeLog('oct-feb.log', OCT_TO_FEB);
    for (const worker of [false, true]) {
      const d = db();
      const phases: string[] = [];
      const r = await importLogFile(
        d,
        file,
        {
          tz: 'UTC',
          now: NOV_21,
          batchLines: 2,
          ...(worker ? { parseWorker: parseWorkerScript(), parseWorkerMinBytes: 0 } : {}),
        },
        (p) => phases.push(p.phase),
      );
      expect(r.outcome).toBe('done');
      // The bar says what the wait after the last line is (the window and the CLI word the phase).
      expect(phases).toContain('redating');
      expect(stored(d, r.importId).map((e) => e.ts_text)).toEqual(OCT_TO_FEB_DATED);
      // The Imports list's range and year are the corrected ones.
      const row = getImport(d, r.importId);
      expect(row?.first_ts).toBe(Date.parse(OCT_TO_FEB_DATED[0] as string));
      expect(row?.last_ts).toBe(Date.parse(OCT_TO_FEB_DATED[6] as string));
      expect(row?.last_ts).toBeLessThan(NOV_21());
      expect(row?.assumed_year).toBe(2025);
    }
  });

  it('the timeline and the host summary read the corrected year, even if they read the import part-way', async () => {
    const d = db();
    const file = writeLog('oct-feb-timeline.log', OCT_TO_FEB);
    // The timeline brought up to date after every commit: it counts the first lines at the year they had then.
    let synced = 0;
    const r = await importLogFile(d, file, { tz: 'UTC', now: NOV_21, batchLines: 2 }, () => {
      synced += syncTimelineRollup(d).newEvents;
    });
    expect(synced).toBeGreaterThan(0);
    syncTimelineRollup(d);
    const count = (from: number, to: number): number =>
      queryBuckets(d, { from, to, width: DAY, offsetMs: 0, laneMode: 'owner', filters: {}, eventsCap: 0 }).n.reduce(
        (a, b) => a + b,
        0,
      );
    expect(count(Date.UTC(2025, 9, 1), Date.UTC(2026, 2, 1))).toBe(7);
    expect(count(Date.UTC(2026, 2, 1), Date.UTC(2027, 6, 1))).toBe(0);
    // Per day: the October 3 event is where the log says, not a year later.
    expect(count(Date.UTC(2025, 9, 3), Date.UTC(2025, 9, 4))).toBe(1);

    await refreshHosts(d, { attributor, now: NOV_21() + 1 });
    const host = getHost(d, '45.155.205.10');
    expect(host?.events).toBe(7);
    expect(host?.firstSeen).toBe(Date.parse('2025-10-03T08:00:01Z'));
    expect(host?.lastSeen).toBe(Date.parse('2026-02-14T18:30:00Z'));
    expect(r.row.status).toBe('done');
  });

  it("a router's boot-time Jan 1 part-way through a November log moves nothing but that line", async () => {
    // Routers without a battery log "Jan 1 00:00:xx" until NTP sets the clock; the log goes on in November.
    const d = db();
    const file = writeLog('boot-jan1.log', [
      'Oct  3 08:00:01',
      'Nov 20 23:59:59',
      'Jan  1 00:00:12',
      'Nov 21 06:00:00',
      'Nov 21 11:00:00',
    ]);
    const phases: string[] = [];
    const r = await importLogFile(d, file, { tz: 'UTC', now: NOV_21, batchLines: 2 }, (p) => phases.push(p.phase));
    expect(stored(d, r.importId).map((e) => e.ts_text)).toEqual([
      '2026-10-03T08:00:01Z',
      '2026-11-20T23:59:59Z',
      '2027-01-01T00:00:12Z',
      '2026-11-21T06:00:00Z',
      '2026-11-21T11:00:00Z',
    ]);
    expect(phases).not.toContain('redating');
    expect(getImport(d, r.importId)?.assumed_year).toBe(2026);
  });

  it('cancelled while re-dating: the range and the timeline count the times as stored, and the resume finishes it', async () => {
    const d = db();
    // Each date 500 times (~900 KB): the file is read in 256 KiB chunks, so the re-dating writes in several batches.
    const file = writeLog(
      'oct-feb-cancel-redating.log',
      OCT_TO_FEB.flatMap((t) => Array<string>(500).fill(t)),
    );
    const stop = new AbortController();
    let redating = 0;
    const options = { tz: 'UTC', now: NOV_21, batchLines: 2, signal: stop.signal, progressEveryMs: 0 };
    const r = await importLogFile(d, file, options, (p) => {
      syncTimelineRollup(d);
      // The phase's second report comes after its first batch of new times is written.
      if (p.phase === 'redating' && ++redating === 2) stop.abort();
    });
    expect(r.outcome).toBe('cancelled');
    const times = d.prepare('SELECT ts_utc FROM events WHERE import_id = ?').all(r.importId) as { ts_utc: number }[];
    const utc = times.map((t) => t.ts_utc);
    // Part re-dated, part not: what the Imports list and the timeline show follows what is stored.
    const years = stored(d, r.importId).map((e) => e.ts_text.slice(0, 4));
    expect(years).toHaveLength(3500);
    expect(years.filter((y) => y === '2025').length).toBeGreaterThan(0);
    expect(years.filter((y) => y === '2027').length).toBeGreaterThan(0);
    expect(r.row.first_ts).toBe(Math.min(...utc));
    expect(r.row.last_ts).toBe(Math.max(...utc));
    syncTimelineRollup(d);
    const count = (from: number, to: number): number =>
      queryBuckets(d, { from, to, width: DAY, offsetMs: 0, laneMode: 'owner', filters: {}, eventsCap: 0 }).n.reduce(
        (a, b) => a + b,
        0,
      );
    const inYear = (y: number) => utc.filter((t) => t >= Date.UTC(y, 0, 1) && t < Date.UTC(y + 1, 0, 1)).length;
    for (const y of [2025, 2026, 2027]) expect(count(Date.UTC(y, 0, 1), Date.UTC(y + 1, 0, 1))).toBe(inYear(y));
    const resumed = await importLogFile(d, file, { tz: 'UTC', now: NOV_21, batchLines: 2 });
    expect(resumed.outcome).toBe('done');
    expect([...new Set(stored(d, r.importId).map((e) => e.ts_text))]).toEqual(OCT_TO_FEB_DATED);
    expect(getImport(d, r.importId)?.first_ts).toBe(Date.parse(OCT_TO_FEB_DATED[0] as string));
  });

  it('re-dates the lines an interrupted import stored, when it is resumed', async () => {
    const d = db();
    const file = writeLog('oct-feb-resume.log', OCT_TO_FEB);
    const stop = new AbortController();
    const first = await importLogFile(d, file, { tz: 'UTC', now: NOV_21, batchLines: 2, signal: stop.signal }, () =>
      stop.abort(),
    );
    expect(first.outcome).toBe('cancelled');
    const resumed = await importLogFile(d, file, { tz: 'UTC', now: () => NOV_21() + DAY, batchLines: 2 });
    expect(resumed).toMatchObject({ outcome: 'done', resumed: true, importId: first.importId });
    expect(stored(d, first.importId).map((e) => e.ts_text)).toEqual(OCT_TO_FEB_DATED);
  });

  it('a log that grew is continued from the years its import ended up with', async () => {
    const d = db();
    const file = join(dir, 'oct-feb-grows.log');
    writeFileSync(file, logOf(OCT_TO_FEB));
    const first = await importLogFile(d, file, { tz: 'UTC', now: NOV_21 });
    // The router wrote on into March; the file is imported again in March 2026... of the next year, 2027.
    writeFileSync(file, logOf([...OCT_TO_FEB, 'Mar  3 07:00:00']));
    const next = await importLogFile(d, file, { tz: 'UTC', now: () => Date.UTC(2027, 2, 5) });
    expect(getImport(d, next.importId)?.continues_import).toBe(first.importId);
    expect(stored(d, next.importId).map((e) => e.ts_text)).toEqual(['2026-03-03T07:00:00Z']);
  });

  it("a continuation's new lines may lie after the earlier import's now without moving back", async () => {
    const d = db();
    const file = join(dir, 'oct-nov-grows.log');
    // Imported on 2025-11-21 up to Nov 20; a year later the same log holds December to February too.
    writeFileSync(file, logOf(OCT_TO_FEB.slice(0, 3)));
    await importLogFile(d, file, { tz: 'UTC', now: () => Date.UTC(2025, 10, 21, 12) });
    writeFileSync(file, logOf(OCT_TO_FEB));
    const next = await importLogFile(d, file, { tz: 'UTC', now: NOV_21 });
    expect(stored(d, next.importId).map((e) => e.ts_text)).toEqual(OCT_TO_FEB_DATED.slice(3));
  });

  it('leaves a log that does not end in the future, and --year, as they were', async () => {
    const d = db();
    // Oct -> Nov 20 imported on Nov 21: this year.
    const phases: string[] = [];
    const recent = await importLogFile(
      d,
      writeLog('oct-nov.log', OCT_TO_FEB.slice(0, 3)),
      { tz: 'UTC', now: NOV_21 },
      (p) => phases.push(p.phase),
    );
    expect(phases).not.toContain('redating');
    expect(stored(d, recent.importId).map((e) => e.ts_text)).toEqual([
      '2026-10-03T08:00:01Z',
      '2026-10-29T12:00:00Z',
      '2026-11-20T23:59:59Z',
    ]);
    // --year 2026: the user's year, rolled over, even where it lies ahead. (Another database: in this one the file
    // would continue the import above, read as that one was.)
    const y = db();
    const given = await importLogFile(y, writeLog('oct-feb-year.log', OCT_TO_FEB), {
      tz: 'UTC',
      year: 2026,
      now: NOV_21,
    });
    expect(stored(y, given.importId).map((e) => e.ts_text)).toEqual(
      OCT_TO_FEB_DATED.map((t) => t.replace('2025-', '2026-').replace(/^2026-(0[12])/, '2027-$1')),
    );
  });
});
