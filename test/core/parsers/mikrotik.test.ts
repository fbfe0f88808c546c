import { describe, expect, it } from 'vitest';
import { mikrotik } from '../../../main/core/parsers/mikrotik';
import { eventOf, fixtureLines, parseLines } from './fixture';

const lines = fixtureLines('logs/mikrotik.log');

describe('MikroTik RouterOS firewall log', () => {
  const results = parseLines(mikrotik, lines);

  it('reads a forwarded reply from the internet with flags, interface and length', () => {
    expect(eventOf(results[0])).toEqual({
      time: { month: 7, day: 22, hour: 10, minute: 54, second: 38 },
      proto: 'tcp',
      src: '103.78.248.25',
      sport: 3306,
      dst: '198.20.103.242',
      dport: 37310,
      action: 'unknown',
      flags: ['ACK', 'FIN'],
      direction: null,
      iface: 'ether6.8-STL-CLOUD',
      rule: 'prerouting',
      length: 52,
      message: 'prerouting',
      state: null,
      pid: null,
      process: null,
    });
  });

  it('reads the pre-NAT addresses of a NAT line and the RFC 3339 header time', () => {
    const e = eventOf(results[1]);
    expect([e.src, e.sport, e.dst, e.dport, e.direction, e.length]).toEqual([
      '172.17.103.127',
      34923,
      '52.88.118.255',
      80,
      'out',
      52,
    ]);
    expect(e.time).toEqual({ year: 2023, month: 3, day: 14, hour: 1, minute: 28, second: 8, offsetMinutes: -240 });
  });

  it('reads RouterOS native dates and keeps the log-prefix as the rule', () => {
    const e = eventOf(results[2]);
    expect([e.time, e.rule, e.direction, e.flags]).toEqual([
      { month: 1, day: 15, hour: 14, minute: 30, second: 1 },
      'cs-filter',
      'in',
      ['SYN'],
    ]);
  });

  it('reads ICMP without ports, today-only clocks, and RouterOS 7 connection-state', () => {
    const icmp = eventOf(results[3]);
    expect([icmp.time, icmp.proto, icmp.sport, icmp.message, icmp.iface]).toEqual([
      { hour: 10, minute: 29, second: 41, today: true },
      'icmp',
      null,
      'forward type 8, code 0',
      'ether3',
    ]);
    // Both ends public, forwarded out of ether1: RouterOS's default WAN port, so outbound (198.51.100.6 is ours).
    expect(icmp.direction).toBe('out');
    const out = eventOf(results[4]);
    expect([out.iface, out.message, out.direction]).toEqual([
      'sfp-sfpplus2',
      'output connection-state:established type 8, code 0',
      'out',
    ]);
    const bare = eventOf(results[5]);
    expect([bare.time, bare.direction, bare.length]).toEqual([null, 'in', null]);
  });

  it('reads UDP and leaves other RouterOS topics as unknown lines', () => {
    const udp = eventOf(results[6]);
    expect([udp.proto, udp.sport, udp.dport, udp.time]).toEqual([
      'udp',
      5300,
      53,
      { month: 9, day: 3, hour: 9, minute: 3, second: 2 },
    ]);
    expect(results[7]?.kind).toBe('unknown');
  });

  it('takes the verdict from a log-prefix that names one', () => {
    const r = parseLines(mikrotik, [
      'sep/03 09:02:02 firewall,info drop forward: in:ether2 out:(unknown 0), src-mac 02:00:00:00:00:02, proto ICMP (type 8, code 0), 10.7.7.7->10.8.8.8, len 84',
    ]);
    expect(eventOf(r[0]).action).toBe('drop');
  });

  it('takes ether1 for the WAN only facing a LAN port (routers with SFP uplinks may use it for a LAN)', () => {
    const [fromSfp, toBridge] = parseLines(mikrotik, [
      'sep/03 09:02:02 firewall,info forward: in:sfp-sfpplus1 out:ether1, src-mac 02:00:00:00:00:02, proto TCP (SYN), 185.220.101.1:45678->203.0.113.20:22, len 60',
      'sep/03 09:02:03 firewall,info forward: in:ether1 out:bridge, src-mac 02:00:00:00:00:02, proto TCP (SYN), 185.220.101.1:45678->203.0.113.20:22, len 60',
    ]);
    // Both ends public: out of ether1 from an uplink says nothing; into a bridge from ether1 is inbound.
    expect(eventOf(fromSfp).direction).toBeNull();
    expect(eventOf(toBridge).direction).toBe('in');
  });
});
