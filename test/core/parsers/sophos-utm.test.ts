import { describe, expect, it } from 'vitest';
import { sophosUtm } from '../../../main/core/parsers/sophos-utm';
import { eventOf, fixtureLines, parseLines } from './fixture';

const lines = fixtureLines('logs/sophos-utm.log');

describe('Sophos UTM packet filter', () => {
  const results = parseLines(sophosUtm, lines);

  it('reads a dropped TCP packet with its flags, rule, interface and length', () => {
    expect(eventOf(results[0])).toEqual({
      time: { year: 2023, month: 4, day: 28, hour: 0, minute: 50, second: 54 },
      proto: 'tcp',
      src: '67.43.156.2',
      sport: 443,
      dst: '89.160.20.129',
      dport: 42181,
      action: 'drop',
      flags: ['ACK', 'PSH'],
      direction: null,
      iface: 'eth6',
      rule: '60019',
      length: 88,
      message: 'Packet dropped (GEOIP)',
      state: null,
      pid: null,
      process: null,
    });
  });

  it('reads UDP and lines behind a <PRI>', () => {
    const e = eventOf(results[1]);
    expect([e.proto, e.sport, e.dport, e.flags]).toEqual(['udp', 5319, 5060, []]);
    const dns = eventOf(results[2]);
    expect([dns.time?.hour, dns.action, dns.message]).toEqual([11, 'unknown', 'DNS request']);
  });

  it('prints nothing for other UTM subsystems', () => {
    const r = parseLines(sophosUtm, [
      '2023:03:08-15:19:36 sophos-test-vm1 httpproxy[6267]: id="0072" severity="info" sys="SecureWeb" sub="http" name="Contentfilter warned and proceeded" url="https://myurl.test.com/extension" srcip="67.43.156.2" category="9998" categoryname="Uncategorized"',
      '2023:04:28-02:03:58 sophos-test-vm1 named[7442]: clients-per-query increased to 15',
    ]);
    expect(r).toEqual([{ kind: 'ignored' }, { kind: 'ignored' }]);
  });
});
