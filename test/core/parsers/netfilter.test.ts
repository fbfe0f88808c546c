import { describe, expect, it } from 'vitest';
import { netfilter } from '../../../main/core/parsers/netfilter';
import { event, fixtureLines, parse } from './helpers';

const lines = fixtureLines('netfilter.log');

describe('netfilter family', () => {
  it.each([
    [
      0,
      {
        time: { month: 12, day: 26, hour: 9, minute: 5, second: 47 },
        proto: 'tcp',
        src: '254.253.252.251',
        sport: 17833,
        dst: '191.192.193.194',
        dport: 22,
        action: 'deny',
        flags: ['SYN', 'ECE', 'CWR'],
        direction: 'in',
        iface: 'eth0',
        length: 52,
        message: 'UFW BLOCK',
      },
    ],
    // UDP: the first LEN is the IP length, the second the UDP length.
    [1, { proto: 'udp', sport: 53, dport: 36427, length: 103, flags: [], action: 'deny', direction: 'in' }],
    // UFW AUDIT decides nothing; IN empty + OUT=ppp0 between two public addresses = this host sending out.
    [2, { action: 'unknown', direction: 'out', iface: 'ppp0', proto: 'udp', dport: 53 }],
    [5 - 1, { action: 'drop', direction: 'in', rule: 'DROP(src wan)', src: '205.205.205.205', dst: '192.168.8.100' }],
    [
      5,
      {
        time: { year: 2026, month: 3, day: 23, hour: 13, minute: 16, second: 49 },
        action: 'reject',
        direction: 'in',
        rule: 'reject wan in',
        length: null,
        flags: [],
      },
    ],
    [6, { action: 'drop', direction: 'out', flags: ['ACK', 'FIN', 'PSH'], iface: 'wlan0', dport: 443 }],
    [7, { action: 'unknown', rule: 'FIREWALL_OUT', flags: ['ACK', 'RST'], direction: 'out' }],
    [8, { proto: 'icmp', sport: null, dport: null, action: 'drop', rule: 'SFW2-INext-DROP-DEFLT', direction: 'in' }],
    [9, { action: 'drop', rule: 'WAN_LOCAL-default', direction: 'in', message: 'WAN_LOCAL-default-D', flags: ['SYN'] }],
    [10, { action: 'allow', rule: 'WAN_OUT-2000', direction: 'out', iface: 'eth0', flags: ['ACK', 'PSH'] }],
    [
      11,
      {
        time: { year: 2021, month: 3, day: 12, hour: 14, minute: 10, second: 18, offsetMinutes: 0 },
        action: 'drop',
        direction: 'in',
        rule: 'wan-lan-default',
      },
    ],
    // ICMP error: the quoted packet's SRC/DST inside [...] must not replace the outer ones.
    [12, { action: 'deny', src: '192.0.2.71', dst: '192.0.2.83', proto: 'icmp', message: 'DENY', length: 88 }],
    [13, { action: 'drop', rule: 'iptables DROP_INPUT', direction: 'in', dport: 445 }],
    [14, { proto: 'icmpv6', src: 'fe80::84:88ff:feae:790a', dst: 'ff02::16', direction: null, action: 'unknown' }],
    [
      15,
      {
        time: { year: 2018, month: 2, day: 14, hour: 22, minute: 36, second: 37, millisecond: 851, offsetMinutes: 60 },
        action: 'allow',
        direction: 'in',
        length: 219,
      },
    ],
    [16, { action: 'allow', direction: null, iface: 'vlan1', proto: 'icmp' }],
    // dmesg without a syslog header: uptime only, so no absolute time.
    [17, { time: null, action: 'reject', direction: 'in', iface: 'wan0', flags: ['SYN'] }],
  ] as const)('fixture line %i', (index, expected) => {
    const e = event(netfilter, lines[index] ?? '');
    expect(e).toMatchObject(expected);
  });

  it('keeps a line whose addresses the user masked as unknown, not as a wrong event', () => {
    for (const line of lines.slice(18)) {
      const r = parse(netfilter, line);
      expect(r.kind).toBe('unknown');
    }
  });

  it('ignores other syslog lines of the same router and leaves foreign text unknown', () => {
    expect(
      parse(netfilter, 'Mar 23 13:16:49 OpenWrt daemon.info dnsmasq-dhcp[1]: DHCPACK(br-lan) 192.168.1.5'),
    ).toEqual({
      kind: 'ignored',
    });
    expect(parse(netfilter, 'hello world').kind).toBe('unknown');
  });

  it('sniffs every fixture line high and unrelated lines at zero', () => {
    for (const line of lines) expect(netfilter.sniff(line)).toBeGreaterThanOrEqual(0.9);
    expect(
      netfilter.sniff('[DoS Attack: ACK Scan] from source: 23.0.0.1, port 443, Saturday, November 21, 2026 09:14:03'),
    ).toBe(0);
  });

  it('parses its own example line', () => {
    expect(event(netfilter, netfilter.example).dport).toBe(22);
  });
});
