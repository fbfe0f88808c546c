import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import PostalMime from 'postal-mime';
import { afterAll, describe, expect, it } from 'vitest';
import { runCli } from '../../main/cli/main';
import { longScanLog } from '../core/report/ufw-events';
import { xarfValidator } from '../core/report/xarf-schema';
import { captureIo } from '../helpers/cli-io';

const DIR = join(__dirname, '../fixtures/report');
const SCAN = join(DIR, 'ufw-scan.log');
const REPLY = join(DIR, 'ufw-akamai-reply.log');
// Netgear "DoS Attack: ACK Scan / SYN/ACK Scan / RST Scan" lines from Akamai edges: late replies, not a scan.
const NETGEAR_ACK = join(__dirname, '../fixtures/scenarios/netgear-ack-akamai.log');
const tmp = mkdtempSync(join(tmpdir(), 'netwhy-report-cli-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

const capture = captureIo;

const run = async (...argv: string[]) => {
  const c = capture();
  const code = await runCli(['report', ...argv, '--offline'], c.io);
  return { code, out: c.out(), err: c.err() };
};

describe('netwhy report', () => {
  it('text: one line per event with ISO time + offset, protocol, source/destination IP and port, TCP flags', async () => {
    const { code, out } = await run(SCAN, '--host', '45.155.205.10', '--tz', 'Asia/Tokyo', '--year', '2026');
    expect(code).toBe(0);
    const lines = out.split('\n').filter((l) => /^\d{4}-\d{2}-\d{2}T/.test(l));
    expect(lines).toHaveLength(5);
    expect(lines.map((l) => l.split(/\s+/))).toEqual(
      [22, 23, 3389, 445, 8080].map((port, i) => [
        [
          '2026-11-21T09:14:03+09:00',
          '2026-11-21T09:14:04+09:00',
          '2026-11-21T09:14:06+09:00',
          '2026-11-21T09:14:09+09:00',
          '2026-11-21T09:15:12+09:00',
        ][i],
        'Asia/Tokyo',
        'TCP',
        '45.155.205.10',
        '51638',
        '198.51.100.7',
        String(port),
        'SYN',
      ]),
    );
    expect(out).toContain('NetWhy assumed Asia/Tokyo');
    // The other address in the file (a LAN multicast sender) is neither reported nor leaked.
    expect(out).not.toContain('192.168.1.124');
    expect(out).not.toContain('kaito-pc');
  });

  it('exits non-zero with a clear message when the host has no events', async () => {
    const { code, out, err } = await run(SCAN, '--host', '203.0.113.9', '--tz', 'Asia/Tokyo');
    expect(code).toBe(1);
    expect(out).toBe('');
    expect(err).toContain('no events for 203.0.113.9');
  });

  it('rejects a missing --host as a usage error', async () => {
    expect((await run(SCAN)).code).toBe(2);
  });

  it('xarf: validates against the vendored official X-ARF v4 schema', async () => {
    const { code, out } = await run(
      SCAN,
      '--host',
      '45.155.205.10',
      '--tz',
      'Asia/Tokyo',
      '--year',
      '2026',
      '--format',
      'xarf',
      '--from',
      'me@example.jp',
    );
    expect(code).toBe(0);
    const x = JSON.parse(out) as Record<string, unknown>;
    const validate = xarfValidator();
    expect(validate(x), JSON.stringify(validate.errors)).toBe(true);
    expect(x).toMatchObject({
      source_identifier: '45.155.205.10',
      first_seen: '2026-11-21T09:14:03+09:00',
      tcp_flags: ['SYN'],
    });
  });

  it('csv to a file, with the stated offset kept and the LAN destination masked', async () => {
    const out = join(tmp, 'reply.csv');
    const r = await run(REPLY, '--host', '23.205.116.42', '--format', 'csv', '--out', out);
    expect(r.code).toBe(0);
    const csv = readFileSync(out, 'utf8').split('\r\n');
    expect(csv[1]).toMatch(
      /^2026-11-21T09:20:05\.536\+09:00,UTC\+09:00,no,tcp,23\.205\.116\.42,443,\[LAN-1\],60722,ACK,/,
    );
    expect(csv.join('\n')).not.toContain('192.168.1.130');
    expect(r.err).toContain(`netwhy report: wrote ${out} (3 events)`);
    const ja = await run(REPLY, '--host', '23.205.116.42', '--format', 'csv', '--out', out, '--lang', 'ja');
    expect(ja.err).toContain(`netwhy report: ${out} に書き出しました（3 件のイベント）`);
  });

  it('eml: a draft with the body and the CSV attached, and the harmless warning on stderr (ja)', async () => {
    const r = await run(
      REPLY,
      '--host',
      '23.205.116.42',
      '--format',
      'eml',
      '--lang',
      'ja',
      '--to',
      'abuse@akamai.com',
    );
    expect(r.code).toBe(0);
    expect(r.err).toMatch(/CDN/);
    const mail = await PostalMime.parse(r.out);
    expect(mail.to?.[0]?.address).toBe('abuse@akamai.com');
    expect(mail.text).toContain('23.205.116.42');
    expect(mail.attachments[0]?.mimeType).toBe('text/csv');
  });

  it('dates the last of more events than the report lists (text and X-ARF)', async () => {
    const log = join(tmp, 'long-scan.log');
    writeFileSync(log, longScanLog(800));
    const args = [log, '--host', '45.155.205.10', '--tz', 'Asia/Tokyo', '--year', '2026'];
    const text = await run(...args);
    expect(text.code).toBe(0);
    expect(text.out).toContain('Events: 800');
    expect(text.out).toContain('(300 more events not listed)');
    expect(text.out).toContain('Last seen: 2026-11-21T11:27:13+09:00 Asia/Tokyo');
    expect(text.out).toContain('and 2026-11-21T11:27:13+09:00 (Asia/Tokyo)');
    const xarf = await run(...args, '--format', 'xarf');
    expect(JSON.parse(xarf.out)).toMatchObject({
      first_seen: '2026-11-21T09:14:03+09:00',
      last_seen: '2026-11-21T11:27:13+09:00',
      event_count: 800,
    });
  });

  it('names each TCP flag combination seen, not one merged set that reads as if SYNs were sent', async () => {
    const args = [NETGEAR_ACK, '--host', '23.32.5.10', '--tz', 'UTC', '--year', '2024'];
    const text = await run(...args, '--japanese');
    expect(text.code).toBe(0);
    expect(text.out).toContain('\nTCP flags: ACK; SYN+ACK; RST\n');
    expect(text.out).toContain('Protocol: TCP. TCP flags: ACK; SYN+ACK; RST. Destination ports: -.');
    expect(text.out).toContain('\nTCP フラグ: ACK、SYN+ACK、RST\n');
    expect(text.out).toContain('プロトコル: TCP。TCP フラグ: ACK、SYN+ACK、RST。');
    expect(text.out).not.toContain('SYN,ACK,RST');
    // The per-event rows keep each packet's own flags.
    expect(text.out).toMatch(/^2024-03-10T09:49:31\+00:00 .* SYN,ACK$/m);
    const xarf = JSON.parse((await run(...args, '--format', 'xarf')).out) as Record<string, unknown>;
    expect(xarf['tcp_flags']).toEqual(['ACK', 'SYN+ACK', 'RST']);
    expect(xarfValidator()(xarf)).toBe(true);
  });

  it('writes "-" for the destination a Netgear line does not name, so the columns stay readable', async () => {
    const { code, out } = await run(NETGEAR_ACK, '--host', '23.32.5.10', '--tz', 'UTC', '--year', '2024', '--japanese');
    expect(code).toBe(0);
    const rows = out.split('\n').filter((l) => l.startsWith('2024-03-10T08:00:00+00:00'));
    // The English table, then the Japanese copy's.
    expect(rows.map((l) => l.split(/\s+/))).toEqual([
      ['2024-03-10T08:00:00+00:00', 'UTC', 'TCP', '23.32.5.10', '443', '-', '-', 'ACK'],
      ['2024-03-10T08:00:00+00:00', 'UTC', 'TCP', '23.32.5.10', '443', '-', '-', 'ACK'],
    ]);
  });

  it('refuses a --to or --from that is not an e-mail address, in the --lang language', async () => {
    const args = [SCAN, '--host', '45.155.205.10', '--tz', 'Asia/Tokyo', '--year', '2026'];
    const en = await run(...args, '--to', 'abuse-at-akamai.com');
    expect(en.code).toBe(2);
    expect(en.out).toBe('');
    expect(en.err).toContain('--to must be an e-mail address like abuse@example.net, not "abuse-at-akamai.com"');
    const ja = await run(...args, '--from', 'kaito@', '--lang', 'ja');
    expect(ja.code).toBe(2);
    expect(ja.err).toContain(
      '--from にはメールアドレス（例: abuse@example.net）を指定してください（指定された値: "kaito@"）',
    );
    expect((await run(...args, '--to', 'abuse@akamai.com', '--format', 'eml')).code).toBe(0);
  });
});
