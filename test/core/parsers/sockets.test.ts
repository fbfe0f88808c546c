import { describe, expect, it } from 'vitest';
import type { LineResult } from '../../../main/core/parsers/family';
import { netstatLinux } from '../../../main/core/parsers/sockets/netstat-linux';
import { netstatWindows } from '../../../main/core/parsers/sockets/netstat-windows';
import { ss } from '../../../main/core/parsers/sockets/ss';
import { socketDirection } from '../../../main/core/parsers/sockets/table';
import { eventOf, fixtureLines, parseLines } from './fixture';

const events = (results: LineResult[]) => results.filter((r) => r.kind === 'event').map((r) => eventOf(r));

describe('Windows netstat -ano / -b', () => {
  it('reads established rows and prints nothing for listening sockets and headers', () => {
    const results = parseLines(netstatWindows, fixtureLines('sockets/windows-netstat-nao-udp.txt'));
    expect(results.map((r) => r.kind)).toEqual([
      'ignored',
      'ignored',
      'ignored',
      'ignored',
      'ignored',
      'event',
      'ignored',
      'ignored',
    ]);
    expect(eventOf(results[5])).toEqual({
      time: null,
      proto: 'tcp',
      src: '192.168.1.10',
      sport: 52413,
      dst: '140.82.121.4',
      dport: 443,
      action: 'allow',
      flags: [],
      direction: 'out',
      iface: null,
      rule: null,
      length: null,
      message: null,
      state: 'ESTABLISHED',
      pid: 9012,
      process: null,
    });
  });

  it('names owners with -b: [exe] lines and "Can not obtain ownership information"', () => {
    const results = parseLines(netstatWindows, fixtureLines('sockets/windows-netstat-abno.txt'));
    const kinds = results.map((r) => (r.kind === 'owner' ? `owner:${r.process}` : r.kind));
    expect(kinds).toEqual([
      'ignored', // Active Connections
      'ignored', // header
      'ignored', // LISTENING :22
      'owner:sshd.exe',
      'ignored',
      'ignored', // RpcSs service name
      'owner:svchost.exe',
      'ignored',
      'owner:',
      'ignored',
      'ignored', // TermService
      'owner:svchost.exe',
      'event',
      'owner:sshd.exe',
      'event',
      'owner:sshd.exe',
    ]);
    // Port 22 was listening in the same table, so the peers connected to us.
    expect(events(results).map((e) => [e.sport, e.dport, e.direction])).toEqual([
      [22, 39956, 'in'],
      [22, 39964, 'in'],
    ]);
  });

  it('prints nothing for unconnected UDP "*:*" rows', () => {
    const results = parseLines(netstatWindows, fixtureLines('sockets/windows-netstat-ano-b-go.txt'));
    expect(results[results.length - 1]).toEqual({ kind: 'ignored' });
    expect(events(results)).toEqual([]);
  });

  it('reads Japanese Windows output (Japanese headings, English states)', () => {
    const results = parseLines(netstatWindows, fixtureLines('sockets/windows-netstat-ano.ja.txt'));
    expect(events(results).map((e) => [e.src, e.sport, e.dst, e.dport, e.pid, e.direction, e.state])).toEqual([
      ['192.168.1.7', 55679, '20.197.118.223', 443, 3976, 'out', 'ESTABLISHED'],
      ['192.168.1.7', 55807, '20.121.118.190', 443, 15128, 'out', 'ESTABLISHED'],
    ]);
    expect(results.filter((r) => r.kind !== 'event' && r.kind !== 'ignored')).toEqual([]);
  });

  it('reads the lead adapter fixture (CRLF, TCP only) without unknown lines', () => {
    const results = parseLines(netstatWindows, fixtureLines('sockets/windows-netstat-nao.txt'));
    expect(results.filter((r) => r.kind === 'unknown')).toEqual([]);
  });
});

describe('Linux netstat -tunap / -natvu', () => {
  it('reads TCP and connected UDP with PID/program, skipping LISTEN and unconnected UDP', () => {
    const results = parseLines(netstatLinux, fixtureLines('sockets/netstat-tunap.linux.txt'));
    expect(results.filter((r) => r.kind === 'unknown')).toEqual([]);
    const ev = events(results);
    expect(ev.map((e) => [e.proto, e.src, e.sport, e.dst, e.dport, e.state, e.pid, e.process, e.direction])).toEqual([
      ['tcp', '127.0.0.1', 8443, '127.0.0.1', 56360, 'ESTABLISHED', 8504, 'node', 'in'],
      ['tcp', '127.0.0.1', 56354, '127.0.0.1', 8443, 'ESTABLISHED', 8504, 'node', 'out'],
      ['tcp', '127.0.0.1', 56360, '127.0.0.1', 8443, 'ESTABLISHED', 8504, 'node', 'out'],
      ['tcp', '127.0.0.1', 56370, '127.0.0.1', 8443, 'TIME_WAIT', null, null, 'out'],
      ['tcp', '127.0.0.1', 8443, '127.0.0.1', 56354, 'ESTABLISHED', 8504, 'node', 'in'],
      ['tcp', '::1', 9443, '::1', 45546, 'ESTABLISHED', 8504, 'node', 'in'],
      ['tcp', '::1', 45546, '::1', 9443, 'ESTABLISHED', 8504, 'node', 'out'],
      ['udp', '127.0.0.1', 33008, '127.0.0.1', 5514, null, 8504, 'node', 'out'],
      ['udp', '::1', 56970, '::1', 5514, null, 8504, 'node', 'out'],
    ]);
    expect(ev.every((e) => e.time === null && e.action === 'allow')).toBe(true);
  });

  it('reads -natvu (no PID column) with the same rows', () => {
    const ev = events(parseLines(netstatLinux, fixtureLines('sockets/netstat-natvu.linux.txt')));
    expect(ev).toHaveLength(9);
    expect(ev.every((e) => e.pid === null && e.process === null)).toBe(true);
  });

  it('refuses IPv6 columns that net-tools may have cut short', () => {
    const r = parseLines(netstatLinux, [
      'tcp6       0      0 2001:db8:1234:5678:9:443 2001:db8::2:51234       ESTABLISHED 1/x',
    ]);
    expect(r[0]?.kind).toBe('unknown');
  });
});

describe('ss -tunap', () => {
  it('reads ESTAB/TIME-WAIT rows with users:(("name",pid=…)), skipping LISTEN and UNCONN', () => {
    const results = parseLines(ss, fixtureLines('sockets/ss-tunap-iface.linux.txt'));
    expect(results.filter((r) => r.kind === 'unknown')).toEqual([]);
    const ev = events(results);
    expect(ev.map((e) => [e.proto, e.src, e.sport, e.dst, e.dport, e.state, e.pid, e.process])).toEqual([
      ['udp', '127.0.0.1', 33008, '127.0.0.1', 5514, null, 8504, 'node'],
      ['udp', '::1', 56970, '::1', 5514, null, 8504, 'node'],
      ['tcp', '127.0.0.1', 34814, '127.0.0.53', 5300, 'ESTABLISHED', 8604, 'python3'],
      ['tcp', '127.0.0.1', 8443, '127.0.0.1', 56360, 'ESTABLISHED', 8504, 'node'],
      ['tcp', '127.0.0.1', 56354, '127.0.0.1', 8443, 'ESTABLISHED', 8504, 'node'],
      ['tcp', '127.0.0.1', 56360, '127.0.0.1', 8443, 'ESTABLISHED', 8504, 'node'],
      ['tcp', '127.0.0.1', 56370, '127.0.0.1', 8443, 'TIME_WAIT', null, null],
      ['tcp', '127.0.0.53', 5300, '127.0.0.1', 34814, 'ESTABLISHED', 8604, 'python3'],
      ['tcp', '127.0.0.1', 8443, '127.0.0.1', 56354, 'ESTABLISHED', 8504, 'node'],
      ['tcp', '::1', 9443, '::1', 45546, 'ESTABLISHED', 8504, 'node'],
      ['tcp', '::1', 45546, '::1', 9443, 'ESTABLISHED', 8504, 'node'],
    ]);
  });

  it('drops the "%lo" device suffix and unmaps ::ffff: IPv4 peers', () => {
    const r = parseLines(ss, [
      'tcp   ESTAB  0      0      [::ffff:192.168.1.20]:51234 [::ffff:23.1.2.3]:443 users:(("firefox",pid=1234,fd=56))',
    ]);
    const e = eventOf(r[0]);
    expect([e.src, e.dst, e.dport, e.process, e.pid, e.direction]).toEqual([
      '192.168.1.20',
      '23.1.2.3',
      443,
      'firefox',
      1234,
      'out',
    ]);
  });

  it('reads the lead adapter fixture without unknown lines', () => {
    const results = parseLines(ss, fixtureLines('sockets/linux-ss-tunap.txt'));
    expect(results.filter((r) => r.kind === 'unknown')).toEqual([]);
    expect(events(results).length).toBeGreaterThan(0);
  });
});

describe('socket direction rule', () => {
  it.each([
    [51234, 443, new Set<number>(), 'out'],
    [443, 51234, new Set<number>(), 'in'],
    [8443, 51000, new Set([8443]), 'in'],
    [51000, 8443, new Set<number>(), 'out'],
    [5000, 6000, new Set<number>(), null],
    [50000, 60000, new Set<number>(), null],
  ] as const)('local %i, remote %i → %s', (l, r, listening, expected) => {
    expect(socketDirection(l, r, listening)).toBe(expected);
  });
});
