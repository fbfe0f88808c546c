import { describe, expect, it } from 'vitest';
import type { Attribution } from '../../../main/core/model/attribution';
import type { VerdictId } from '../../../main/core/model/verdict';
import { netfilter } from '../../../main/core/parsers/netfilter';
import { netgear } from '../../../main/core/parsers/netgear';
import type { LocalSocket } from '../../../main/core/verdicts/types';
import { akamaiCloud, akamaiEdge, analyze, attribution, eventsOf, netfilterLine, residential } from './helpers';
import { NETSESSION_LISTENER } from '../../helpers/sockets';

interface Row {
  name: string;
  family: typeof netfilter;
  lines: string[];
  attrs: Attribution[];
  sockets?: LocalSocket[];
  host: string;
  verdict: VerdictId;
}

const nf = (o: Parameters<typeof netfilterLine>[0]): string => netfilterLine(o);
const times = (n: number, f: (i: number) => string): string[] => Array.from({ length: n }, (_, i) => f(i));
const clock = (i: number): string =>
  `Nov 18 13:${String(10 + Math.floor(i / 60)).padStart(2, '0')}:${String(i % 60).padStart(2, '0')}`;

const ROWS: Row[] = [
  {
    name: 'cdn-reply: Netgear "ACK Scan" from an Akamai edge, port 443',
    family: netgear,
    lines: ['[DoS Attack: ACK Scan] from source: 23.32.5.10, port 443, Monday, February 22, 2016 04:42:22'],
    attrs: [akamaiEdge('23.32.5.10')],
    host: '23.32.5.10',
    verdict: 'cdn-reply',
  },
  {
    name: 'cdn-reply: Netgear "RST Scan" from a Dropbox-like server on 443 (hosting)',
    family: netgear,
    lines: ['[DoS Attack: RST Scan] from source: 108.160.172.237, port 443, Tuesday, February 16, 2016 17:39:12'],
    attrs: [attribution('108.160.172.237', 'dropbox', 'hosting', 19679, 'DROPBOX')],
    host: '108.160.172.237',
    verdict: 'cdn-reply',
  },
  {
    name: 'cdn-reply: hundreds of late ACK/FIN from Akamai 443 to ephemeral ports are still replies',
    family: netfilter,
    lines: times(300, (i) =>
      nf({
        time: clock(i),
        src: '23.45.1.9',
        proto: 'TCP',
        spt: 443,
        dpt: 49152 + i,
        flags: i % 2 ? 'ACK FIN' : 'ACK RST',
      }),
    ),
    attrs: [akamaiEdge('23.45.1.9')],
    host: '23.45.1.9',
    verdict: 'cdn-reply',
  },
  {
    name: 'unknown: a SYN/ACK from port 80 of a residential address is not called a CDN reply',
    family: netgear,
    lines: ['[DoS Attack: SYN/ACK Scan] from source: 68.40.255.235, port 80, Tuesday, February 16, 2016 17:35:23'],
    attrs: [residential('68.40.255.235')],
    host: '68.40.255.235',
    verdict: 'unknown',
  },
  {
    name: 'scan: an Akamai Connected Cloud VM sending SYNs to 200 ports',
    family: netfilter,
    lines: times(200, (i) =>
      nf({ time: clock(i), src: '45.33.32.156', proto: 'TCP', spt: 61000, dpt: i + 1, flags: 'SYN' }),
    ),
    attrs: [akamaiCloud('45.33.32.156')],
    host: '45.33.32.156',
    verdict: 'scan',
  },
  {
    name: 'scan: NULL packets (no flag) to two ports trip the stealth signature',
    family: netfilter,
    lines: [
      nf({ time: 'Nov 18 13:39:49', src: '198.51.100.23', proto: 'TCP', spt: 40000, dpt: 22, flags: '' }),
      nf({ time: 'Nov 18 13:39:50', src: '198.51.100.23', proto: 'TCP', spt: 40000, dpt: 80, flags: '' }),
    ],
    attrs: [attribution('198.51.100.23', null, 'hosting', 14061, 'DIGITALOCEAN-ASN')],
    host: '198.51.100.23',
    verdict: 'scan',
  },
  {
    name: 'probe: the real UFW SYN to port 3194 (one packet)',
    family: netfilter,
    lines: [
      'Feb 6 16:27:08 jonasgroenbek kernel: [71910.873115] [UFW BLOCK] IN=eth0 OUT= MAC=a6:8d:e2:51:62:4c:f0:4b:3a:4f:80:30:08:00 SRC=77.72.85.26 DST=157.230.26.180 LEN=40 TOS=0x00 PREC=0x00 TTL=251 ID=62215 PROTO=TCP SPT=42772 DPT=3194 WINDOW=1024 RES=0x00 SYN URGP=0',
    ],
    attrs: [attribution('77.72.85.26', null, 'hosting', 57043, 'HOSTKEY-AS')],
    host: '77.72.85.26',
    verdict: 'probe',
  },
  {
    name: 'probe: six SYNs to 22/23/3389 over hours stay below weight 21',
    family: netfilter,
    lines: times(6, (i) =>
      nf({
        time: `Nov 18 ${String(2 + i * 3).padStart(2, '0')}:00:00`,
        src: '192.0.2.77',
        proto: 'TCP',
        spt: 50000 + i,
        dpt: [22, 23, 3389][i % 3] as number,
      }),
    ),
    attrs: [residential('192.0.2.77')],
    host: '192.0.2.77',
    verdict: 'probe',
  },
  {
    name: 'streaming: QuickTime RTP from server port 2000 to player port 6970',
    family: netfilter,
    lines: [
      nf({ time: 'Nov 18 20:01:00', src: '23.62.7.8', proto: 'UDP', spt: 2000, dpt: 6970 }),
      nf({ time: 'Nov 18 20:01:01', src: '23.62.7.8', proto: 'UDP', spt: 2001, dpt: 6971 }),
    ],
    attrs: [akamaiEdge('23.62.7.8')],
    host: '23.62.7.8',
    verdict: 'streaming',
  },
  {
    name: 'streaming: RTSP replies from server port 554',
    family: netfilter,
    lines: [nf({ time: 'Nov 18 20:02:00', src: '23.62.7.9', proto: 'TCP', spt: 554, dpt: 50123, flags: 'ACK FIN' })],
    attrs: [akamaiEdge('23.62.7.9')],
    host: '23.62.7.9',
    verdict: 'streaming',
  },
  {
    name: 'streaming: Windows Media MMS from server port 1755',
    family: netfilter,
    lines: [nf({ time: 'Nov 18 20:03:00', src: '23.62.7.10', proto: 'UDP', spt: 1755, dpt: 50124 })],
    attrs: [akamaiEdge('23.62.7.10')],
    host: '23.62.7.10',
    verdict: 'streaming',
  },
  {
    name: "probe, not streaming: someone knocking on the user's own port 554",
    family: netfilter,
    lines: [nf({ time: 'Nov 18 20:04:00', src: '192.0.2.99', proto: 'TCP', spt: 44321, dpt: 554 })],
    attrs: [residential('192.0.2.99')],
    host: '192.0.2.99',
    verdict: 'probe',
  },
  {
    name: 'p2p-download: UDP from many Akamai and home addresses to one high port',
    family: netfilter,
    lines: ['23.1.1.1', '23.1.1.2', '95.100.3.4', '126.77.1.2', '23.1.1.3'].map((src, i) =>
      nf({ time: `Nov 18 21:00:0${i}`, src, proto: 'UDP', spt: 40000 + i, dpt: 51234 }),
    ),
    attrs: [
      akamaiEdge('23.1.1.1'),
      akamaiEdge('23.1.1.2'),
      akamaiEdge('95.100.3.4'),
      residential('126.77.1.2'),
      akamaiEdge('23.1.1.3'),
    ],
    host: '126.77.1.2',
    verdict: 'p2p-download',
  },
  {
    name: 'p2p-download: one Akamai packet to a port netsession_win.exe holds',
    family: netfilter,
    lines: [nf({ time: 'Nov 18 21:10:00', src: '23.1.1.9', proto: 'UDP', spt: 40000, dpt: 51234 })],
    attrs: [akamaiEdge('23.1.1.9')],
    sockets: [{ ...NETSESSION_LISTENER, source: 'live' }],
    host: '23.1.1.9',
    verdict: 'p2p-download',
  },
  {
    name: 'cdn-connection: an allowed outbound connection to an Akamai edge',
    family: netfilter,
    lines: [
      'Sep 20 15:52:00 managerHost kernel: [ 2870.303541] [UFW ALLOW] IN= OUT=eth0 SRC=192.168.1.20 DST=23.45.1.9 LEN=60 TOS=0x00 PREC=0x00 TTL=64 ID=52751 DF PROTO=TCP SPT=50514 DPT=443 WINDOW=64240 RES=0x00 SYN URGP=0',
    ],
    attrs: [akamaiEdge('23.45.1.9')],
    host: '23.45.1.9',
    verdict: 'cdn-connection',
  },
];

describe('verdict rules on real-format log lines', () => {
  it.each(ROWS)('$name', (row) => {
    const events = eventsOf(row.family, row.lines);
    expect(events.length).toBe(row.lines.length);
    const result = analyze(events, row.attrs, row.sockets ? { sockets: row.sockets } : {});
    const host = result.hosts.find((h) => h.ip === row.host);
    expect(host?.verdict.id, JSON.stringify(host?.verdict.evidence)).toBe(row.verdict);
  });

  it('stale-local: a live CLOSE_WAIT to an Akamai edge names the program', () => {
    const sockets: LocalSocket[] = [
      {
        protocol: 'tcp',
        family: 4,
        localAddress: '192.168.1.20',
        localPort: 50999,
        remoteAddress: '23.45.1.9',
        remotePort: 443,
        state: 'CLOSE_WAIT',
        pid: 4321,
        processName: 'netsession_win.exe',
        processPath: null,
        stateSince: 0,
        source: 'live',
      },
    ];
    const result = analyze([], [akamaiEdge('23.45.1.9')], { sockets, now: 3 * 3_600_000 });
    const host = result.hosts.find((h) => h.ip === '23.45.1.9');
    expect(host?.verdict.id).toBe('stale-local');
    expect(host?.verdict.explanation.en).toContain('netsession_win.exe (PID 4321)');
    expect(host?.verdict.explanation.ja).toContain('netsession_win.exe（PID 4321）');
    expect(host?.verdict.evidence.map((e) => e.detail).join('\n')).toContain('180 min');
  });

  it('a scan verdict carries the counts and the ports as evidence, and suggests reporting', () => {
    const lines = times(200, (i) => nf({ time: clock(i), src: '45.33.32.156', proto: 'TCP', spt: 61000, dpt: i + 1 }));
    const host = analyze(eventsOf(netfilter, lines), [akamaiCloud('45.33.32.156')]).hosts[0];
    expect(host?.verdict.severity).toBe('warning');
    expect(host?.verdict.explanation.en).toContain('200 different ports');
    expect(host?.verdict.explanation.en).toContain('Akamai Connected Cloud');
    expect(host?.verdict.advice.en).toMatch(/report/i);
    expect(host?.verdict.evidence.some((e) => e.kind === 'asn' && e.detail.includes('AS63949'))).toBe(true);
  });
});
