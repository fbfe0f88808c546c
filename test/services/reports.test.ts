import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Database } from 'better-sqlite3';
import { openDatabase } from '../../main/db/open';
import { importLogFile } from '../../main/services/import';
import {
  createReportService,
  ReportDraftGoneError,
  ReportInputError,
  type ReportService,
} from '../../main/services/reports';
import { REPORT_DRAFT_GONE } from '../../preload/contract/reports';
import { AKAMAI_EDGE, longScanLog } from '../core/report/ufw-events';

const FIXTURES = join(__dirname, '../fixtures/report');

/**
 * A line of netfilter.log (an ACK from 158.109.0.1 to a LAN PC, stamped in UTC) `count` times, one second apart
 * from 2021-03-12T14:10:18Z, to local ports 1, 2, 3, …: a month of replies from one server, shortened.
 */
function busyReplyLog(count: number): string {
  const template =
    readFileSync(join(__dirname, '../fixtures/logs/netfilter.log'), 'utf8')
      .split('\n')
      .find((l) => l.includes('SRC=158.109.0.1 ')) ?? '';
  const start = Date.parse('2021-03-12T14:10:18Z');
  const lines: string[] = [];
  for (let i = 0; i < count; i++) {
    const stamp = new Date(start + i * 1000).toISOString().replace('.000Z', 'Z');
    lines.push(template.replace('2021-03-12T14:10:18Z', stamp).replace(/ DPT=\d+ /, ` DPT=${i + 1} `));
  }
  return lines.join('\n') + '\n';
}

describe('report service', () => {
  let db: Database;
  let service: ReportService;
  let t = Date.UTC(2026, 10, 21, 3, 0, 0);

  beforeEach(async () => {
    db = openDatabase(':memory:');
    service = createReportService({
      db,
      attribute: (ip) => Promise.resolve(ip === AKAMAI_EDGE.ip ? AKAMAI_EDGE : null),
      now: () => (t += 1000),
      generator: 'NetWhy test',
    });
    await importLogFile(db, join(FIXTURES, 'ufw-scan.log'), { tz: 'Asia/Tokyo', year: 2026 });
    await importLogFile(db, join(FIXTURES, 'ufw-akamai-reply.log'), { tz: 'Asia/Tokyo', year: 2026 });
  });
  afterEach(() => db.close());

  it('creates a report from a host with its events, and lists it once kept', async () => {
    const view = await service.create({ kind: 'host', host: '45.155.205.10' });
    expect(view.eventCount).toBe(5);
    expect(view.rows.map((r) => r.dport)).toEqual([22, 23, 3389, 445, 8080]);
    expect(view.rows[0]).toMatchObject({ time: '2026-11-21T09:14:03+09:00', zone: 'Asia/Tokyo', zoneAssumed: true });
    expect(view.text).not.toContain('kaito-pc');
    const id = service.keep(view.id);
    expect(service.list()).toEqual([
      expect.objectContaining({ id, host: '45.155.205.10', eventCount: 5, recipient: null }),
    ]);
    expect(service.open(id).text).toBe(view.text);
  });

  it('stores nothing for a report the user only looked at or cancelled at the warning', async () => {
    // The window prepares the report to show the harmless-verdict warning; Cancel there used to leave it listed.
    const cancelled = await service.create({ kind: 'host', host: AKAMAI_EDGE.ip });
    expect(cancelled.warning).not.toBeNull();
    const looked = await service.create({ kind: 'host', host: '45.155.205.10' });
    // Saving or mailing a draft renders it as it would a stored one, still without storing it.
    expect((await service.file(looked.id, 'csv')).name).toBe('netwhy-report-45.155.205.10-2026-11-21.csv');
    expect(service.open(looked.id).host).toBe('45.155.205.10');
    expect(service.list()).toEqual([]);
    expect(db.prepare('SELECT COUNT(*) AS n FROM reports').get()).toEqual({ n: 0 });
    expect(service.remove(cancelled.id)).toBe(true);
    expect(() => service.open(cancelled.id)).toThrow(ReportInputError);
  });

  it('stores a report on its first edit, and the draft id the window still holds finds the stored one', async () => {
    const draft = await service.create({ kind: 'host', host: '45.155.205.10' });
    const edited = service.update(draft.id, { recipient: 'abuse@hosting.example' });
    expect(edited.id).toBeGreaterThan(0);
    expect(service.list()).toEqual([expect.objectContaining({ id: edited.id, recipient: 'abuse@hosting.example' })]);
    // A copy the window sent with the draft id before the answer came back, and a keep after the edit.
    expect(service.open(draft.id).id).toBe(edited.id);
    expect(service.keep(draft.id)).toBe(edited.id);
    expect(service.list()).toHaveLength(1);
  });

  it('says a draft forgotten after 16 newer ones is gone, and stores nothing for it', async () => {
    // A window left open on a report while 16 more were prepared (and never kept) still shows the first one.
    const first = await service.create({ kind: 'host', host: '45.155.205.10' });
    for (let i = 0; i < 16; i++) await service.create({ kind: 'host', host: '45.155.205.10' });
    const gone = (call: () => unknown): unknown => {
      try {
        call();
      } catch (e) {
        return e;
      }
      return null;
    };
    const edit = gone(() => service.update(first.id, { recipient: 'abuse@hosting.example' }));
    expect(edit).toBeInstanceOf(ReportDraftGoneError);
    // The window tells this failure from others by the message, the only part that crosses ipc.
    expect((edit as Error).message).toMatch(new RegExp(`^${REPORT_DRAFT_GONE}: `));
    await expect(service.file(first.id, 'text')).rejects.toBeInstanceOf(ReportDraftGoneError);
    expect(gone(() => service.open(first.id))).toBeInstanceOf(ReportDraftGoneError);
    expect(service.list()).toEqual([]);
    // A stored report deleted since is not a forgotten draft.
    const kept = service.keep((await service.create({ kind: 'host', host: '45.155.205.10' })).id);
    service.remove(kept);
    expect(gone(() => service.open(kept))).not.toBeInstanceOf(ReportDraftGoneError);
  });

  it('remembers the stored id of the 16 latest kept drafts only', async () => {
    const drafts: number[] = [];
    const stored: number[] = [];
    for (let i = 0; i < 17; i++) {
      const { id } = await service.create({ kind: 'host', host: '45.155.205.10' });
      drafts.push(id);
      stored.push(service.keep(id));
    }
    // The window switched to the stored id when the keep answered; a draft id is only needed for calls in flight.
    expect(service.open(drafts[16]!).id).toBe(stored[16]);
    expect(service.open(drafts[1]!).id).toBe(stored[1]);
    expect(() => service.open(drafts[0]!)).toThrow(ReportDraftGoneError);
    expect(service.open(stored[0]!).id).toBe(stored[0]);
    expect(service.list()).toHaveLength(17);
  });

  it('takes the recipient from attribution and warns for harmless Akamai replies', async () => {
    const view = await service.create({ kind: 'verdict', host: AKAMAI_EDGE.ip, verdict: 'cdn-reply' });
    expect(view.recipient).toBe('abuse@akamai.com');
    expect(view.warning?.ja).toContain('CDN');
    expect(view.rows.every((r) => r.dst === '[LAN-1]')).toBe(true);
  });

  it('reopens a report with the user’s edits and re-renders when redaction is switched off', async () => {
    const { id } = await service.create({ kind: 'host', host: AKAMAI_EDGE.ip });
    service.update(id, {
      summary: 'Replies from 23.205.116.42 hit my PC 192.168.1.130.',
      recipient: 'noc@isp.example',
    });
    const reopened = service.open(id);
    expect(reopened.summary.en).toBe('Replies from 23.205.116.42 hit my PC [LAN-1].');
    expect(reopened.recipient).toBe('noc@isp.example');
    expect(service.update(id, { redact: false }).text).toContain('DST=192.168.1.130');
    expect(service.list()[0]?.recipient).toBe('noc@isp.example');
  });

  it('builds a report from a time range or from event ids', async () => {
    const from = Date.parse('2026-11-21T09:14:00+09:00');
    const range = await service.create({ kind: 'range', host: null, from, to: from + 10_000 });
    expect(range.host).toBe('45.155.205.10');
    expect(range.eventCount).toBe(4);
    const ids = (db.prepare("SELECT id FROM events WHERE remote = '23.205.116.42'").all() as { id: number }[]).map(
      (r) => r.id,
    );
    const picked = await service.create({ kind: 'events', ids: ids.slice(0, 2) });
    expect(picked).toMatchObject({ host: '23.205.116.42', eventCount: 2 });
    // LAN chatter among the chosen rows, even more of it, names nobody to report: the internet address stays.
    const lan = db.prepare(
      `INSERT INTO events (import_id, line, ts_utc, proto, src, sport, dst, dport, action, flags, format, remote, raw)
       SELECT import_id, 100000 + ?, ts_utc, 'udp', '192.168.1.5', 5353, '224.0.0.251', 5353, 'allow', '', format, NULL,
              'mdns' FROM events WHERE id = ?`,
    );
    const lanIds = [1, 2, 3].map((n) => Number(lan.run(n, ids[0]).lastInsertRowid));
    const mixed = await service.create({ kind: 'events', ids: [...ids.slice(0, 2), ...lanIds] });
    expect(mixed).toMatchObject({ host: '23.205.116.42', eventCount: 2 });
  });

  it('refuses a host without events', async () => {
    await expect(service.create({ kind: 'host', host: '203.0.113.9' })).rejects.toThrow(ReportInputError);
  });

  it('renders each format as a file', async () => {
    const { id } = await service.create({ kind: 'host', host: '45.155.205.10' });
    const eml = await service.file(id, 'eml');
    expect(eml.name).toBe('netwhy-report-45.155.205.10-2026-11-21.eml');
    expect(eml.content.toString('utf8')).toMatch(/^Subject: Abuse report/m);
    expect(JSON.parse((await service.file(id, 'xarf')).content.toString('utf8'))).toMatchObject({ type: 'port_scan' });
  });

  it('lists 500 events of a longer scan but counts and dates all of them, also when reopened', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'netwhy-report-long-'));
    try {
      const log = join(dir, 'long-scan.log');
      // The same scanner as ufw-scan.log, another day: 800 SYNs 10 s apart.
      writeFileSync(log, longScanLog(800).replace(/^Nov 21 /gm, 'Nov 22 '));
      await importLogFile(db, log, { tz: 'Asia/Tokyo', year: 2026 });
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
    const created = await service.create({ kind: 'host', host: '45.155.205.10' });
    const id = service.keep(created.id);
    for (const view of [created, service.open(id)]) {
      expect(view.eventCount).toBe(805);
      expect(view.rows).toHaveLength(500);
      expect(view.text).toContain('Events: 805');
      expect(view.text).toContain('(305 more events not listed)');
      expect(view.text).toContain('First seen: 2026-11-21T09:14:03+09:00 Asia/Tokyo');
      expect(view.text).toContain('Last seen: 2026-11-22T11:27:13+09:00 Asia/Tokyo');
      expect(JSON.parse(view.xarf)).toMatchObject({ event_count: 805, last_seen: '2026-11-22T11:27:13+09:00' });
    }
    expect(service.list()[0]).toMatchObject({ id, eventCount: 805 });
  });

  // The report read at most 10,000 events of a host and spoke for those only. 10,000 events take several seconds
  // to total (each event's zone), so this host has 1,503 and the report reads pages of 400: a walk that stops
  // early, like the old cap, leaves events out just the same.
  describe('a host with more events than a page of them', () => {
    const HOST = '158.109.0.1';
    // The rules' time on the verdict sample is not what is tested here.
    const busy = (): ReportService =>
      createReportService({
        db,
        attribute: () => Promise.resolve(null),
        now: () => (t += 1000),
        generator: 'NetWhy test',
        pageEvents: 400,
        judgeEvents: 50,
      });

    // 1,500 ACKs one second apart (14:10:18 to 14:35:17 UTC) to ports 1 to 1,500, and three lines without a time.
    beforeEach(async () => {
      const dir = mkdtempSync(join(tmpdir(), 'netwhy-report-busy-'));
      try {
        const log = join(dir, 'busy-replies.log');
        writeFileSync(log, busyReplyLog(1_500));
        await importLogFile(db, log, { tz: 'Asia/Tokyo', year: 2026 });
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
      db.prepare(
        `INSERT INTO events (import_id, line, ts_utc, ts_text, zone, proto, src, sport, dst, dport, action, flags,
           format, remote, raw)
         SELECT import_id, 900000 + n.value, NULL, NULL, NULL, proto, src, sport, dst, 65000 + n.value, action, flags,
           format, remote, 'untimed ' || n.value
         FROM events, json_each('[1,2,3]') AS n WHERE remote = ? ORDER BY events.id LIMIT 3`,
      ).run(HOST);
    });

    it('counts, dates and sums up every event, lists the earliest 500, and the Reports list agrees', async () => {
      const service = busy();
      const created = await service.create({ kind: 'host', host: HOST });
      const id = service.keep(created.id);
      for (const view of [created, service.open(id)]) {
        expect(view.eventCount).toBe(1_503);
        expect(view.text).toContain('Events: 1503');
        expect(view.text).toContain('First seen: 2021-03-12T14:10:18+00:00');
        expect(view.text).toContain('Last seen: 2021-03-12T14:35:17+00:00');
        expect(view.summary.en).toContain('TCP flags: ACK.');
        // Ports 1 to 1,500 and the untimed lines' 65001 to 65003.
        expect(view.summary.en).toContain(
          'Destination ports: 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20, … and 1483 more ' +
            '(1503 ports).',
        );
        expect(JSON.parse(view.xarf)).toMatchObject({ event_count: 1_503, last_seen: '2021-03-12T14:35:17+00:00' });
        // The earliest 500 by time; the untimed lines would come last.
        expect(view.rows).toHaveLength(500);
        expect(view.rows[0]?.time).toBe('2021-03-12T14:10:18+00:00');
        expect(view.rows[499]?.time).toBe('2021-03-12T14:18:37+00:00');
        expect(view.rows.every((r) => r.raw.includes(`SRC=${HOST} `))).toBe(true);
      }
      expect(service.list()[0]).toMatchObject({
        id,
        eventCount: 1_503,
        firstTs: Date.parse('2021-03-12T14:10:18Z'),
        lastTs: Date.parse('2021-03-12T14:35:17Z'),
      });
    });

    it('reads a time range of the host page by page, from its first instant to before its end', async () => {
      const service = busy();
      const from = Date.parse('2021-03-12T14:20:00Z');
      const view = await service.create({ kind: 'range', host: HOST, from, to: from + 600_000 });
      expect(view.eventCount).toBe(600);
      expect(view.text).toContain('First seen: 2021-03-12T14:20:00+00:00');
      expect(view.text).toContain('Last seen: 2021-03-12T14:29:59+00:00');
      expect(view.rows).toHaveLength(500);
      expect(view.rows[0]?.time).toBe('2021-03-12T14:20:00+00:00');
      service.keep(view.id);
      expect(service.list()[0]).toMatchObject({ eventCount: 600 });
    });
  });
});
