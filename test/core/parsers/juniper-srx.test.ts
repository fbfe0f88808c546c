import { describe, expect, it } from 'vitest';
import { juniperSrx } from '../../../main/core/parsers/juniper-srx';
import { eventOf, fixtureLines, parseLines } from './fixture';

const lines = fixtureLines('logs/juniper-srx.log');

describe('Juniper SRX RT_FLOW', () => {
  const results = parseLines(juniperSrx, lines);

  it('reads a structured-data SESSION_DENY', () => {
    expect(eventOf(results[0])).toEqual({
      time: { year: 2019, month: 11, day: 14, hour: 11, minute: 12, second: 46, millisecond: 573, offsetMinutes: 60 },
      proto: 'udp',
      src: '10.0.0.26',
      sport: 37233,
      dst: '67.43.156.13',
      dport: 161,
      action: 'deny',
      flags: [],
      direction: 'out',
      iface: '.local..0',
      rule: 'MgmtAccess-trust-cleanup',
      length: null,
      message: 'RT_FLOW_SESSION_DENY trust->junos-host',
      state: null,
      pid: null,
      process: null,
    });
  });

  it('reads a structured SESSION_CREATE from the untrust zone as inbound ICMP without ports', () => {
    const e = eventOf(results[1]);
    expect([e.proto, e.sport, e.dport, e.direction, e.action, e.iface]).toEqual([
      'icmp',
      null,
      null,
      'in',
      'allow',
      'reth2.0',
    ]);
  });

  it('prints nothing for SESSION_CLOSE and APPTRACK records', () => {
    expect(results[2]).toEqual({ kind: 'ignored' });
    expect(results[8]).toEqual({ kind: 'ignored' });
  });

  it('reads the standard text DENY and CREATE layouts', () => {
    const deny = eventOf(results[3]);
    expect([deny.time, deny.src, deny.sport, deny.dst, deny.dport, deny.proto, deny.rule, deny.iface]).toEqual([
      { month: 9, day: 29, hour: 23, minute: 49, second: 20 },
      '10.0.0.1',
      54924,
      '192.168.1.1',
      53,
      'udp',
      'default-deny(global)',
      'ge-0/0/0.0',
    ]);
    const create = eventOf(results[4]);
    expect([create.proto, create.rule, create.direction, create.action]).toEqual([
      'tcp',
      'log-host-traffic',
      'in',
      'allow',
    ]);
    const icmp = eventOf(results[5]);
    expect([icmp.proto, icmp.src, icmp.direction, icmp.sport]).toEqual(['icmp', '88.198.106.22', 'in', null]);
  });

  it('reads pre-NAT addresses and zones named INTERNET / ZONE-UNTRUST', () => {
    const out = eventOf(results[6]);
    expect([out.src, out.sport, out.dst, out.proto, out.direction, out.rule]).toEqual([
      '192.168.1.102',
      58662,
      '8.8.8.8',
      'udp',
      'out',
      'OUTBOUND-INTERNET-ACCESS',
    ]);
    const counter = eventOf(results[7]);
    expect([counter.time, counter.direction, counter.dport]).toEqual([
      { year: 2016, month: 5, day: 25, hour: 14, minute: 47, second: 23, offsetMinutes: 0 },
      'in',
      8090,
    ]);
  });
});
