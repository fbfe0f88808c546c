import { describe, expect, it } from 'vitest';
import {
  buildReport,
  listedEvents,
  listedEventsCollector,
  reportTotals,
  reportTotalsAccumulator,
} from '../../../main/core/report/build';
import type { ReportOptions } from '../../../main/core/report/model';
import { eventTableLines, renderTextBody, reportSubject } from '../../../main/core/report/text';
import { AKAMAI_EDGE, SCANNER, hostEvents, longScanLog, ufwEvents, ufwLineEvents } from './ufw-events';

const OPTIONS: ReportOptions = {
  reportId: '6f1c2a9e-4b7d-4c1e-9a3f-2d5e8b7c1a00',
  now: Date.UTC(2026, 10, 21, 1, 0, 0),
  language: 'en',
  redact: true,
  reporter: { name: 'Kaito Tanaka', email: 'kaito@example.jp' },
};

const scanInput = () => ({
  host: SCANNER.ip,
  events: hostEvents(ufwEvents('ufw-scan.log'), SCANNER.ip),
  attribution: SCANNER,
  verdict: { id: 'scan' as const },
});
const scan = () => buildReport(scanInput(), OPTIONS);
const akamai = (opts: Partial<ReportOptions> = {}) =>
  buildReport(
    {
      host: AKAMAI_EDGE.ip,
      events: ufwEvents('ufw-akamai-reply.log'),
      attribution: AKAMAI_EDGE,
      verdict: { id: 'cdn-reply' },
    },
    { ...OPTIONS, ...opts },
  );

describe('report text body', () => {
  it('lists one line per event with ISO time + offset, zone, protocol, addresses, ports and TCP flags', () => {
    const body = renderTextBody(scan());
    const lines = body.split('\n');
    for (const [time, dport] of [
      ['2026-11-21T09:14:03+09:00', 22],
      ['2026-11-21T09:14:04+09:00', 23],
      ['2026-11-21T09:14:06+09:00', 3389],
      ['2026-11-21T09:14:09+09:00', 445],
      ['2026-11-21T09:15:12+09:00', 8080],
    ] as const) {
      const row = lines.find((l) => l.startsWith(time));
      expect(row, time).toBeDefined();
      expect(row?.split(/\s+/)).toEqual([
        time,
        'Asia/Tokyo',
        'TCP',
        '45.155.205.10',
        '51638',
        '198.51.100.7',
        String(dport),
        'SYN',
      ]);
    }
    // The log had no zone: the report says which zone the import assumed.
    expect(body).toContain('NetWhy assumed Asia/Tokyo');
    expect(body).toContain('Events: 5');
    expect(body).toMatch(/First seen: 2026-11-21T09:14:03\+09:00 Asia\/Tokyo/);
    expect(reportSubject(scan())).toBe(
      'Abuse report: unsolicited TCP traffic from 45.155.205.10 (AS64500) - 5 events, 2026-11-21',
    );
  });

  it('carries the attribution evidence and the unmodified-but-masked log lines', () => {
    const body = renderTextBody(scan());
    expect(body).toContain('AS: AS64500 EXAMPLE-HOSTING');
    expect(body).toContain('RDAP registrant: Example Hosting B.V. / EXAMPLE-NET');
    expect(body).toContain('- 45.155.205.10 is announced by AS64500 (EXAMPLE-HOSTING)');
    expect(body).toContain(
      'Nov 21 09:14:03 [host-1] kernel: [3217949.737464] [UFW BLOCK] IN=eth0 OUT= MAC=[MAC] SRC=45.155.205.10 DST=198.51.100.7 LEN=40',
    );
  });

  it('masks the LAN address, MAC and host name but keeps the public destination, and says so', () => {
    const r = scan();
    const body = renderTextBody(r);
    expect(body).not.toContain('kaito-pc');
    expect(body).not.toMatch(/52:54:00:7c/);
    expect(body).toContain('198.51.100.7');
    expect(body).toContain('My public destination address 198.51.100.7 is kept');
    expect(r.destinations).toEqual(['198.51.100.7']);

    const reply = renderTextBody(akamai());
    expect(reply).not.toContain('192.168.1.130');
    expect(reply).not.toContain('00:15:5d');
    expect(reply).not.toContain('kaito-pc');
    expect(reply).toMatch(
      /2026-11-21T09:20:05\+09:00\s+UTC\+09:00\s+TCP\s+23\.205\.116\.42\s+443\s+\[LAN-1\]\s+60722\s+ACK/,
    );
    expect(reply).toContain('SRC=23.205.116.42 DST=[LAN-1]');
  });

  it('masks what the user typed into the summary too', () => {
    const r = akamai({ summary: 'My PC kaito-pc (192.168.1.130, MAC 00:15:5d:a4:41:08) got these.' });
    expect(r.summary.en).toBe('My PC [host-1] ([LAN-1], MAC [MAC]) got these.');
  });

  it('keeps everything when redaction is switched off', () => {
    const body = renderTextBody(akamai({ redact: false }));
    expect(body).toContain('kaito-pc');
    expect(body).toContain('DST=192.168.1.130');
    expect(body).toContain('MAC=00:15:5d:a4:41:08:34:60:f9:97:55:d5:08:00');
  });

  it('appends a Japanese copy on request, English first', () => {
    const body = renderTextBody(akamai({ japaneseCopy: true }));
    expect(body.indexOf('Hello,')).toBeLessThan(body.indexOf('----- 日本語 (Japanese copy) -----'));
    expect(body).toContain('日時 (ISO 8601)');
    expect(body).toContain('AS20940 は Akamai (AKAMAI-ASN1)');
    expect(body).toMatch(/私のファイアウォールが、23\.205\.116\.42（AS20940, Akamai International B\.V\.）から/);
  });

  it('counts the MAC addresses it masked once each, however many lines carry them', () => {
    // Three lines, each MAC=<PC's MAC>:<router's MAC>:08:00: two addresses, not three (or six) occurrences.
    expect(akamai().redaction).toMatchObject({ lanAddresses: 1, macAddresses: 2, hostNames: 1 });
  });
});

describe('generated summary', () => {
  it('reads as English: the count before the noun, singular for one, and a port scan said as such', () => {
    expect(scan().summary.en).toBe(
      'My firewall logged 5 unsolicited connection attempts from 45.155.205.10 (AS64500, Example Hosting B.V.) ' +
        'to my network between 2026-11-21T09:14:03+09:00 and 2026-11-21T09:15:12+09:00 ' +
        '(Asia/Tokyo). They look like a port scan. Protocol: TCP. TCP flags: SYN. Destination ports: 22, 23, 445, ' +
        '3389, 8080. I did not request this traffic. Please investigate and stop it.',
    );
    const input = scanInput();
    const single = buildReport({ ...input, events: input.events.slice(0, 1) }, OPTIONS).summary.en;
    expect(single).toMatch(
      /^My firewall logged 1 unsolicited connection attempt from .* at 2026-11-21T09:14:03\+09:00/,
    );
    expect(single).toContain('It looks like part of a port scan.');
    expect(akamai().summary.en).toMatch(/^My firewall logged 3 unsolicited packets from 23\.205\.116\.42 /);
  });

  it('reads as Japanese: subject and particles in place, the times in parentheses after the verb', () => {
    expect(scan().summary.ja).toBe(
      '私のファイアウォールが、45.155.205.10（AS64500, Example Hosting B.V.）から' +
        '私のネットワークへの要求していない接続の試みを 5 件記録しました（2026-11-21T09:14:03+09:00 〜 ' +
        '2026-11-21T09:15:12+09:00、Asia/Tokyo）。ポートスキャンと思われます。プロトコル: TCP。TCP フラグ: SYN。' +
        '宛先ポート: 22, 23, 445, 3389, 8080。私はこの通信を要求していません。調査のうえ、止めていただくようお願いいたします。',
    );
  });
});

describe('harmless-verdict warning', () => {
  it('explains in English and Japanese why reporting CDN replies is unlikely to help', () => {
    const r = akamai();
    expect(r.warning?.en).toMatch(/late replies from a CDN server/);
    expect(r.warning?.ja).toMatch(/CDN サーバーからの遅れた応答/);
    // The warning is for the user, not for the abuse desk.
    expect(renderTextBody(r)).not.toContain(r.warning?.en ?? '?');
  });

  it.each(['cdn-connection', 'streaming', 'p2p-download', 'stale-local'] as const)('warns for %s', (id) => {
    const r = buildReport(
      { host: AKAMAI_EDGE.ip, events: ufwEvents('ufw-akamai-reply.log'), attribution: AKAMAI_EDGE, verdict: { id } },
      OPTIONS,
    );
    expect(r.warning?.en.length).toBeGreaterThan(40);
    expect(r.warning?.ja).toMatch(/[ぁ-んァ-ン]/);
  });

  it('does not warn for a scan', () => {
    expect(scan().warning).toBeNull();
  });
});

describe('recipient', () => {
  it('takes the RDAP abuse contact of the source', () => {
    expect(scan()).toMatchObject({ recipient: 'abuse@hosting.example', recipientSource: 'rdap' });
  });
  it('falls back to the knowledge table for Akamai addresses without RDAP', () => {
    expect(akamai()).toMatchObject({ recipient: 'abuse@akamai.com', recipientSource: 'knowledge' });
  });
  it('lets the user override it', () => {
    expect(akamai({ recipient: 'noc@isp.example' })).toMatchObject({
      recipient: 'noc@isp.example',
      recipientSource: 'user',
    });
  });
});

describe('a report with more events than it lists (500)', () => {
  const long = () =>
    buildReport(
      { host: SCANNER.ip, events: ufwLineEvents(longScanLog(800)), attribution: SCANNER, verdict: { id: 'scan' } },
      OPTIONS,
    );

  it('lists 500 rows but counts, dates and summarises all 800 events', () => {
    const body = renderTextBody(long());
    const rows = body.split('\n').filter((l) => /^2026-11-21T/.test(l));
    expect(rows).toHaveLength(500);
    expect(rows[499]).toMatch(/^2026-11-21T10:37:13\+09:00 /);
    expect(body).toContain('Events: 800');
    expect(body).toContain('(300 more events not listed)');
    expect(body).toContain('First seen: 2026-11-21T09:14:03+09:00 Asia/Tokyo');
    // The 800th event, not the 500th (10:37:13), is the last one seen.
    expect(body).toContain('Last seen: 2026-11-21T11:27:13+09:00 Asia/Tokyo');
    expect(body).toContain('between 2026-11-21T09:14:03+09:00 and 2026-11-21T11:27:13+09:00 (Asia/Tokyo)');
  });

  it('says how many destination ports the summary sentence leaves out (EN and JA)', () => {
    const r = long();
    const twenty = Array.from({ length: 20 }, (_, i) => i + 1).join(', ');
    expect(r.summary.en).toContain(`Destination ports: ${twenty}, … and 780 more (800 ports).`);
    expect(r.summary.ja).toContain(`宛先ポート: ${twenty} … ほか 780 個（全 800 ポート）。`);
    // Twenty ports or fewer are all named, without a count.
    expect(scan().summary.en).toContain('Destination ports: 22, 23, 445, 3389, 8080.');
  });
});

describe('totals added page by page (a host too big to hold)', () => {
  // Akamai's replies (ACK, ACK, RST) and one SYN+ACK whose line had no time: it sorts after every timed event.
  const events = () => {
    const replies = ufwEvents('ufw-akamai-reply.log');
    const untimed = { ...(replies[0] as (typeof replies)[number]), tsUtc: null, flags: ['SYN', 'ACK'], line: 9 };
    return [...replies, untimed] as typeof replies;
  };

  it('gives the totals of all the events, in time order, whatever order the pages come in', () => {
    const all = events();
    const totals = reportTotalsAccumulator(AKAMAI_EDGE.ip);
    // Untimed first and the last reply before the first ones: the order the pages along the index come in, and worse.
    for (const e of [...all].reverse()) totals.add(e);
    const result = totals.result();
    expect(result).toEqual(reportTotals(AKAMAI_EDGE.ip, all));
    expect(result).toMatchObject({
      eventCount: 4,
      flagsSeen: ['ACK', 'RST', 'SYN+ACK'],
      firstSeen: { time: '2026-11-21T09:20:05+09:00' },
      lastSeen: { time: '2026-11-21T09:20:07+09:00' },
      destinationPorts: [60700, 60722],
    });
  });

  it('keeps the earliest events by time for the listed rows, untimed ones last, as listedEvents does', () => {
    const all = [...events(), ...ufwLineEvents(longScanLog(30))];
    for (const max of [1, 2, 3, 10, 40]) {
      const listed = listedEventsCollector<(typeof all)[number]>(max);
      for (const e of [...all].reverse()) listed.add(e);
      expect(listed.result(), `max ${max}`).toEqual(listedEvents([...all].reverse(), max));
    }
    const three = listedEventsCollector<(typeof all)[number]>(3);
    for (const e of events()) three.add(e);
    expect(three.result().map((e) => e.flags.join('+'))).toEqual(['ACK', 'ACK', 'RST']);
  });
});

describe('event table columns', () => {
  it('lines up the Japanese copy: each header starts in the display column of its values', () => {
    const body = renderTextBody(buildReport(scanInput(), { ...OPTIONS, japaneseCopy: true }));
    const ja = body.slice(body.indexOf('■ イベント'));
    const lines = ja.split('\n');
    const header = lines[1] ?? '';
    const row = lines[2] ?? '';
    expect(row.startsWith('2026-11-21T09:14:03+09:00')).toBe(true);
    // Display column where a text starts: full-width characters before it take 2 columns each.
    const column = (line: string, text: string): number => {
      const before = line.slice(0, line.indexOf(text));
      return [...before].reduce((n, ch) => n + (/[\u3000-\u30ff\u4e00-\u9fff]/.test(ch) ? 2 : 1), 0);
    };
    for (const [head, value] of [
      ['タイムゾーン', 'Asia/Tokyo'],
      ['プロトコル', 'TCP'],
      ['送信元 IP', '45.155.205.10'],
      ['送信元ポート', '51638'],
      ['宛先 IP', '198.51.100.7'],
      ['宛先ポート', '22 '],
      ['TCP フラグ', 'SYN'],
    ] as const) {
      expect(column(header, head), head).toBe(column(row, value));
    }
  });

  it('keeps the English table as it was', () => {
    expect(eventTableLines(buildReport(scanInput(), OPTIONS).rows).slice(0, 2)).toEqual([
      'Timestamp (ISO 8601)       Time zone   Protocol  Source IP      Src port  Destination IP  Dst port  TCP flags',
      '2026-11-21T09:14:03+09:00  Asia/Tokyo  TCP       45.155.205.10  51638     198.51.100.7    22        SYN',
    ]);
  });
});
