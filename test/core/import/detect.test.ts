import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { detectFamily } from '../../../main/core/import/detect';
import { createPipeline } from '../../../main/core/import/pipeline';
import { createTimeResolver } from '../../../main/core/import/time';
import type { ConnectionEvent } from '../../../main/core/model/event';
import { stateless, type LogFamily } from '../../../main/core/parsers/family';
import { FAMILIES } from '../../../main/core/parsers/registry';

const LOGS = join(__dirname, '../../fixtures/logs');
const SOCKETS = join(__dirname, '../../fixtures/sockets');
const lines = (file: string): string[] => readFileSync(file, 'utf8').split(/\r?\n/);

function run(input: string[], family: LogFamily | null, fallback: readonly LogFamily[] = FAMILIES) {
  const events: ConnectionEvent[] = [];
  const unknown: { line: number; reason: string }[] = [];
  const ignored: number[] = [];
  const p = createPipeline(
    { family, fallback, time: createTimeResolver({ defaultZone: 'UTC', year: 2026, now: Date.UTC(2026, 10, 21) }) },
    {
      event: (e) => events.push(e),
      unknown: (line, _raw, reason) => unknown.push({ line, reason }),
      ignored: (line) => ignored.push(line),
    },
  );
  input.forEach((l, i) => p.push(l, i + 1));
  p.end();
  return { events, unknown, ignored };
}

describe('family detection per file', () => {
  it.each([
    ['netfilter.log', 'netfilter'],
    ['pfsense.log', 'pfsense'],
    ['windows-firewall.log', 'windows-firewall'],
    ['fortigate.log', 'fortigate'],
    ['netgear.log', 'netgear'],
    ['yamaha.log', 'yamaha'],
  ])('%s -> %s with a confidence', (file, id) => {
    const d = detectFamily(lines(join(LOGS, file)), FAMILIES);
    expect(d.family?.id).toBe(id);
    expect(d.confidence).toBeGreaterThan(0.3);
    expect(d.scores[0]?.id).toBe(id);
  });

  it('recognises a pasted Japanese netstat -ano', () => {
    const d = detectFamily(lines(join(SOCKETS, 'windows-netstat-ano.ja.txt')), FAMILIES);
    expect(d.family?.id).toMatch(/netstat/);
  });

  it('finds no family in prose, and says so with zero confidence for empty input', () => {
    expect(detectFamily(['Dear diary, today the router was quiet.', 'Nothing happened.'], FAMILIES).family).toBeNull();
    expect(detectFamily(['', '  '], FAMILIES)).toMatchObject({ family: null, confidence: 0, sampled: 0 });
  });
});

describe('pipeline', () => {
  it('falls back per line inside a mixed syslog file', () => {
    // A syslog file holding netfilter lines, a pfSense filterlog line relayed into it, and an unrelated daemon line.
    const nf = lines(join(LOGS, 'netfilter.log')).filter(Boolean).slice(0, 2);
    const pf = lines(join(LOGS, 'pfsense.log')).filter(Boolean)[0] as string;
    const mixed = [
      nf[0] as string,
      pf,
      'Nov 21 09:00:00 router dnsmasq-dhcp[123]: DHCPACK(br0) 192.168.1.20',
      nf[1] as string,
    ];
    const d = detectFamily(mixed, FAMILIES);
    expect(d.family?.id).toBe('netfilter');
    const out = run(mixed, d.family);
    expect(out.events.map((e) => [e.line, e.format])).toEqual([
      [1, 'netfilter'],
      [2, 'pfsense'],
      [4, 'netfilter'],
    ]);
    expect(out.unknown.map((u) => u.line).concat(out.ignored)).toEqual([3]);
  });

  it('reads a router syslog whose firewall lines are a small minority', () => {
    // OpenWrt `logread`: mostly dnsmasq and hostapd chatter, one firewall line among it (the fixture's OpenWrt line).
    const chatter = (i: number): string[] => [
      `Mon Mar 23 13:16:4${i} 2026 daemon.info dnsmasq-dhcp[1234]: DHCPREQUEST(br-lan) 192.168.1.2${i} 00:11:22:33:44:5${i}`,
      `Mon Mar 23 13:16:4${i} 2026 daemon.info dnsmasq-dhcp[1234]: DHCPACK(br-lan) 192.168.1.2${i} 00:11:22:33:44:5${i} laptop`,
      `Mon Mar 23 13:16:4${i} 2026 daemon.notice hostapd: wlan0: AP-STA-CONNECTED 00:11:22:33:44:5${i}`,
    ];
    const firewall = lines(join(LOGS, 'netfilter.log')).find((l) => l.includes('reject wan in:')) as string;
    const log = [...chatter(1), ...chatter(2), ...chatter(3), firewall, ...chatter(4), ...chatter(5)];
    const d = detectFamily(log, FAMILIES);
    expect(d.family?.id).toBe('netfilter');
    // Sure of the one line that is a connection; the DHCP and Wi-Fi lines do not make it look doubtful.
    expect(d.confidence).toBeGreaterThanOrEqual(0.9);
    const out = run(log, d.family);
    expect(out.events.map((e) => [e.line, e.src, e.dport])).toEqual([[10, '118.123.1.39', 22]]);

    // The chatter alone is no log NetWhy can read.
    expect(detectFamily([...chatter(1), ...chatter(2)], FAMILIES).family).toBeNull();
  });

  it('uses the syslog header time when the family reads only the message', () => {
    // A test-only family that understands "CONN a b" and knows nothing of time.
    const conn: LogFamily = {
      id: 'conn-test',
      name: 'test',
      example: 'CONN 203.0.113.5 192.168.1.2',
      sniff: (l) => (l.startsWith('CONN ') ? 1 : 0),
      open: stateless((l) => {
        const m = /^CONN (\S+) (\S+)$/.exec(l);
        if (!m) return { kind: 'unknown' };
        const event = { time: null, proto: 'tcp', src: m[1] as string, sport: null, dst: m[2] as string, dport: null };
        return { kind: 'event', event: { ...event, action: 'deny', flags: [], direction: 'in' } };
      }),
    };
    const out = run(['<13>Nov 21 09:14:03 gw fw: CONN 203.0.113.5 192.168.1.2'], null, [conn]);
    expect(out.events[0]).toMatchObject({ ts: '2026-11-21T09:14:03', format: 'conn-test', src: '203.0.113.5' });
  });

  it('attaches netstat -b owner lines to the sockets above them', () => {
    const input = lines(join(SOCKETS, 'windows-netstat-abno.txt'));
    const d = detectFamily(input, FAMILIES);
    const out = run(input, d.family);
    const ssh = out.events.find((e) => e.sport === 22 || e.dport === 22);
    expect(ssh?.process).toBe('sshd.exe');
    expect(out.events.every((e) => e.ts === null)).toBe(true);
  });

  it('keeps binary garbage as an unknown line with its reason', () => {
    const out = run(['abc\u0000\u0001def'], FAMILIES[0] ?? null);
    expect(out.unknown).toEqual([{ line: 1, reason: 'binary' }]);
  });
});
