import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Attribution } from '../../../main/core/model/attribution';
import type { LogFamily } from '../../../main/core/parsers/family';
import { netfilter } from '../../../main/core/parsers/netfilter';
import { netgear } from '../../../main/core/parsers/netgear';
import type { LocalSocket } from '../../../main/core/verdicts/types';
import { akamaiCloud, akamaiEdge, analyze, eventsOf, residential } from './helpers';
import { NETSESSION_CLOSE_WAIT, NETSESSION_LISTENER } from '../../helpers/sockets';

const lines = (name: string): string[] =>
  readFileSync(join(__dirname, '../../fixtures/scenarios', name), 'utf8')
    .split(/\r?\n/)
    .filter((l) => l.trim());

// What the intel service says about the scenario addresses (AS20940 edges, AS17676 SoftBank homes, AS63949).
const ATTRS: Attribution[] = [
  ...[
    '23.32.5.10',
    '23.215.0.137',
    '96.7.128.198',
    '2.16.103.10',
    '184.25.56.77',
    '23.32.17.4',
    '23.215.0.136',
    '95.100.97.18',
    '2.16.186.11',
    '184.24.77.5',
    '23.62.99.10',
    '23.62.99.11',
    '23.62.99.12',
  ].map(akamaiEdge),
  ...['126.66.20.9', '126.140.9.33', '126.74.201.3'].map(residential),
  akamaiCloud('45.33.32.156'),
];

function run(file: string, family: LogFamily, sockets: LocalSocket[] = []) {
  return analyze(eventsOf(family, lines(file)), ATTRS, { sockets });
}

describe('issue 5 scenarios', () => {
  it('Netgear "ACK Scan" from Akamai port 443, 120 lines: every host is a cdn-reply, nobody is a scanner', () => {
    const r = run('netgear-ack-akamai.log', netgear);
    expect(r.summary.events).toBe(120);
    expect(r.hosts.map((h) => h.verdict.id)).toEqual(r.hosts.map(() => 'cdn-reply'));
    expect(r.summary.hostsByVerdict.scan).toBe(0);
    expect(r.hosts[0]?.verdict.explanation.en).toContain('forgotten the connection');
  });

  it('UDP rejected from many Akamai and home addresses to one port: p2p-download, and the program is named', () => {
    const netsession: LocalSocket = { ...NETSESSION_LISTENER, source: 'live' };
    const without = run('udp-akamai-peers.log', netfilter);
    expect(new Set(without.hosts.map((h) => h.verdict.id))).toEqual(new Set(['p2p-download']));
    expect(without.hosts.every((h) => h.lane === 'akamai-netsession')).toBe(true);
    const withPc = run('udp-akamai-peers.log', netfilter, [netsession]);
    expect(withPc.summary.links[0]?.text.en).toBe(
      'netsession_win.exe (PID 4321) on this PC listens on UDP 51234 — the rejected packets were most likely meant for it (routers usually keep UDP port numbers).',
    );
    expect(withPc.summary.links[0]?.text.ja).toContain('netsession_win.exe（PID 4321）');
    expect(withPc.hosts[0]?.verdict.explanation.en).toContain('netsession_win.exe (PID 4321) uses UDP port 51234');
  });

  it.each([
    ['quicktime-rtp.log', 'QuickTime'],
    ['rtsp-554.log', 'RTSP'],
    ['mms-1755.log', 'MMS'],
  ])('%s is streaming (%s)', (file, service) => {
    const r = run(file, netfilter);
    expect(r.hosts).toHaveLength(1);
    expect(r.hosts[0]?.verdict.id).toBe('streaming');
    expect(r.hosts[0]?.verdict.explanation.en).toContain(service);
  });

  it('a real SYN sweep of 200 ports from one Akamai Connected Cloud VM is a scan', () => {
    const r = run('syn-sweep-200.log', netfilter);
    const h = r.hosts[0];
    expect(h?.verdict.id).toBe('scan');
    expect(h?.lane).toBe('akamai-cloud');
    expect(h?.verdict.explanation.en).toContain('sent 200 connection attempts to 200 different ports');
  });

  it('a slow probe (5 SYNs over 16 hours) stays a probe', () => {
    const r = run('slow-probe.log', netfilter);
    expect(r.hosts[0]?.verdict.id).toBe('probe');
    expect(r.hosts[0]?.verdict.severity).toBe('notice');
  });

  it('the same sweep slowed to one port every 20 minutes is a probe per window, not a scan', () => {
    const slowed = lines('syn-sweep-200.log')
      .slice(0, 12)
      .map((l, i) =>
        l.replace(
          /^Mar 12 \d\d:\d\d:\d\d/,
          `Mar 12 ${String(Math.floor((i * 20) / 60)).padStart(2, '0')}:${String((i * 20) % 60).padStart(2, '0')}:00`,
        ),
      );
    // 12 ports, one every 20 minutes: at most 3 ports (weight <= 9) inside any hour.
    const r = analyze(eventsOf(netfilter, slowed), ATTRS);
    expect(r.hosts[0]?.verdict.id).toBe('probe');
  });

  it('CLOSE_WAIT lingering to an Akamai edge from a local process is stale-local, naming the process', () => {
    const sockets: LocalSocket[] = [50999, 51000].map((port) => ({
      ...NETSESSION_CLOSE_WAIT,
      localPort: port,
      stateSince: 1_000,
      source: 'live',
    }));
    const r = analyze([], ATTRS, { sockets, now: 1_000 + 45 * 60_000 });
    expect(r.hosts[0]?.verdict.id).toBe('stale-local');
    expect(r.hosts[0]?.verdict.title.en).toBe('A finished connection is still open on this PC');
    expect(r.hosts[0]?.verdict.explanation.en).toContain(
      'netsession_win.exe (PID 4321) on this PC still has 2 connections',
    );
    expect(r.hosts[0]?.verdict.explanation.ja).toContain(
      'このPCの netsession_win.exe（PID 4321）の、23.215.0.137（Akamai、AS20940）への接続 2 件が、CLOSE_WAIT の状態のまま残っています。',
    );
    expect(r.hosts[0]?.verdict.advice.en).toContain(
      'If such connections pile up, restart or update netsession_win.exe;',
    );
    expect(r.hosts[0]?.verdict.advice.ja).toContain('netsession_win.exe を再起動するか更新してください。');
  });
});
