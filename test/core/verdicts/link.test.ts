import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { netfilter } from '../../../main/core/parsers/netfilter';
import { netstatWindows } from '../../../main/core/parsers/sockets/netstat-windows';
import { listenersFromNetstatWindows } from '../../../main/core/verdicts/listeners';
import type { LocalSocket } from '../../../main/core/verdicts/types';
import { akamaiCloud, akamaiEdge, analyze, eventsOf, netfilterLine, residential } from './helpers';

// "Link to this PC": what NetWhy may say about a program on this PC for packets a router or firewall rejected.

const DIR = join(__dirname, '../../fixtures/scenarios');
const scenario = (name: string): string[] =>
  readFileSync(join(DIR, name), 'utf8')
    .split(/\r?\n/)
    .filter((l) => l.trim());
const netstatText = readFileSync(join(DIR, 'close-wait-netstat.txt'), 'utf8');
// The pasted `netstat -ano -b` of a PC at 192.168.1.20: svchost.exe listens on TCP 135, netsession on UDP 51234.
const netstatEvents = eventsOf(netstatWindows, netstatText.split(/\r?\n/));
const netstatListeners = listenersFromNetstatWindows(netstatText);

const liveListener = (protocol: 'tcp' | 'udp', port: number, processName: string, pid: number): LocalSocket => ({
  protocol,
  family: 4,
  localAddress: '0.0.0.0',
  localPort: port,
  remoteAddress: '',
  remotePort: null,
  state: protocol === 'tcp' ? 'LISTEN' : '',
  pid,
  processName,
  processPath: null,
  source: 'live',
});
// A live socket that gives this PC's LAN address.
const liveChrome: LocalSocket = {
  ...liveListener('tcp', 51002, 'chrome.exe', 7788),
  localAddress: '192.168.1.20',
  remoteAddress: '96.7.128.198',
  remotePort: 443,
  state: 'ESTABLISHED',
};

const syns = (src: string, dst: string, ports: number[], from = 0): string[] =>
  ports.map((dpt, i) =>
    netfilterLine({
      time: `Mar 12 03:${String(20 + Math.floor((from + i) / 60)).padStart(2, '0')}:${String((from + i) % 60).padStart(2, '0')}`,
      src,
      dst,
      proto: 'TCP',
      spt: 61832,
      dpt,
    }),
  );
const SCAN_PORTS = [21, 22, 23, 25, 53, 80, 110, 111, 135, 139, 143, 443, 445];

const texts = (links: { text: { en: string; ja: string } }[]): string[] => links.flatMap((l) => [l.text.en, l.text.ja]);

describe('link to this PC', () => {
  it('an internet port scan at the router is not "meant for" the program listening on one of its ports', () => {
    // The reviewer's input: the 200-port sweep at the router's WAN address, and the netstat of a PC behind it.
    const events = [...eventsOf(netfilter, scenario('syn-sweep-200.log')), ...netstatEvents];
    const r = analyze(events, [akamaiCloud('45.33.32.156'), akamaiEdge('23.215.0.137'), akamaiEdge('96.7.128.198')], {
      sockets: netstatListeners,
    });
    const scanner = r.hosts.find((h) => h.ip === '45.33.32.156');
    expect(scanner?.verdict.id).toBe('scan');
    expect(scanner?.links).toEqual([]);
    expect(r.summary.links).toEqual([]);
  });

  it("a scan of this PC's own address notes a listener on a scanned port, without saying it was aimed at it", () => {
    const r = analyze(
      eventsOf(netfilter, syns('45.33.32.156', '192.168.1.20', SCAN_PORTS)),
      [akamaiCloud('45.33.32.156')],
      {
        sockets: [liveListener('tcp', 135, 'svchost.exe', 880), liveChrome],
      },
    );
    const scanner = r.hosts.find((h) => h.ip === '45.33.32.156');
    expect(scanner?.verdict.id).toBe('scan');
    expect(scanner?.links.map((l) => l.text)).toEqual([
      {
        en: 'svchost.exe (PID 880) on this PC listens on TCP 135, one of the ports 45.33.32.156 tried in its scan; the firewall rejected those packets.',
        ja: 'このPCでは、svchost.exe（PID 880）が TCP 135 で待ち受けています。45.33.32.156 がスキャンで試したポートの一つで、そのパケットはファイアウォールで拒否されました。',
      },
    ]);
    for (const t of texts(r.summary.links)) expect(t).not.toMatch(/meant for|宛てでした/);
  });

  it("unsolicited TCP to the router's address is not linked to a TCP listener on the PC behind it", () => {
    // Two SYNs: a probe, not a scan. Without a port forward the router answers them itself.
    const r = analyze(
      eventsOf(netfilter, syns('126.74.201.3', '203.0.113.7', [135, 135])),
      [residential('126.74.201.3')],
      {
        sockets: [liveListener('tcp', 135, 'svchost.exe', 880), liveChrome],
      },
    );
    expect(r.hosts[0]?.verdict.id).toBe('probe');
    expect(r.summary.links).toEqual([]);
  });

  it("TCP rejected at this PC's own address was meant for the program listening there", () => {
    const r = analyze(
      eventsOf(netfilter, syns('126.74.201.3', '192.168.1.20', [135, 135])),
      [residential('126.74.201.3')],
      {
        sockets: [liveListener('tcp', 135, 'svchost.exe', 880), liveChrome],
      },
    );
    expect(r.summary.links.map((l) => l.text)).toEqual([
      {
        en: 'svchost.exe (PID 880) on this PC listens on TCP 135 — the rejected packets were sent to that port on this PC, so they were meant for it.',
        ja: 'このPCでは、svchost.exe（PID 880）が TCP 135 で待ち受けています。拒否されたパケットはこのPCのこのポート宛てだったので、このプログラム宛てでした。',
      },
    ]);
  });

  it('UDP peers at the router and a NetSession listener in a pasted netstat: probably meant for it, said as the netstat says', () => {
    const r = analyze(
      [...eventsOf(netfilter, scenario('udp-akamai-peers.log')), ...netstatEvents],
      ['23.32.17.4', '23.215.0.136', '95.100.97.18', '2.16.186.11', '184.24.77.5', '23.215.0.137', '96.7.128.198']
        .map(akamaiEdge)
        .concat(['126.66.20.9', '126.140.9.33'].map(residential)),
      { sockets: netstatListeners },
    );
    expect(r.summary.links).toHaveLength(1);
    expect(r.summary.links[0]).toMatchObject({ proto: 'udp', port: 51234, events: 28, remotes: 7 });
    expect(r.summary.links[0]?.text).toEqual({
      en: 'In the netstat output you gave, netsession_win.exe (PID 4321) listens on UDP 51234 — the rejected packets were most likely meant for it (routers usually keep UDP port numbers).',
      ja: '読み込んだ netstat の出力では、netsession_win.exe（PID 4321）が UDP 51234 で待ち受けています。ルーターは通常 UDP のポート番号を変えずに中継するので、拒否されたパケットはおそらくこのプログラム宛てでした。',
    });
    expect(r.summary.links[0]?.text.ja).not.toContain('のPCの');
  });

  it('a rejected late reply from the server a program is connected to belongs to that connection', () => {
    const ack = netfilterLine({
      time: 'Mar 12 03:20:00',
      src: '96.7.128.198',
      dst: '203.0.113.7',
      proto: 'TCP',
      spt: 443,
      dpt: 51002,
      flags: 'ACK FIN',
    });
    const r = analyze(eventsOf(netfilter, [ack]), [akamaiEdge('96.7.128.198')], { sockets: [liveChrome] });
    expect(r.summary.links.map((l) => l.text.en)).toEqual([
      'chrome.exe (PID 7788) on this PC uses TCP 51002 for a connection to 96.7.128.198 — the rejected packets belong to that connection.',
    ]);
    // Another server's packet to the same port is not that connection's.
    const other = analyze(
      eventsOf(netfilter, [ack.replace('SRC=96.7.128.198', 'SRC=23.32.5.10')]),
      [akamaiEdge('23.32.5.10')],
      {
        sockets: [liveChrome],
      },
    );
    expect(other.summary.links).toEqual([]);
  });
});
