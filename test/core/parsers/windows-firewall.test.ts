import { describe, expect, it } from 'vitest';
import { windowsFirewall } from '../../../main/core/parsers/windows-firewall';
import { eventOf, fixtureLines, parseLines } from './fixture';

const lines = fixtureLines('logs/windows-firewall.log');

describe('Windows Firewall pfirewall.log', () => {
  const results = parseLines(windowsFirewall, lines);

  it('treats the W3C header lines as non-events', () => {
    expect(results.slice(0, 4).map((r) => r.kind)).toEqual(['ignored', 'ignored', 'ignored', 'ignored']);
  });

  it('reads a dropped inbound UDP packet with local time and no offset', () => {
    expect(eventOf(results[4])).toEqual({
      time: { year: 2005, month: 4, day: 11, hour: 8, minute: 5, second: 57 },
      proto: 'udp',
      src: '123.45.78.90',
      sport: 137,
      dst: '123.156.78.255',
      dport: 137,
      action: 'drop',
      flags: [],
      direction: 'in',
      iface: null,
      rule: null,
      length: 78,
      message: 'DROP RECEIVE',
      state: null,
      pid: null,
      process: null,
    });
  });

  it('prints OPEN as an allowed connection and skips its CLOSE and lost-events lines', () => {
    expect(eventOf(results[5]).action).toBe('allow');
    // OPEN is a connection this PC made (from outside it would be OPEN-INBOUND), though both ends are public here.
    expect(eventOf(results[5]).direction).toBe('out');
    expect(results[6]).toEqual({ kind: 'ignored' });
    expect(results[10]).toEqual({ kind: 'ignored' });
  });

  it('reads the tcpflags letters', () => {
    expect(eventOf(results[7]).flags).toEqual(['ACK', 'PSH']);
    expect(eventOf(results[9]).flags).toEqual(['ACK', 'FIN']);
  });

  it('keeps ICMP type/code in the message and no ports', () => {
    const e = eventOf(results[8]);
    expect([e.proto, e.sport, e.dport, e.message]).toEqual(['icmp', null, null, 'DROP RECEIVE ICMP type 8 code 0']);
  });

  it('follows a new #Fields header with the pid column, SEND = out', () => {
    const send = eventOf(results[15]);
    expect([send.direction, send.pid, send.dst, send.dport, send.length]).toEqual([
      'out',
      11188,
      '34.120.208.123',
      443,
      0,
    ]);
    const syn = eventOf(results[16]);
    expect([syn.flags, syn.pid, syn.direction]).toEqual([['SYN'], 4, 'in']);
  });

  it('marks times as UTC when the header says so', () => {
    const r = parseLines(windowsFirewall, [
      '#Time Format: UTC',
      '#Fields: date time action protocol src-ip dst-ip src-port dst-port size tcpflags tcpsyn tcpack tcpwin icmptype icmpcode info path pid',
      '2023-11-20 17:53:54 DROP TCP 192.168.10.30 34.120.208.123 61005 443 0 - 0 0 0 - - - SEND 11188',
    ]);
    expect(eventOf(r[2]).time?.offsetMinutes).toBe(0);
  });

  it('sniffs the header and rows', () => {
    expect(windowsFirewall.sniff('#Software: Microsoft Windows Firewall')).toBe(1);
    expect(windowsFirewall.sniff(lines[15] ?? '')).toBeGreaterThan(0.8);
    expect(windowsFirewall.sniff('2026-11-21 09:14:03 GET /index.html 200')).toBe(0);
  });
});
