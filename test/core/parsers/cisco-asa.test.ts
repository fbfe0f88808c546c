import { describe, expect, it } from 'vitest';
import { ciscoAsa } from '../../../main/core/parsers/cisco-asa';
import { eventOf, fixtureLines, parseLines } from './fixture';

const lines = fixtureLines('logs/cisco-asa.log');

describe('Cisco ASA', () => {
  const results = parseLines(ciscoAsa, lines);

  it('reads 106023 with interfaces, ACL name and the year-before-time stamp', () => {
    expect(eventOf(results[0])).toEqual({
      time: { year: 2013, month: 4, day: 30, hour: 9, minute: 23, second: 40 },
      proto: 'tcp',
      src: '192.168.2.126',
      sport: 53638,
      dst: '10.0.0.132',
      dport: 8111,
      action: 'deny',
      flags: [],
      direction: 'in',
      iface: 'outside',
      rule: 'acl_out',
      length: null,
      message: 'ASA-4-106023',
      state: null,
      pid: null,
      process: null,
    });
  });

  it('reads 106023 toward the outside interface as outbound, with ICMP type text and a <IP> host', () => {
    const e = eventOf(results[1]);
    expect([e.direction, e.rule, e.dport]).toEqual(['out', 'acl_dmz', 53]);
    expect(eventOf(results[2]).proto).toBe('udp');
  });

  it('reads 106100 permitted/denied lines and ignores zone abbreviations other than UTC', () => {
    const denied = eventOf(results[3]);
    expect([denied.action, denied.proto, denied.sport, denied.dport, denied.rule, denied.direction]).toEqual([
      'deny',
      'udp',
      1039,
      53,
      'inside',
      'out',
    ]);
    const permitted = eventOf(results[4]);
    expect([permitted.action, permitted.time]).toEqual([
      'allow',
      { year: 2014, month: 4, day: 15, hour: 9, minute: 34, second: 34 },
    ]);
  });

  it('reads 106001 and 106015 with their TCP flags (the CDN late-RST case)', () => {
    const e = eventOf(results[5]);
    expect([e.time, e.src, e.sport, e.dst, e.dport, e.flags, e.direction, e.iface]).toEqual([
      { month: 9, day: 21, hour: 14, minute: 0, second: 10 },
      '203.0.113.143',
      27501,
      '10.1.9.208',
      110,
      ['RST'],
      'in',
      'outside',
    ]);
    expect([eventOf(results[6]).time, eventOf(results[6]).flags]).toEqual([null, ['RST']]);
    const noConn = eventOf(results[7]);
    expect([noConn.flags, noConn.direction, noConn.sport]).toEqual([['RST'], 'in', 1234]);
    expect(eventOf(results[8]).direction).toBe('in');
  });

  it('orders Built connections by who initiated them and skips the teardown', () => {
    const out = eventOf(results[9]);
    expect([out.src, out.sport, out.dst, out.dport, out.direction, out.action]).toEqual([
      '10.123.3.42',
      4952,
      '192.168.2.43',
      443,
      'out',
      'allow',
    ]);
    const inbound = eventOf(results[10]);
    expect([inbound.src, inbound.sport, inbound.dst, inbound.dport, inbound.direction]).toEqual([
      '10.2.3.4',
      49926,
      '81.2.69.144',
      80,
      'in',
    ]);
    expect(results[11]).toEqual({ kind: 'ignored' });
    const v6 = eventOf(results[12]);
    expect([v6.src, v6.dport]).toEqual(['2a02:cf40:add:4002:91f2:a9b2:e09a:6fc6', 443]);
  });

  it('reads Built ICMP and ignores translations', () => {
    const icmp = eventOf(results[13]);
    expect([icmp.proto, icmp.src, icmp.dst, icmp.sport, icmp.direction]).toEqual([
      'icmp',
      '175.16.199.1',
      '67.43.156.15',
      null,
      'in',
    ]);
    expect(results[14]).toEqual({ kind: 'ignored' });
  });
});
