import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Database } from 'better-sqlite3';
import { openDatabase } from '../../main/db/open';
import { importLogFile } from '../../main/services/import';
import { createReportService, ReportInputError, type ReportService } from '../../main/services/reports';
import { AKAMAI_EDGE, longScanLog } from '../core/report/ufw-events';

const FIXTURES = join(__dirname, '../fixtures/report');

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

  it('creates a report from a host with its events, stores it and lists it', async () => {
    const view = await service.create({ kind: 'host', host: '45.155.205.10' });
    expect(view.eventCount).toBe(5);
    expect(view.rows.map((r) => r.dport)).toEqual([22, 23, 3389, 445, 8080]);
    expect(view.rows[0]).toMatchObject({ time: '2026-11-21T09:14:03+09:00', zone: 'Asia/Tokyo', zoneAssumed: true });
    expect(view.text).not.toContain('kaito-pc');
    expect(service.list()).toEqual([
      expect.objectContaining({ id: view.id, host: '45.155.205.10', eventCount: 5, recipient: null }),
    ]);
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
    for (const view of [created, service.open(created.id)]) {
      expect(view.eventCount).toBe(805);
      expect(view.rows).toHaveLength(500);
      expect(view.text).toContain('Events: 805');
      expect(view.text).toContain('(305 more events not listed)');
      expect(view.text).toContain('First seen: 2026-11-21T09:14:03+09:00 Asia/Tokyo');
      expect(view.text).toContain('Last seen: 2026-11-22T11:27:13+09:00 Asia/Tokyo');
      expect(JSON.parse(view.xarf)).toMatchObject({ event_count: 805, last_seen: '2026-11-22T11:27:13+09:00' });
    }
    expect(service.list()[0]).toMatchObject({ id: created.id, eventCount: 805 });
  });
});
