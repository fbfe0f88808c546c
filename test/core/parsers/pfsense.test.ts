import { describe, expect, it } from 'vitest';
import { pfsense } from '../../../main/core/parsers/pfsense';
import { eventOf, fixtureLines, parseLines } from './fixture';

const lines = fixtureLines('logs/pfsense.log');

describe('pfSense / OPNsense filterlog', () => {
  const results = parseLines(pfsense, lines);

  it('reads an IPv4 TCP block with the BSD syslog time, flags, tracker and length', () => {
    expect(eventOf(results[0])).toEqual({
      time: { month: 7, day: 3, hour: 19, minute: 10, second: 30 },
      proto: 'tcp',
      src: '10.170.12.50',
      sport: 49724,
      dst: '1.1.1.1',
      dport: 853,
      action: 'deny',
      flags: ['SYN'],
      direction: 'out',
      iface: 'igb1.12',
      rule: '1535324496',
      length: 60,
      message: 'block in on igb1.12 (match)',
      state: null,
      pid: null,
      process: null,
    });
  });

  it('reads UDP pass lines', () => {
    const e = eventOf(results[1]);
    expect([e.proto, e.src, e.sport, e.dst, e.dport, e.action, e.flags]).toEqual([
      'udp',
      '10.170.27.27',
      123,
      '216.229.4.66',
      123,
      'allow',
      [],
    ]);
  });

  it('reads IPv6, where protocol text and number swap places', () => {
    const e = eventOf(results[2]);
    expect([e.proto, e.src, e.sport, e.dst, e.dport, e.length, e.direction]).toEqual([
      'udp',
      'fe80::208:9bff:fef3:652b',
      546,
      'ff02::1:2',
      547,
      32,
      null,
    ]);
  });

  it('reads IGMP and ICMP without ports', () => {
    const igmp = eventOf(results[3]);
    expect([igmp.proto, igmp.sport, igmp.dport]).toEqual(['igmp', null, null]);
    const icmp = eventOf(results[4]);
    expect([icmp.proto, icmp.dst, icmp.sport, icmp.dport, icmp.direction]).toEqual([
      'icmp',
      '142.250.114.105',
      null,
      null,
      'out',
    ]);
  });

  it('reads OPNsense lines with a host name, and RFC 5424 headers with offsets and structured data', () => {
    expect(eventOf(results[5]).time).toEqual({ month: 1, day: 1, hour: 2, minute: 21, second: 38 });
    const r5424 = eventOf(results[7]);
    expect(r5424.time).toEqual({ year: 2022, month: 6, day: 9, hour: 14, minute: 44, second: 11, offsetMinutes: -360 });
    expect([r5424.src, r5424.dport, r5424.rule]).toEqual(['192.168.1.1', 80, 'fae559338f65e11c53669fc3642c93c2']);
    expect(eventOf(results[8]).time).toMatchObject({ year: 2021, millisecond: 578, offsetMinutes: -300 });
  });

  it('marks other programs of the same syslog stream as not filterlog', () => {
    expect(results[6]?.kind).toBe('unknown');
  });

  it('reads the bare CSV without any syslog header (time null)', () => {
    const e = eventOf(results[9]);
    expect([e.time, e.proto, e.src, e.dst, e.action]).toEqual([null, 'carp', '192.168.11.1', '224.0.0.18', 'deny']);
  });
});
