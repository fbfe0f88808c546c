import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { buildReport } from '../../../main/core/report/build';
import { CSV_HEADER, renderCsv } from '../../../main/core/report/csv';
import { buildMailto } from '../../../main/core/report/mail';
import type { ReportOptions } from '../../../main/core/report/model';
import { buildXarf } from '../../../main/core/report/xarf';
import { AKAMAI_EDGE, SCANNER, hostEvents, ufwEvents } from './ufw-events';
import { xarfValidator } from './xarf-schema';

const OPTIONS: ReportOptions = {
  reportId: '6f1c2a9e-4b7d-4c1e-9a3f-2d5e8b7c1a00',
  now: Date.UTC(2026, 10, 21, 1, 0, 0),
  language: 'en',
  redact: true,
  reporter: { name: 'Kaito Tanaka', email: 'kaito@example.jp' },
};
const scan = (opts: Partial<ReportOptions> = {}) =>
  buildReport(
    {
      host: SCANNER.ip,
      events: hostEvents(ufwEvents('ufw-scan.log'), SCANNER.ip),
      attribution: SCANNER,
      verdict: { id: 'scan' },
    },
    { ...OPTIONS, ...opts },
  );

/** Minimal RFC 4180 reader for the test (quoted fields, doubled quotes, CRLF). */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        cell += '"';
        i++;
      } else if (c === '"') quoted = false;
      else cell += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') {
      row.push(cell);
      cell = '';
    } else if (c === '\r' && text[i + 1] === '\n') {
      row.push(cell);
      rows.push(row);
      row = [];
      cell = '';
      i++;
    } else cell += c;
  }
  return rows;
}

describe('CSV', () => {
  it('has one row per event with exactly the requested fields and the masked log line', () => {
    const csv = renderCsv(scan());
    expect(csv.endsWith('\r\n')).toBe(true);
    const [header, ...rows] = parseCsv(csv);
    expect(header).toEqual([...CSV_HEADER]);
    expect(rows).toHaveLength(5);
    expect(rows[0]?.slice(0, 9)).toEqual([
      '2026-11-21T09:14:03+09:00',
      'Asia/Tokyo',
      'yes',
      'tcp',
      '45.155.205.10',
      '51638',
      '198.51.100.7',
      '22',
      'SYN',
    ]);
    expect(rows[0]?.[9]).toMatch(
      /^Nov 21 09:14:03 \[host-1\] kernel: .* MAC=\[MAC\] SRC=45\.155\.205\.10 DST=198\.51\.100\.7 /,
    );
  });

  it('quotes fields holding commas and quotes (RFC 4180)', () => {
    const events = hostEvents(ufwEvents('ufw-scan.log'), SCANNER.ip).map((e) => ({ ...e, raw: `${e.raw} note="a,b"` }));
    const r = buildReport({ host: SCANNER.ip, events, attribution: SCANNER, verdict: { id: 'scan' } }, OPTIONS);
    expect(parseCsv(renderCsv(r))[1]?.[9]).toMatch(/ note="a,b"$/);
  });
});

describe('X-ARF v4', () => {
  const validate = xarfValidator();

  it('validates against the official connection/port_scan schema', () => {
    const x = buildXarf(scan(), { sha256: (b) => createHash('sha256').update(b).digest('hex') });
    expect(validate(x), JSON.stringify(validate.errors)).toBe(true);
    expect(x).toMatchObject({
      xarf_version: '4.0.0',
      category: 'connection',
      type: 'port_scan',
      source_identifier: '45.155.205.10',
      source_port: 51638,
      destination_ip: '198.51.100.7',
      protocol: 'tcp',
      first_seen: '2026-11-21T09:14:03+09:00',
      last_seen: '2026-11-21T09:15:12+09:00',
      evidence_source: 'firewall_logs',
      tcp_flags: ['SYN'],
      event_count: 5,
      time_zone: 'Asia/Tokyo',
      reporter: { org: 'Kaito Tanaka', contact: 'kaito@example.jp', domain: 'example.jp' },
    });
    const csv = Buffer.from(x.evidence[0]?.payload ?? '', 'base64').toString('utf8');
    expect(csv).toContain('2026-11-21T09:14:04+09:00,Asia/Tokyo,yes,tcp,45.155.205.10,51638,198.51.100.7,23,SYN,');
    expect(x.evidence[0]?.hash).toBe(`sha256:${createHash('sha256').update(csv).digest('hex')}`);
  });

  it('stays valid without a reporter address (placeholder in .invalid) and for a harmless verdict', () => {
    const r = buildReport(
      {
        host: AKAMAI_EDGE.ip,
        events: ufwEvents('ufw-akamai-reply.log'),
        attribution: AKAMAI_EDGE,
        verdict: { id: 'cdn-reply' },
      },
      { ...OPTIONS, reporter: null },
    );
    const x = buildXarf(r);
    expect(validate(x), JSON.stringify(validate.errors)).toBe(true);
    expect(x['reporter']).toEqual({
      org: 'Private individual',
      contact: 'reporter@example.invalid',
      domain: 'example.invalid',
    });
    // The only destination is a masked LAN address: no destination_ip rather than a fake one.
    expect(x['destination_ip']).toBeUndefined();
    expect(x['tcp_flags']).toEqual(['ACK', 'RST']);
  });

  it('is rejected by the schema when a required field is missing (the validator really checks)', () => {
    const x = buildXarf(scan());
    delete x['first_seen'];
    expect(validate(x)).toBe(false);
  });
});

describe('mailto', () => {
  it('opens the mail program with recipient, subject and body when short enough', () => {
    const events = hostEvents(ufwEvents('ufw-scan.log'), SCANNER.ip).slice(0, 1);
    const r = buildReport(
      { host: SCANNER.ip, events, attribution: SCANNER, verdict: { id: 'scan' } },
      { ...OPTIONS, summary: 'Port scan.' },
    );
    const m = buildMailto(r, 4000);
    expect(m.ok).toBe(true);
    if (!m.ok) return;
    const url = new URL(m.url);
    expect(url.protocol).toBe('mailto:');
    expect(url.pathname).toBe('abuse@hosting.example');
    expect(url.searchParams.get('subject')).toMatch(/^Abuse report: unsolicited TCP traffic from 45\.155\.205\.10/);
    expect(url.searchParams.get('body')).toContain('\r\nPort scan.\r\n');
  });

  it('tells the caller to use the .eml when the body is too long for a mailto: link', () => {
    const m = buildMailto(scan());
    expect(m).toMatchObject({ ok: false, reason: 'too-long' });
  });
});
