import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Database } from 'better-sqlite3';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase } from '../../main/db/open';
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
